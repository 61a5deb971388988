"""Where the sample postings are: countries (currency, pay level, language) and
cities, with their names in each posting language (data/geo.yaml)."""

from __future__ import annotations

from tools.sample_data.bank import City as City
from tools.sample_data.bank import Country as Country
from tools.sample_data.schema import GeoFile, load

_GEO = load(GeoFile)
COUNTRIES: dict[str, Country] = {c.code: c for c in _GEO.countries}
# How often each country appears. Knowledge work is advertised everywhere, often in
# English; regulated and local work only where we can write the ad natively.
GLOBAL_WEIGHTS = _GEO.global_weights
LOCAL_WEIGHTS = _GEO.local_weights
