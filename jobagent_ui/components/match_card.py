"""One match in a list: title (a link to its page), company, place, score, stage."""

from __future__ import annotations

import reflex as rx

from jobagent_core.services.matches import MatchCard


def score_badge(score: rx.Var[int], color: rx.Var[str], *, size: str = "2") -> rx.Component:
    return rx.badge(
        rx.icon("gauge", size=14),
        score,
        color_scheme=color,
        variant="soft",
        # Step 12 text: step 11 on the soft tint is near 4.5:1 and falls below it
        # on some backgrounds (axe measured 4.1 for green over the page).
        high_contrast=True,
        size=size,
        aria_label="Score " + score.to_string() + " of 100",
        title="Score out of 100",
    )


def match_card(card: MatchCard) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.hstack(
                rx.vstack(
                    rx.link(
                        card.title,
                        href=card.url,
                        size="3",
                        weight="bold",
                        high_contrast=True,
                    ),
                    rx.text(
                        card.company,
                        rx.cond(card.place != "", " · " + card.place, ""),
                        size="2",
                        color_scheme="gray",
                    ),
                    rx.cond(
                        card.reason != "",
                        rx.text(card.reason, size="2", trim="both", class_name="rt-truncate-2"),
                    ),
                    rx.hstack(
                        rx.badge(card.stage_label, variant="outline", color_scheme="gray"),
                        rx.text(
                            card.source, " · found ", card.found, size="1", color_scheme="gray"
                        ),
                        spacing="2",
                        align="center",
                        wrap="wrap",
                    ),
                    spacing="1",
                    flex="1",
                    min_width="0",
                ),
                score_badge(card.score, card.score_color, size="3"),
                align="start",
                spacing="3",
                width="100%",
            ),
            size="2",
            width="100%",
        ),
        custom_attrs={"data-stage": card.stage},
    )


def match_list(cards: rx.Var[list[MatchCard]], label: str | rx.Var[str]) -> rx.Component:
    return rx.el.ul(
        rx.foreach(cards, match_card),
        aria_label=label,
        display="flex",
        flex_direction="column",
        gap="var(--space-3)",
        list_style="none",
        margin="0",
        padding="0",
        width="100%",
    )
