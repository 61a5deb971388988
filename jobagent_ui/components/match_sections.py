"""The parts of a match's page: header, fit, company research, posting, CV,
downloads and tracking."""

from __future__ import annotations

import reflex as rx

from jobagent_core.services.matches import STAGE_LABELS
from jobagent_ui.components.match_card import score_badge
from jobagent_ui.components.unsaved_guard import UNSAVED_SCOPE
from jobagent_ui.state.match_detail import Citation, DownloadLink, Fact, HistoryRow
from jobagent_ui.state.match_detail import MatchDetailState as S

# Rendered HTML (the posting, the CV preview) keeps its headings, paragraphs and lists
# readable inside Radix's reset styles.
PROSE = {
    "& h1": {"font_size": "var(--font-size-6)", "font_weight": "700", "margin": "0 0 0.5em"},
    "& h2": {"font_size": "var(--font-size-4)", "font_weight": "700", "margin": "1em 0 0.4em"},
    "& h3, & h4": {
        "font_size": "var(--font-size-3)",
        "font_weight": "600",
        "margin": "0.8em 0 0.3em",
    },
    "& p": {"margin": "0 0 0.75em"},
    "& ul": {"list_style": "disc", "padding_left": "1.25rem", "margin": "0 0 0.75em"},
    "& ol": {"list_style": "decimal", "padding_left": "1.25rem", "margin": "0 0 0.75em"},
    "& li": {"margin": "0.2em 0"},
    "& a": {"color": "var(--accent-11)", "text_decoration": "underline"},
}


def _bullets(items: rx.Var[list[str]], label: str, icon: str, color: str) -> rx.Component:
    return rx.el.ul(
        rx.foreach(
            items,
            lambda item: rx.el.li(
                rx.hstack(
                    rx.icon(
                        icon, size=16, color=f"var(--{color}-11)", flex_shrink="0", margin_top="2px"
                    ),
                    rx.text(item, size="2"),
                    spacing="2",
                    align="start",
                )
            ),
        ),
        aria_label=label,
        display="flex",
        flex_direction="column",
        gap="var(--space-2)",
        list_style="none",
        margin="0",
        padding="0",
    )


def match_header() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.heading(S.view.title, as_="h1", size="7"),
                rx.text(
                    S.view.company,
                    rx.cond(S.view.place != "", " · " + S.view.place, ""),
                    size="3",
                    color_scheme="gray",
                ),
                rx.text(
                    S.view.source,
                    rx.cond(S.view.posted != "", " · posted " + S.view.posted, ""),
                    size="1",
                    color_scheme="gray",
                ),
                spacing="1",
                flex="1",
                min_width="0",
            ),
            score_badge(S.view.score, S.view.score_color, size="3"),
            align="start",
            spacing="3",
            width="100%",
        ),
        rx.flex(
            rx.cond(
                S.view.apply_url != "",
                rx.button(
                    rx.link(
                        rx.hstack(
                            rx.icon("external-link", size=16),
                            "Apply on the employer's site",
                            spacing="2",
                            align="center",
                        ),
                        href=S.view.apply_url,
                        is_external=True,
                        underline="none",
                        color="inherit",
                        custom_attrs={"rel": "noopener noreferrer"},
                    ),
                    as_child=True,
                    size="2",
                ),
            ),
            # The stage as saved: a choice in the tracking section shows here once saved.
            rx.badge(
                "Stage: ",
                S.saved_stage_label,
                variant="outline",
                size="2",
                color_scheme="gray",
                id="saved-stage",
            ),
            gap="var(--space-3)",
            align="center",
            wrap="wrap",
        ),
        spacing="3",
        width="100%",
    )


def fit_section() -> rx.Component:
    return rx.vstack(
        rx.cond(S.view.reason != "", rx.text(S.view.reason, size="3")),
        rx.cond(
            S.view.reasons.length() > 0,
            _bullets(S.view.reasons, "Why it fits", "circle-check", "green"),
        ),
        rx.cond(
            S.view.gaps.length() > 0,
            rx.vstack(
                rx.heading("Gaps", as_="h3", size="3"),
                _bullets(S.view.gaps, "Gaps", "circle-alert", "amber"),
                spacing="2",
            ),
        ),
        rx.cond(
            S.view.skills.length() > 0,
            rx.vstack(
                rx.heading("Matched skills", as_="h3", size="3"),
                rx.flex(
                    rx.foreach(S.view.skills, lambda s: rx.badge(s, variant="soft", size="2")),
                    wrap="wrap",
                    gap="var(--space-2)",
                ),
                spacing="2",
            ),
        ),
        spacing="4",
        width="100%",
    )


def _fact(fact: Fact) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(fact.label, min_width="8rem"),
        rx.data_list.value(fact.value),
    )


def _citation(citation: Citation) -> rx.Component:
    return rx.el.li(
        rx.vstack(
            rx.link(
                citation.title,
                href=citation.url,
                is_external=True,
                size="2",
                word_break="break-all",
            ),
            rx.cond(
                citation.quote != "",
                rx.el.blockquote(
                    rx.text("“", citation.quote, "”", size="2", color_scheme="gray"),
                    margin="0",
                    padding_left="0.75rem",
                    border_left="3px solid var(--gray-a6)",
                ),
            ),
            spacing="1",
        )
    )


