"""A match's keyword coverage: the posting's key requirements (skills, tools,
certificates, languages) and whether the tailored CV and the letter name them, as the
screening software recruiters use reads them."""

from __future__ import annotations

import reflex as rx

from jobagent_core.services.match_detail import CoverageRow
from jobagent_ui.state.match_detail import MatchDetailState as S

# Status → (badge text, colour). A synonym counts for a person but not always for
# screening software, so it is amber, not green.
_STATUS = {
    "covered": ("Named", "green"),
    "synonym": ("Other words", "amber"),
    "missing": ("Missing", "red"),
}


def _status_badge(status: rx.Var[str]) -> rx.Component:
    return rx.badge(
        rx.match(status, *((k, text) for k, (text, _) in _STATUS.items()), status),
        color_scheme=rx.match(status, *((k, colour) for k, (_, colour) in _STATUS.items()), "gray"),
        variant="soft",
        size="1",
    )


def _row(row: CoverageRow) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            _status_badge(row.status),
            rx.text(row.requirement, weight="medium", size="2"),
            rx.text(row.kind, size="1", color_scheme="gray"),
            rx.cond(
                row.where != "",
                rx.text(
                    rx.match(
                        row.where, ("both", "in the CV and the letter"), "in the " + row.where
                    ),
                    size="1",
                    color_scheme="gray",
                ),
            ),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
        rx.cond(
            row.status == "synonym",
            rx.text(
                "The posting says “" + row.wording + "”, yours say “" + row.found_as + "”.",
                size="1",
                color_scheme="gray",
            ),
        ),
        custom_attrs={"data-status": row.status},
        list_style="none",
    )


def coverage_section() -> rx.Component:
    return rx.cond(
        S.view.coverage.length() > 0,
        rx.vstack(
            rx.text(S.view.coverage_summary, size="2"),
            rx.el.ul(
                rx.foreach(S.view.coverage, _row),
                aria_label="Key requirements",
                padding="0",
                margin="0",
                display="flex",
                flex_direction="column",
                gap="var(--space-2)",
            ),
            rx.text(
                "Add a missing one to your profile only if it is true: the CV is "
                "written from your profile and never claims more.",
                size="1",
                color_scheme="gray",
            ),
            spacing="3",
            width="100%",
        ),
        rx.text("Shown once the letter and the CV are written.", size="2", color_scheme="gray"),
    )
