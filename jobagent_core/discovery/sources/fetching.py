"""What every live source does with a board's API: fetch a page without ever
raising (a failure becomes a warning in the result), validate its shape, and
convert its items into postings, skipping a bad item (with a warning) but keeping
the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from jobagent_core.discovery.http import BoardHttp, Params
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.base import SourceResult
from jobagent_core.fetch_errors import FetchError, NotFound

Item = TypeVar("Item", bound=BaseModel)


def first_problem(exc: ValidationError) -> str:
    """ "title: Field required" — the first reason pydantic gives, short."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def add_items(
    result: SourceResult,
    raw_items: Iterable[object],
    *,
    model: type[Item],
    convert: Callable[[Item], PostingData],
    label: str,
    limit: int,
) -> None:
    """Validate and convert each raw item into `result`, skipping (with a warning)
    the ones that do not fit, until `result` holds `limit` postings."""
    for raw in raw_items:
        if len(result.postings) >= limit:
            return
        try:
            posting = convert(model.model_validate(raw))
        except ValidationError as exc:
            result.warnings.append(
                f"{label}: skipped a posting{_item_ref(raw)} — {first_problem(exc)}"
            )
        except (ValueError, TypeError, KeyError) as exc:
            result.warnings.append(f"{label}: skipped a posting{_item_ref(raw)} — {exc}")
        else:
            result.postings.append(posting)


def _item_ref(raw: object) -> str:
    if isinstance(raw, dict):
        for key in ("id", "slug", "job_id"):
            value = raw.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                return f" (id {str(value)[:40]})"
    return ""


def fetch_json(
    http: BoardHttp,
    url: str,
    params: Params | None,
    result: SourceResult,
    *,
    label: str,
    not_found: str | None = None,
) -> object | None:
    """The JSON at `url`, or None with a warning in `result` saying what went wrong."""
    try:
        return http.get_json(url, params)
    except NotFound as err:
        result.warnings.append(not_found or f"{label}: {err.message}")
    except FetchError as err:
        result.warnings.append(f"{label}: {err.message}")
    return None


def parse_page(
    model: type[Item], payload: object | None, result: SourceResult, *, label: str
) -> Item | None:
    """`payload` validated as `model`; None if there is no payload (the fetch already
    warned) or, with a warning, if its shape is wrong."""
    if payload is None:
        return None
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        result.warnings.append(
            f"{label}: the response did not have the expected shape ({first_problem(exc)})"
        )
        return None