def research_section() -> rx.Component:
    return rx.cond(
        S.view.research_summary != "",
        rx.vstack(
            rx.text(S.view.research_summary, size="3"),
            rx.cond(
                S.view.facts.length() > 0,
                rx.data_list.root(
                    rx.foreach(S.view.facts, _fact),
                    orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                    size="2",
                ),
            ),
            rx.cond(
                S.view.citations.length() > 0,
                rx.vstack(
                    rx.heading("Sources", as_="h3", size="3"),
                    rx.el.ol(
                        rx.foreach(S.view.citations, _citation),
                        aria_label="Sources",
                        display="flex",
                        flex_direction="column",
                        gap="var(--space-3)",
                        margin="0",
                        padding_left="1.25rem",
                    ),
                    spacing="2",
                    width="100%",
                ),
            ),
            spacing="4",
            width="100%",
        ),
        rx.text(S.view.research_note, size="2", color_scheme="gray"),
    )


def posting_section() -> rx.Component:
    return rx.vstack(
        rx.box(
            rx.html(S.view.description_html),
            class_name="job-description",
            style=PROSE,
            width="100%",
            overflow_wrap="anywhere",
            line_height="1.6",
        ),
        rx.cond(
            S.view.posting_url != "",
            rx.link("The posting on its site", href=S.view.posting_url, is_external=True, size="2"),
        ),
        spacing="3",
        width="100%",
    )


def _download(link: DownloadLink) -> rx.Component:
    # A plain <a download> (not client-side routing): the browser fetches the file
    # from the download route with the session cookie. The menu item lends the
    # link its role and keyboard handling (as_child), so Enter on it downloads.
    return rx.menu.item(
        rx.el.a(
            rx.icon("file-down", size=16, aria_hidden="true"),
            link.document + " (" + link.format + ")",
            href=link.url,
            download=True,
            # Reflex renders <a> as a router link: go to the server, not a route.
            reload_document=True,
            display="flex",
            align_items="center",
            gap="var(--space-2)",
        ),
        as_child=True,
    )


def downloads() -> rx.Component:
    """Every document in every format behind one "Download" button: a compact menu
    instead of a stack of buttons, which took a phone's whole screen."""
    return rx.cond(
        S.view.downloads.length() > 0,
        rx.menu.root(
            rx.menu.trigger(
                rx.button(
                    rx.icon("download", size=16),
                    "Download",
                    rx.icon("chevron-down", size=16),
                    type="button",
                    variant="soft",
                    size="2",
                ),
            ),
            rx.menu.content(
                rx.foreach(S.view.downloads, _download),
                aria_label="Downloads",
                align="start",
            ),
            # Not modal: a modal menu hides the rest of the page with aria-hidden
            # while its links stay focusable (axe: aria-hidden-focus). Arrow keys,
            # Escape and Tab still work; a click outside closes it.
            modal=False,
        ),
    )


def cv_preview() -> rx.Component:
    return rx.box(
        rx.html(S.view.cv_html),
        class_name="cv-preview",
        style=PROSE,
        padding="1rem",
        border="1px solid var(--gray-a5)",
        border_radius="var(--radius-3)",
        background_color="var(--color-panel-solid)",
        max_height="32rem",
        overflow_y="auto",
        overflow_wrap="anywhere",
        width="100%",
        tab_index=0,
        aria_label="Tailored CV preview",
        role="region",
    )


def _history_row(row: HistoryRow) -> rx.Component:
    return rx.el.li(
        rx.text(
            rx.text.strong(row.stage),
            " · ",
            row.at,
            rx.cond(row.note != "", " — " + row.note, ""),
            size="2",
        )
    )


def tracking_section() -> rx.Component:
    return rx.vstack(
        rx.grid(
            rx.vstack(
                rx.el.label(rx.text("Stage", size="2", weight="medium"), html_for="match-stage"),
                rx.select.root(
                    rx.select.trigger(id="match-stage", width="100%"),
                    rx.select.content(
                        *(
                            rx.select.item(label, value=value)
                            for value, label in STAGE_LABELS.items()
                        )
                    ),
                    value=S.stage,
                    on_change=S.set_stage,
                ),
                spacing="1",
                width="100%",
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            width="100%",
        ),
        rx.el.label(rx.text("Note", size="2", weight="medium"), html_for="match-note"),
        rx.text_area(
            id="match-note",
            value=S.note,
            on_change=S.set_note,
            rows="3",
            width="100%",
            placeholder="e.g. Applied through the careers site; recruiter is Sam.",
            max_length=5000,
        ),
        rx.flex(
            rx.button(
                rx.icon("check", size=16),
                "Save tracking",
                type="button",
                size="2",
                on_click=S.save_tracking,
                loading=S.tracking_busy,
            ),
            rx.cond(
                S.tracking_dirty,
                rx.text(
                    "Not saved yet: the stage above stays ",
                    S.saved_stage_label,
                    " until you save.",
                    size="1",
                    color_scheme="amber",
                    role="status",
                    id="tracking-unsaved",
                ),
            ),
            gap="var(--space-3)",
            align="center",
            wrap="wrap",
        ),
        rx.cond(
            S.view.tracking.history.length() > 0,
            rx.vstack(
                rx.heading("History", as_="h3", size="3"),
                rx.el.ul(
                    rx.foreach(S.view.tracking.history, _history_row),
                    aria_label="Stage history",
                    margin="0",
                    padding_left="1.25rem",
                ),
                spacing="2",
                width="100%",
            ),
        ),
        spacing="2",
        width="100%",
        custom_attrs=UNSAVED_SCOPE,
    )
