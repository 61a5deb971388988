"""All job families of the sample data set, in generation order: one file each
under data/families/, named by the family's id."""

from __future__ import annotations

from tools.sample_data.bank import Family
from tools.sample_data.schema import families

ORDER = (
    # software, data, infrastructure and security
    "software_engineering", "data_engineering", "data_science_ml", "devops_sre", "security",
    # product, design, marketing, sales and support
    "product_management", "ux_ui_design", "marketing", "b2b_sales", "customer_success_support",
    # office work
    "finance_accounting", "financial_analysis", "hr_recruiting", "legal", "administration",
    "journalism_content",
    # health
    "nursing_icu", "nursing_general", "medicine_allied_health", "pharmacy",
    # education and research
    "teaching", "early_childhood", "research_science",
    # trades and engineering
    "electrician", "plumbing_hvac", "construction_trades", "manufacturing_engineering",
    # services
    "logistics_supply_chain", "hospitality_culinary", "retail",
)  # fmt: skip

FAMILIES: tuple[Family, ...] = families(ORDER)
