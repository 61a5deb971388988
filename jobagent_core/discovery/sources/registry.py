"""Job sources by name, and the one parser for the specs that name them.

A source spec is how a person, the web app, the API or the CLI names a source:

    sample                          the bundled sample set (offline)
    greenhouse:<board>              a Greenhouse board, e.g. greenhouse:stripe
    lever:<site> / lever:eu:<site>  a Lever site
    ashby:<board>                   an Ashby board
    arbeitnow, remoteok, themuse    keyless job APIs
    serpapi, adzuna:<country>       job APIs that need keys
    file:<storage key>:<signature>  an uploaded job file, signed for its user
                                    (`file_specs.file_source` writes these)

Specs are stored as written in `job_searches.sources`, so this grammar is also the
database's. The CLI alone reads `file:<path>` (a job file on this machine): it
splits the prefix with `split_source_spec` and never sends that form on.

    spec = parse_source_spec("greenhouse:Stripe")   # SourceSpec("greenhouse", ("stripe",))
    source = build_source(spec, settings=get_settings())
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
_PLACEHOLDER = re.compile(r"<(\w+)>")
# The bundled sample set: offline, always there (a search's default source).
SAMPLE_SPEC = SampleSource.name
# An uploaded job file: "file:<storage key>:<signature>" (see `file_specs`).
FILE_KIND = "file"
FILE_PREFIX = f"{FILE_KIND}:"
FILE_LABEL = "uploaded job file"
_FILE_SIGNATURE = re.compile(r"[0-9a-f]{32}")
INVALID_FILE_SOURCE = "Upload the job file again in the web app: this file source is not valid."


@dataclass(frozen=True)
class SourceSpec:
    """A source spec as `parse_source_spec` read it: its `kind` ("sample", a
    `LIVE_SOURCES` kind or "file"), its `args` cleaned (board names and countries
    lower-cased; a file's storage key and signature as written) and the `raw` text
    it was read from, which is what is stored. `str()` gives the cleaned spec."""

    kind: str
    args: tuple[str, ...]
    raw: str

    @property
    def is_file(self) -> bool:
        return self.kind == FILE_KIND

    def __str__(self) -> str:
        return ":".join((self.kind, *self.args))


def split_source_spec(spec: str) -> tuple[str, str]:
    """(kind, rest): the spec up to its first ':' trimmed and lower-cased, and what
    follows that ':' as written ("" when there is none). Never raises."""
    kind, _, rest = spec.strip().partition(":")
    return kind.strip().lower(), rest


def parse_source_spec(spec: str) -> SourceSpec:
    """The source `spec` names, checked as far as it can be without settings or a
    user: the kind exists, takes these arguments, board names and Adzuna countries
    are well-formed, a file spec has a storage key and a signature's shape. Raises
    `SourceSpecError` (`UnknownSource` for a kind there is not) saying what to write.

    Whether a keyed source's keys are set is `build_source`'s question, and whether
    a file spec was signed for this user is `file_specs.file_key`'s."""
    text = spec.strip()
    if not text:
        raise SourceSpecError(f"A job source is empty — write one of: {', '.join(source_specs())}")
    kind, rest = split_source_spec(text)
    if kind == FILE_KIND:
        return SourceSpec(FILE_KIND, _file_args(rest), spec)
    args = tuple(p.strip() for p in rest.split(":")) if ":" in text else ()
    if any(not a for a in args):
        raise _incomplete(text, kind)
    match kind, args:
        case "sample", ():
            return SourceSpec(kind, (), spec)
        case (("greenhouse" | "ashby" | "lever"), (name,)):
            return SourceSpec(kind, (validate_board_name(kind, name),), spec)
        case "lever", (region, name) if region.lower() == "eu":
            return SourceSpec(kind, ("eu", validate_board_name(kind, name)), spec)
        case (("arbeitnow" | "remoteok" | "themuse" | "serpapi"), ()):
            return SourceSpec(kind, (), spec)
        case "adzuna", (country,):
            if country.lower() not in COUNTRIES:
                raise SourceSpecError(
                    f"Adzuna has no job search for country '{country}' — use one of "
                    f"{', '.join(sorted(COUNTRIES))}, e.g. adzuna:de"
                )
            return SourceSpec(kind, (country.lower(),), spec)
    raise _unknown(text, kind)


def source_spec_label(spec: str) -> str:
    """How a spec is named to people, even a malformed one: an uploaded job file
    never shows its storage key or signature."""
    kind, _ = split_source_spec(spec)
    return FILE_LABEL if kind == FILE_KIND else spec.strip()


def _file_args(rest: str) -> tuple[str, str]:
    key, colon, signature = rest.rpartition(":")
    if not colon or not key.strip() or not _FILE_SIGNATURE.fullmatch(signature):
        raise SourceSpecError(INVALID_FILE_SOURCE)
    return key, signature


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
    spec: str | SourceSpec,
    *,
    settings: object | None = None,
    base_url: str | None = None,
    http: HttpOptions | None = None,
) -> JobSource:
    """The source a spec names (parsed with `parse_source_spec` when given as text).
    Keys come from `settings` (SERPAPI_API_KEY, ADZUNA_APP_ID, ADZUNA_APP_KEY).
    Raises `SourceSpecError` for an unknown or malformed spec and for an uploaded job
    file (read with its user's key: `file_specs.file_key`), and `MissingCredentials`
    when a needed key is not set."""
    parsed = spec if isinstance(spec, SourceSpec) else parse_source_spec(spec)
    kind, args = parsed.kind, parsed.args
    match kind:
        case "sample":
            return SampleSource()
        case "greenhouse":
            return GreenhouseSource(args[0], base_url=base_url, http=http)
        case "ashby":
            return AshbySource(args[0], base_url=base_url, http=http)
        case "lever" if len(args) == 2:
            return LeverSource(args[1], region="eu", base_url=base_url, http=http)
        case "lever":
            return LeverSource(args[0], base_url=base_url, http=http)
        case "arbeitnow":
            return ArbeitnowSource(base_url=base_url, http=http)
        case "remoteok":
            return RemoteOkSource(base_url=base_url, http=http)
        case "themuse":
            return TheMuseSource(base_url=base_url, http=http)
        case "serpapi":
            (api_key,) = _credentials(settings, kind)
            return SerpApiSource(api_key, base_url=base_url, http=http)
        case "adzuna":
            app_id, app_key = _credentials(settings, kind)
            return AdzunaSource(args[0], app_id, app_key, base_url=base_url, http=http)
        case "file":
            raise SourceSpecError("An uploaded job file is read for the user it was signed for.")
    raise _unknown(parsed.raw, kind)


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


def _incomplete(spec: str, kind: str) -> SourceSpecError:
    """A known kind with an empty part, e.g. "greenhouse:" or "lever:eu:"."""
    what = _PLACEHOLDER.search(_KINDS[kind].spec) if kind in _KINDS else None
    if what is None:
        return _unknown(spec, kind)
    return SourceSpecError(f"'{spec}' names no {what.group(1)} — write {_KINDS[kind].spec}")


def _unknown(spec: str, kind: str) -> SourceSpecError:
    if kind == SAMPLE_SPEC:
        return SourceSpecError(f"'{spec}' is not a valid source — write {SAMPLE_SPEC}")
    if kind in _KINDS:
        return SourceSpecError(
            f"'{spec}' is not a valid {_KINDS[kind].label} source — write {_KINDS[kind].spec}"
        )
    return UnknownSource(spec)
