"""The bundled sample set serves every profession it promises in every city it
promises (tools/sample_data/coverage.py): a search by someone of that profession, living
there, shows at least PER_CELL_MIN matches through the real pipeline — stage 1 with
the precomputed embeddings, place = the city, then the offline screen.

The personas and the search are bench/sample_coverage.py's, which prints the table.
"""

from __future__ import annotations

import pytest

from bench.sample_coverage import coverage
from tools.sample_data.coverage import CITIES, PER_CELL_MIN, PROFESSIONS

pytestmark = pytest.mark.unit


def test_the_promised_lists_are_twelve_professions_and_twenty_cities() -> None:
    # the ten largest cities the set covers and ten European hubs
    assert len(PROFESSIONS) == 12
    assert len({p.key for p in PROFESSIONS}) == 12
    assert len(set(CITIES)) == 20


def test_every_profession_finds_enough_matches_in_every_city() -> None:
    counts = coverage()
    assert len(counts) == len(PROFESSIONS) * len(CITIES)
    short = {f"{profession} in {city}": n for (profession, city), n in counts.items()
             if n < PER_CELL_MIN}  # fmt: skip
    assert not short, f"fewer than {PER_CELL_MIN} matches: {short}"
