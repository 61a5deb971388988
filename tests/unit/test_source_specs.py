"""One parser for source specs: every form it reads, every mistake it names, and
the signed job-file specs that pass through it."""

from __future__ import annotations

import re

import pytest

from jobagent_core.cli_search import local_file_path
from jobagent_core.config import load_settings
from jobagent_core.discovery.sources.registry import (
    SourceSpec,
    SourceSpecError,
    UnknownSource,
    build_source,
    parse_source_spec,
    source_spec_label,
    split_source_spec,
)
from jobagent_core.discovery.sources.sample import SampleSource
from jobagent_core.workflows import job_search_start
from jobagent_core.workflows.job_search import _label
from jobagent_core.workflows.job_search_start import check_sources, file_key, file_source

pytestmark = pytest.mark.unit

KEY = "sha256/ab/" + "ab" * 32 + ".json"
SETTINGS = load_settings(BETTER_AUTH_SECRET="s" * 40)


@pytest.mark.parametrize(
    ("spec", "kind", "args"),
    [
        ("sample", "sample", ()),
        (" Sample ", "sample", ()),
        ("greenhouse:stripe", "greenhouse", ("stripe",)),
        ("Greenhouse: Stripe ", "greenhouse", ("stripe",)),
        ("lever:netflix", "lever", ("netflix",)),
        ("lever:EU:acme", "lever", ("eu", "acme")),
        ("ashby:Linear", "ashby", ("linear",)),
        ("arbeitnow", "arbeitnow", ()),
        ("remoteok", "remoteok", ()),
        ("themuse", "themuse", ()),
        ("serpapi", "serpapi", ()),
        ("adzuna:DE", "adzuna", ("de",)),
        (f"file:{KEY}:{'0a' * 16}", "file", (KEY, "0a" * 16)),
    ],
)
def test_each_spec_form_parses(spec: str, kind: str, args: tuple[str, ...]) -> None:
    parsed = parse_source_spec(spec)
    assert parsed == SourceSpec(kind, args, spec)
    assert parsed.is_file is (kind == "file")
    assert str(parsed) == ":".join((kind, *args))


