"""Live sources by name: "greenhouse:stripe", "lever:eu:acme", "ashby:linear",
"arbeitnow", "remoteok", "themuse", "serpapi", "adzuna:de".

    source = build_source("greenhouse:stripe", settings=get_settings())
    kinds = configured_live_sources(settings)   # which kinds this install can use
    source_specs()   # how to write every source a search can name, for help and errors
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import SecretStr

from jobagent_core.discovery.http import HttpOptions
from jobagent_core.discovery.sources.adzuna import COUNTRIES, AdzunaSource
from jobagent_core.discovery.sources.arbeitnow import ArbeitnowSource
from jobagent_core.discovery.sources.ashby import AshbySource
from jobagent_core.discovery.sources.base import JobSource
from jobagent_core.discovery.sources.greenhouse import GreenhouseSource
from jobagent_core.discovery.sources.lever import LeverSource
from jobagent_core.discovery.sources.remoteok import RemoteOkSource
from jobagent_core.discovery.sources.sample import SampleSource
from jobagent_core.discovery.sources.serpapi import SerpApiSource
from jobagent_core.discovery.sources.themuse import TheMuseSource


class SourceSpecError(ValueError):
    """A source spec that cannot be used; `str(err)` says what to write instead."""


class MissingCredentials(SourceSpecError):
    """The source needs keys that are not configured."""


class UnknownSource(SourceSpecError):
    """A spec that names no source at all; the message lists every source there is
    (`source_specs`), with `also` for sources only one face offers (the CLI's files)."""

    def __init__(self, spec: str, *also: str) -> None:
        known = ", ".join(source_specs(*also))
        super().__init__(f"Unknown job source '{spec}' — expected one of: {known}")
        self.spec = spec


@dataclass(frozen=True)
class LiveSourceKind:
    kind: str
    label: str
    spec: str  # how to write it, e.g. "greenhouse:<board>"
    settings: tuple[str, ...] = ()  # settings that must be set to use it


LIVE_SOURCES: tuple[LiveSourceKind, ...] = (
    LiveSourceKind("greenhouse", "Greenhouse company board", "greenhouse:<board>"),
    LiveSourceKind("lever", "Lever company site", "lever:<site> or lever:eu:<site>"),
    LiveSourceKind("ashby", "Ashby company board", "ashby:<board>"),
    LiveSourceKind("arbeitnow", "Arbeitnow", "arbeitnow"),
    LiveSourceKind("remoteok", "Remote OK", "remoteok"),
    LiveSourceKind("themuse", "The Muse", "themuse"),
    LiveSourceKind("serpapi", "Google Jobs via SerpAPI", "serpapi", ("SERPAPI_API_KEY",)),
    LiveSourceKind("adzuna", "Adzuna", "adzuna:<country>", ("ADZUNA_APP_ID", "ADZUNA_APP_KEY")),
)
_KINDS = {k.kind: k for k in LIVE_SOURCES}
_BOARD_NAME = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?")
# The bundled sample set: offline, always there (a search's default source).
SAMPLE_SPEC = SampleSource.name


def source_specs(*also: str) -> list[str]:
    """How to write each source a search can name: the sample set, every live kind
    (as in `LIVE_SOURCES`), then `also`."""
    return [SAMPLE_SPEC, *(k.spec for k in LIVE_SOURCES), *also]


def validate_board_name(kind: str, name: str) -> str:
    """The board/site name, trimmed and lower-cased, if it is well-formed:
    lowercase letters, digits, '-', '_' and '.', starting and ending with a letter
    or digit. Raises `SourceSpecError` naming the board otherwise. Whether the board
    exists is only known when it is fetched (a 404 becomes a warning)."""
    cleaned = name.strip().lower()
    if not _BOARD_NAME.fullmatch(cleaned):
        label = _KINDS[kind].label if kind in _KINDS else kind
        raise SourceSpecError(
            f"{label} name '{name}' is not valid — use the name from the board's URL "
            "(lowercase letters, digits, '-', '_' or '.')"
        )
    return cleaned


def build_source(
    spec: str,
    *,
    settings: object | None = None,
    base_url: str | None = None,
    http: HttpOptions | None = None,
) -> JobSource:
    """The source a spec names. Keys come from `settings` (SERPAPI_API_KEY,
    ADZUNA_APP_ID, ADZUNA_APP_KEY). Raises `SourceSpecError` for an unknown or
    malformed spec and `MissingCredentials` when a needed key is not set."""
    kind, *args = [p.strip() for p in spec.strip().split(":")]
    kind = kind.lower()
    match kind, len(args):
        case "greenhouse", 1:
            return GreenhouseSource(
                validate_board_name(kind, args[0]), base_url=base_url, http=http
            )
        case "ashby", 1:
            return AshbySource(validate_board_name(kind, args[0]), base_url=base_url, http=http)
        case "lever", 1:
            return LeverSource(validate_board_name(kind, args[0]), base_url=base_url, http=http)
        case "lever", 2 if args[0].lower() == "eu":
            site = validate_board_name(kind, args[1])
            return LeverSource(site, region="eu", base_url=base_url, http=http)
        case "arbeitnow", 0:
            return ArbeitnowSource(base_url=base_url, http=http)
        case "remoteok", 0:
            return RemoteOkSource(base_url=base_url, http=http)
        case "themuse", 0:
            return TheMuseSource(base_url=base_url, http=http)
        case "serpapi", 0:
            (api_key,) = _credentials(settings, kind)
            return SerpApiSource(api_key, base_url=base_url, http=http)
        case "adzuna", 1:
            country = args[0].lower()
            if country not in COUNTRIES:
                raise SourceSpecError(
                    f"Adzuna has no job search for country '{args[0]}' — use one of "
                    f"{', '.join(sorted(COUNTRIES))}, e.g. adzuna:de"
                )
            app_id, app_key = _credentials(settings, kind)
            return AdzunaSource(country, app_id, app_key, base_url=base_url, http=http)
    raise _unknown(spec, kind)


def configured_live_sources(settings: object | None) -> list[str]:
    """The live source kinds this installation can use, in catalogue order: the
    keyless ones always, SerpAPI and Adzuna only when their keys are set."""
    return [k.kind for k in LIVE_SOURCES if all(_secret(settings, s) for s in k.settings)]


def _credentials(settings: object | None, kind: str) -> tuple[str, ...]:
    names = _KINDS[kind].settings
    values = {name: _secret(settings, name) for name in names}
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise MissingCredentials(f"{_KINDS[kind].label} needs {' and '.join(missing)} to be set")
    return tuple(v for v in values.values() if v)


def _secret(settings: object | None, name: str) -> str | None:
    value = getattr(settings, name, None)
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    return (value.strip() or None) if isinstance(value, str) else None


def _unknown(spec: str, kind: str) -> SourceSpecError:
    if kind in _KINDS:
        return SourceSpecError(
            f"'{spec}' is not a valid {_KINDS[kind].label} source — write {_KINDS[kind].spec}"
        )
    return UnknownSource(spec)
