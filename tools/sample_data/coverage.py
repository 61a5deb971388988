"""What the sample set promises to serve: twelve common professions in the ten
largest cities it covers and ten European hubs, each pair with at least
`PER_CELL_MIN` fitting postings. The professions and cities are data/coverage.yaml.

The rest of the set spreads ~2,000 postings over 150 cities, so a profession has
0-2 postings in any one city and a first search ("primary teacher, Dublin") finds
nothing. The generator adds `PER_CELL` postings of each profession to each of these
cities (on-site or hybrid there, or remote where the family is remote-friendly),
and bench/sample_coverage.py with tests/unit/test_sample_coverage.py check that the
real matching pipeline shows at least `PER_CELL_MIN` of them to a matching person.
"""

from __future__ import annotations

from tools.sample_data.bank import Profession as Profession
from tools.sample_data.schema import CoverageFile, load

_PROMISE = load(CoverageFile)
PROFESSIONS: tuple[Profession, ...] = _PROMISE.professions
# (country code, English city name as in data/geo.yaml)
CITIES: tuple[tuple[str, str], ...] = _PROMISE.cities

PER_CELL = 10  # postings the generator adds per (profession, city)
PER_CELL_MIN = 5  # matches a search must show per (profession, city)
# Levels of the added postings: a person with a few years of experience fits them
# (graduate roles and senior leadership are ranked down for them, rightly).
LEVELS = ("mid", "senior")