@pytest.mark.parametrize(
    ("spec", "error", "message"),
    [
        ("", SourceSpecError, "A job source is empty — write one of: sample, greenhouse:<board>"),
        ("   ", SourceSpecError, "A job source is empty"),
        ("monster", UnknownSource, "Unknown job source 'monster' — expected one of: sample"),
        ("monster:acme", UnknownSource, "Unknown job source 'monster:acme'"),
        ("greenhouse:", SourceSpecError, "'greenhouse:' names no board — write greenhouse:<board>"),
        ("greenhouse", SourceSpecError, "'greenhouse' is not a valid Greenhouse company board"),
        ("lever:eu:", SourceSpecError, "'lever:eu:' names no site"),
        ("lever:us:acme", SourceSpecError, "write lever:<site> or lever:eu:<site>"),
        ("adzuna:", SourceSpecError, "'adzuna:' names no country — write adzuna:<country>"),
        ("adzuna:xx", SourceSpecError, "Adzuna has no job search for country 'xx'"),
        ("arbeitnow:", SourceSpecError, "'arbeitnow:' is not a valid Arbeitnow source"),
        ("remoteok:jobs", SourceSpecError, "write remoteok"),
        ("sample:extra", SourceSpecError, "'sample:extra' is not a valid source — write sample"),
        ("greenhouse:acme corp", SourceSpecError, "name 'acme corp' is not valid"),
        ("ashby:../etc", SourceSpecError, "name '../etc' is not valid"),
        ("lever:acme?x=1", SourceSpecError, "name 'acme?x=1' is not valid"),
        ("greenhouse:acme:jobs", SourceSpecError, "write greenhouse:<board>"),
        ("file:", SourceSpecError, "Upload the job file again"),
        (f"file:{KEY}", SourceSpecError, "Upload the job file again"),
        (f"file::{'0' * 32}", SourceSpecError, "Upload the job file again"),
        (f"file:{KEY}:not-a-signature", SourceSpecError, "Upload the job file again"),
    ],
)
def test_malformed_specs_say_what_is_wrong(
    spec: str, error: type[SourceSpecError], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        parse_source_spec(spec)


def test_build_source_reads_text_and_parsed_specs_alike() -> None:
    assert isinstance(build_source("sample"), SampleSource)
    assert build_source("Ashby: Linear").name == "ashby:linear"
    assert build_source(parse_source_spec("lever:eu:acme")).name == "lever:eu:acme"
    with pytest.raises(SourceSpecError, match="names no board"):
        build_source("greenhouse:")
    # A file is read for its user (file_key), never built without one.
    with pytest.raises(SourceSpecError, match="read for the user it was signed for"):
        build_source(file_source("user-a", KEY, SETTINGS))


def test_file_source_round_trips_through_file_key() -> None:
    spec = file_source("user-a", KEY, SETTINGS)
    assert re.fullmatch(rf"file:{re.escape(KEY)}:[0-9a-f]{{32}}", spec)
    assert file_key("user-a", spec, SETTINGS) == KEY
    assert file_key("user-a", parse_source_spec(spec), SETTINGS) == KEY
    # Stored searches keep specs lower-cased and stripped: still the same file.
    assert file_key("user-a", f" {spec.lower()} ", SETTINGS) == KEY
    with pytest.raises(ValueError, match="storage key"):
        file_source("user-a", " ", SETTINGS)


def test_a_tampered_file_signature_is_refused() -> None:
    spec = file_source("user-a", KEY, SETTINGS)
    head, signature = spec.rsplit(":", 1)
    flipped = ("1" if signature[0] == "0" else "0") + signature[1:]
    other_key = "sha256/cd/" + "cd" * 32 + ".json"
    for forged in (f"{head}:{flipped}", f"file:{other_key}:{signature}"):
        assert parse_source_spec(forged).is_file  # well-formed, but not signed so
        with pytest.raises(SourceSpecError, match="Upload the job file again"):
            file_key("user-a", forged, SETTINGS)
    with pytest.raises(SourceSpecError, match="Upload the job file again"):
        file_key("user-b", spec, SETTINGS)
    with pytest.raises(SourceSpecError, match="Upload the job file again"):
        file_key("user-a", "greenhouse:stripe", SETTINGS)


def test_check_sources_uses_the_parser() -> None:
    good = ["sample", "greenhouse:stripe", "lever:eu:acme", file_source("u", KEY, SETTINGS)]
    check_sources(good, SETTINGS, user_id="u")
    with pytest.raises(SourceSpecError, match="names no board"):
        check_sources(["sample", "greenhouse:"], SETTINGS, user_id="u")
    with pytest.raises(UnknownSource, match="Unknown job source 'monster'"):
        check_sources(["monster"], SETTINGS, user_id="u")
    with pytest.raises(SourceSpecError, match="Upload the job file again"):
        check_sources([file_source("u", KEY, SETTINGS)], SETTINGS, user_id="someone-else")


def test_labels_never_show_a_storage_key() -> None:
    spec = file_source("user-a", KEY, SETTINGS)
    for text in (spec, "file:", f"FILE:{KEY}"):
        assert source_spec_label(text) == "uploaded job file"
        assert _label(text) == "uploaded job file"
    assert _label("greenhouse:stripe") == "greenhouse:stripe"
    assert _label("monster") == "monster"


def test_the_cli_reads_file_paths_with_the_shared_prefix() -> None:
    assert split_source_spec(" File:C:\\jobs.csv") == ("file", "C:\\jobs.csv")
    assert split_source_spec("greenhouse:stripe") == ("greenhouse", "stripe")
    assert split_source_spec("sample") == ("sample", "")
    assert local_file_path("file: ~/Jobs.CSV ") == "~/Jobs.CSV"
    assert local_file_path("FILE:jobs.json") == "jobs.json"
    assert local_file_path("file:") == ""
    assert local_file_path("greenhouse:stripe") is None
    assert local_file_path("sample") is None


def test_job_search_start_still_exports_its_names() -> None:
    for name in (
        "FILE_PREFIX",
        "file_source",
        "file_key",
        "check_sources",
        "JobSearchRequest",
        "SearchFromProfileRequest",
        "SourceSpecError",
        "NoSuggestedTitles",
        "start_job_search",
        "start_from_profile",
    ):
        assert hasattr(job_search_start, name), name
    assert job_search_start.FILE_PREFIX == "file:"
    assert job_search_start.SourceSpecError is SourceSpecError
