"""Writes the bundled sample data set, deterministically.

    python -m tools.sample_data.generate [--check]      # from the repository root

The set is written into the package, jobagent_core/discovery/sample_data/, which
ships only it (and the loader); this generator and its banks (data/*.yaml, checked
by schema.py) stay in the repository. Each posting is composed (compose.py) from a
job family's content bank (data/families/), a fictional employer (companies.py), a
place and pay (facts.py) and one of several layouts per language (layouts.py), all
driven by one seeded RNG: the same code and data always write the same bytes.
After each family's own postings come PER_CELL postings of every profession in
every city that coverage.py promises, so a search there always finds some. Dates
are spread over the SPREAD_DAYS before ANCHOR; the loader shifts them so the set
always looks fresh.
`--check` regenerates in memory and exits 1 if the committed file differs.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from jobagent_core.discovery import sample_data
from jobagent_core.discovery.dedupe import dedupe_key
from jobagent_core.discovery.schema import PostingData
from tools.sample_data.bank import Family
from tools.sample_data.companies import CompanyPool
from tools.sample_data.compose import compose, draft_posting
from tools.sample_data.coverage import CITIES, LEVELS, PER_CELL, PROFESSIONS
from tools.sample_data.facts import city_named
from tools.sample_data.families import FAMILIES

SEED = 20_251_125
ANCHOR = datetime(2025, 11, 24, 18, 0, tzinfo=UTC)
SPREAD_DAYS = 60
# The loader's own file, in the package: `--check` compares against what ships.
OUTPUT = Path(sample_data.__file__).with_name(sample_data.DATA_FILE)


def generate() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(metadata, records). Every record is validated as a PostingData."""
    rng = random.Random(SEED)
    pool = CompanyPool(random.Random(SEED + 1))
    records: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(family: Family, number: int, **where: Any) -> None:
        # One company rarely posts the same title twice in one city: redraw, so
        # de-duplicating the sample set on its own keeps every posting.
        record, draft, layout = draft_posting(rng, family, pool, number, **where)
        while (key := dedupe_key(PostingData.model_validate(record))) in seen:
            record, draft, layout = draft_posting(rng, family, pool, number, **where)
        seen.add(key)
        html, text = compose(draft, layout)
        # Office hours, more on weekdays: job boards publish in working time.
        posted = ANCHOR - timedelta(days=rng.uniform(0.3, SPREAD_DAYS))
        if posted.weekday() >= 5 and rng.random() < 0.7:
            posted -= timedelta(days=posted.weekday() - 4)
        posted = posted.replace(hour=rng.randint(6, 18), second=0, microsecond=0)
        record |= {"description_text": text, "description_html": html,
                   "posted_at": posted.isoformat()}  # fmt: skip
        PostingData.model_validate(record)
        records.append(record)

    for family in FAMILIES:
        for number in range(1, family.count + 1):
            add(family, number)
    # Then every promised profession in every promised city (coverage.py), numbered on.
    families = {family.id: family for family in FAMILIES}
    numbers = {family.id: family.count for family in FAMILIES}
    for code, city in CITIES:
        at = city_named(code, city)
        for profession in PROFESSIONS:
            for _ in range(PER_CELL):
                numbers[profession.family] += 1
                add(families[profession.family], numbers[profession.family], at=at,
                    roles=profession.roles, levels=LEVELS)  # fmt: skip
    rng.shuffle(records)
    meta = {
        "format": 1,
        "anchor": ANCHOR.isoformat(),
        "seed": SEED,
        "count": len(records),
        "license": "CC0-1.0; fictional companies (see LICENSE.md)",
    }
    return meta, records


def serialise(meta: dict[str, Any], records: list[dict[str, Any]]) -> bytes:
    """JSON Lines, metadata first, gzip without a timestamp (byte-for-byte stable)."""
    lines = [json.dumps({"meta": meta}, ensure_ascii=False, sort_keys=True)]
    lines += [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    return gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    meta, records = generate()
    data = serialise(meta, records)
    if "--check" in args:
        same = OUTPUT.exists() and OUTPUT.read_bytes() == data
        print("up to date" if same else f"{OUTPUT.name} is stale: run the generator")
        return 0 if same else 1
    OUTPUT.write_bytes(data)
    families = Counter(r["extra"]["family"] for r in records)
    languages = Counter(r["language"] for r in records)
    print(
        f"{len(records)} postings, {len(families)} families, {len(data) / 1024:.0f} KiB -> {OUTPUT}"
    )
    print("languages:", ", ".join(f"{k} {v}" for k, v in languages.most_common()))
    for name, count in sorted(families.items()):
        print(f"  {name:28} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
