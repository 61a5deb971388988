"""The bundled sample data set: about 4,400 fictional postings in 30 job families
and four languages, the offline default source (see LICENSE.md).

The file stores dates relative to a fixed anchor; `sample_postings()` shifts
them so the newest posting is always a couple of days old, which keeps
"posted within N days" filters meaningful whenever the app runs. Only the set
ships here; regenerate it from the repository root with
`python -m tools.sample_data.generate` (the generator and its YAML banks live in
tools/sample_data/).
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from jobagent_core.discovery.schema import PostingData

DATA_FILE = "postings.jsonl.gz"
# The newest posting is this many days old after shifting.
NEWEST_AGE_DAYS = 2


class SampleDataError(RuntimeError):
    """The bundled file is missing or unreadable: the installation is broken."""


@lru_cache(maxsize=1)
def _raw() -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    try:
        payload = resources.files(__package__).joinpath(DATA_FILE).read_bytes()
        lines = gzip.decompress(payload).decode().splitlines()
        meta = json.loads(lines[0])["meta"]
        records = tuple(json.loads(line) for line in lines[1:] if line)
    except (OSError, ValueError, KeyError, IndexError) as exc:
        raise SampleDataError(f"the bundled sample data set cannot be read: {exc}") from exc
    return meta, records


@lru_cache(maxsize=2)
def _load(today: date) -> tuple[PostingData, ...]:
    _, records = _raw()
    stamps = [datetime.fromisoformat(r["posted_at"]) for r in records]
    # Whole days keep each posting's time of day (and weekday pattern) intact.
    shift = timedelta(days=(today - max(stamps).date()).days - NEWEST_AGE_DAYS)
    return tuple(
        PostingData.model_validate({**record, "posted_at": stamp + shift})
        for record, stamp in zip(records, stamps, strict=True)
    )


def sample_postings(now: datetime | None = None) -> tuple[PostingData, ...]:
    """Every sample posting, dated so the newest is NEWEST_AGE_DAYS before `now`
    (today, UTC, by default) and the oldest about two months earlier.

    Parsed once per process and cached per day. Raises SampleDataError when the
    bundled file is missing or corrupt."""
    return _load((now or datetime.now(UTC)).astimezone(UTC).date())


@lru_cache(maxsize=1)
def sample_size() -> int:
    """How many postings the set holds, from its header line alone (cheap: for labels)."""
    try:
        source = resources.files(__package__).joinpath(DATA_FILE)
        with source.open("rb") as raw, gzip.open(raw) as lines:
            return int(json.loads(lines.readline())["meta"]["count"])
    except (OSError, ValueError, KeyError) as exc:
        raise SampleDataError(f"the bundled sample data set cannot be read: {exc}") from exc


def sample_anchor() -> datetime:
    """The fixed date the stored `posted_at` values are relative to."""
    return datetime.fromisoformat(_raw()[0]["anchor"])
