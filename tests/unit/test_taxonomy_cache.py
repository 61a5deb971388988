"""The taxonomy's build products cached between processes: what the cache serves is
what the YAML gives, and an edited YAML file is never served from a stale entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jobagent_core.profiling import taxonomy
from jobagent_core.profiling.taxonomy import Taxonomy, aliases, build_taxonomy, prebuilt

pytestmark = pytest.mark.unit

CV_TEXT = """Jane Doe — Senior Data Engineer, Berlin, Germany
Skills: Python, SQL, Apache Spark, Airflow, dbt, Kubernetes, Terraform, R, Go, C++, CI/CD
Built ETL pipelines on AWS (S3, Glue, Redshift) and Snowflake; Node.js and .NET services.
Grade C in Plan B; non-invasive ventilation; ICU nurse shifts; Finanzanalystin; Elektriker
"""
TITLES = [
    "Senior Staff Nurse, Intensive Care",
    "Lead Data Engineer (m/w/d)",
    "Business Intelligence Developer",
    "Finanzanalystin",
    "Junior Electrician",
    "Head of Product",
]


def _fail(*_: Any, **__: Any) -> Any:
    raise AssertionError("served from the cache, this must not run")


def _same(a: Taxonomy, b: Taxonomy) -> None:
    for x, y in [
        (a.skills._regex, b.skills._regex),
        (a.titles._regex, b.titles._regex),
        (a.titles._seniority_re, b.titles._seniority_re),
    ]:
        assert (x.pattern, x.flags, x.groupindex, x.groups) == (
            y.pattern,
            y.flags,
            y.groupindex,
            y.groups,
        )
    assert a.skills.by_name == b.skills.by_name
    assert a.titles.specs == b.titles.specs
    assert a.locations == b.locations
    assert a.skills.find(CV_TEXT) == b.skills.find(CV_TEXT)
    assert a.skills.find(CV_TEXT, [(0, len(CV_TEXT))]) == b.skills.find(
        CV_TEXT, [(0, len(CV_TEXT))]
    )
    for title in TITLES + [spec.title for spec in a.titles.specs]:
        assert a.titles.match(title) == b.titles.match(title)
        assert a.titles.split_seniority(title) == b.titles.split_seniority(title)


def test_cached_build_equals_the_yaml_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_yaml = build_taxonomy(None)
    assert not (tmp_path / prebuilt.CACHE_NAME).exists()
    first = build_taxonomy(tmp_path)  # builds from the YAML and writes the cache
    assert (tmp_path / prebuilt.CACHE_NAME).is_file()
    _same(first, from_yaml)

    # Now neither the YAML parser nor the regex builders may run.
    monkeypatch.setattr(taxonomy, "_parse_yaml", _fail)
    monkeypatch.setattr(aliases, "trie_pattern", _fail)
    cached = build_taxonomy(tmp_path)
    _same(cached, from_yaml)
    assert len(cached.skills.find(CV_TEXT)) >= 10


def test_an_edited_yaml_file_is_not_served_from_a_stale_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_taxonomy(tmp_path)
    before = (tmp_path / prebuilt.CACHE_NAME).read_bytes()
    read_source = taxonomy._read_source

    def edited(name: str) -> bytes:
        raw = read_source(name)
        if name == "skills.yaml":
            raw += b"\nweaving:\n  - name: Quantum Basket Weaving\n"
        return raw

    monkeypatch.setattr(taxonomy, "_read_source", edited)
    rebuilt = build_taxonomy(tmp_path)
    assert "Quantum Basket Weaving" in rebuilt.skills.by_name
    assert [m.skill for m in rebuilt.skills.find("I do quantum basket weaving.")] == [
        "Quantum Basket Weaving"
    ]
    assert (tmp_path / prebuilt.CACHE_NAME).read_bytes() != before  # the entry is replaced

    monkeypatch.setattr(taxonomy, "_read_source", read_source)
    restored = build_taxonomy(tmp_path)
    assert "Quantum Basket Weaving" not in restored.skills.by_name
    assert restored.skills.find("I do quantum basket weaving.") == []


def test_the_key_follows_the_code_and_every_source() -> None:
    sources = {name: taxonomy._read_source(name) for name in taxonomy.SOURCES}
    key = prebuilt.cache_key(sources, b"code")
    assert prebuilt.cache_key(dict(sources), b"code") == key
    assert prebuilt.cache_key(sources, b"other code") != key
    for name in sources:
        assert prebuilt.cache_key({**sources, name: sources[name] + b"\n"}, b"code") != key


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xff" * 64])
def test_an_unreadable_cache_is_rebuilt_from_the_yaml(tmp_path: Path, content: bytes) -> None:
    (tmp_path / prebuilt.CACHE_NAME).write_bytes(content)
    rebuilt = build_taxonomy(tmp_path)
    _same(rebuilt, build_taxonomy(None))
    assert (tmp_path / prebuilt.CACHE_NAME).read_bytes() != content


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    _same(build_taxonomy(blocker / "jobagent"), build_taxonomy(None))
