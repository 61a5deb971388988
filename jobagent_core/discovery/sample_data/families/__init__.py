"""All job families of the sample data set, in generation order."""

from __future__ import annotations

from jobagent_core.discovery.sample_data.bank import Family
from jobagent_core.discovery.sample_data.families import (
    business,
    education,
    health,
    office,
    services,
    tech,
    trades,
)

FAMILIES: tuple[Family, ...] = (
    *tech.FAMILIES,
    *business.FAMILIES,
    *office.FAMILIES,
    *health.FAMILIES,
    *education.FAMILIES,
    *trades.FAMILIES,
    *services.FAMILIES,
)
