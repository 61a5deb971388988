"""`/matches/[match_id]`: one match with its letter, CV, research and tracking.

Another person's match, like a match that does not exist, shows "Not found" and
nothing else."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.coverage import coverage_section
from jobagent_ui.components.history_blocker import unsaved_blocker
from jobagent_ui.components.letter_editor import letter_editor, letter_run_status
from jobagent_ui.components.match_sections import (
    cv_preview,
    downloads,
    fit_section,
    match_header,
    posting_section,
    research_section,
    tracking_section,
)
from jobagent_ui.components.status_panels import (
    empty_panel,
    error_panel,
    loading_panel,
    section_card,
)
from jobagent_ui.state.match_detail import MatchDetailState as S
from jobagent_ui.templates.page import private_page


def back_link() -> rx.Component:
    return rx.link(
        rx.hstack(rx.icon("arrow-left", size=16), "All matches", spacing="1", align="center"),
        href=routes.MATCHES,
        size="2",
    )


def not_found() -> rx.Component:
    return rx.vstack(
        rx.heading("Not found", as_="h1", size="7"),
        empty_panel(
            "search-x",
            "There is no such match",
            "This match does not exist, or it belongs to someone else's account.",
            back_link(),
        ),
        spacing="5",
        width="100%",
        id="not-found",
    )


def application_sections() -> rx.Component:
    return rx.cond(
        S.view.has_application,
        rx.fragment(
            section_card("Cover letter", letter_editor(), downloads()),
            section_card("Tailored CV", cv_preview()),
        ),
        section_card(
            "Cover letter and CV",
            rx.text(S.view.application_note, size="2", color_scheme="gray"),
            letter_run_status(),
            rx.button(
                rx.icon("sparkles", size=16),
                "Write them now",
                on_click=S.regenerate_letter,
                loading=S.letter_busy == "regenerate",
                size="2",
            ),
        ),
    )


# Installed once per tab (when a match page first shows). While the page carries an
# element marked data-unsaved-changes="true" it asks before the letter or stage is
# lost: the browser's own dialog on a reload, a closed tab or a typed address
# (beforeunload), and our dialog below for a click on a link inside the app (those
# are client-side route changes, which beforeunload does not see). "Leave" clicks
# the same link again with the guard off, so the app routes exactly as it would have.
GUARD_JS = """
(() => {
  if (window.jaUnsavedGuard) return;
  const guard = { anchor: null, off: false, typedAt: 0 };
  // Keystrokes reach the state after a short debounce: text typed just now counts
  // as unsaved until the marker has had time to follow.
  const typedJustNow = () => Date.now() - guard.typedAt < 1500;
  const unsaved = () => {
    if (guard.off) return false;
    const marker = document.querySelector('[data-unsaved-changes]');
    return marker !== null && (marker.dataset.unsavedChanges === 'true' || typedJustNow());
  };
  window.addEventListener('input', (event) => {
    const id = event.target instanceof Element ? event.target.id : '';
    if (id === 'letter-text' || id === 'match-note') guard.typedAt = Date.now();
  }, true);
  // Once the marker follows (either way), it alone tells.
  new MutationObserver(() => { guard.typedAt = 0; }).observe(document.body, {
    subtree: true,
    attributeFilter: ['data-unsaved-changes'],
  });
  // Capture, and stop the event there: Reflex disconnects its websocket on
  // beforeunload, so a person who chose to stay would be left with a page whose
  // typing no longer reaches the server. If they do leave, pagehide disconnects it.
  window.addEventListener('beforeunload', (event) => {
    if (!unsaved()) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    event.returnValue = '';
  }, true);
  window.addEventListener('click', (event) => {
    if (!unsaved() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!anchor || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search) return;
    const opener = document.getElementById('unsaved-leave-open');
    if (!opener) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    guard.anchor = anchor;
    opener.click();
  }, true);
  guard.unsaved = unsaved;
  // A Back or Forward move held by the router's blocker (assets/unsaved_blocker.jsx).
  guard.ask = (held) => {
    const opener = document.getElementById('unsaved-leave-open');
    if (!opener) { held.proceed(); return; }
    guard.anchor = null;
    guard.held = held;
    opener.click();
  };
  guard.leave = () => {
    const anchor = guard.anchor;
    const held = guard.held;
    guard.anchor = null;
    guard.held = null;
    if (!anchor && !held) return;
    guard.off = true;
    if (held) held.proceed(); else anchor.click();
    setTimeout(() => { guard.off = false; }, 1000);
  };
  // Stay: the held history move is cancelled at once, so a second Back right away
  // is held (and asked about) again rather than meeting a blocker still "blocked".
  guard.stay = () => {
    if (guard.held) guard.held.reset();
    guard.held = null;
  };
  // A native listener: it runs on the click itself, before the dialog closes.
  window.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('#unsaved-stay')) guard.stay();
  }, true);
  guard.refocus = () => {
    if (guard.anchor && guard.anchor.isConnected) guard.anchor.focus();
    if (guard.held) guard.held.reset();  // Stay: the history move is cancelled
    guard.anchor = null;
    guard.held = null;
  };
  window.jaUnsavedGuard = guard;
})();
"""


def unsaved_guard() -> rx.Component:
    """The marker the guard script reads, and the dialog it opens for in-app links."""
    opener = rx.el.button(
        id="unsaved-leave-open",
        type="button",
        hidden=True,
        tab_index=-1,
        aria_hidden="true",
    )
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(opener),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Leave without saving?"),
            rx.alert_dialog.description(
                rx.cond(
                    S.letter_dirty,
                    "You have unsaved changes to the letter. ",
                    "You have an unsaved stage or note. ",
                ),
                "If you leave now, they are lost.",
            ),
            rx.flex(
                rx.alert_dialog.cancel(
                    rx.button("Stay", id="unsaved-stay", variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(
                        "Leave",
                        color_scheme="red",
                        high_contrast=True,  # white on Radix red-9 is below 4.5:1
                        on_click=[
                            S.discard_edits,
                            rx.call_script("window.jaUnsavedGuard?.leave()"),
                        ],
                    )
                ),
                gap="var(--space-3)",
                justify="end",
                margin_top="1rem",
                wrap="wrap",
            ),
            # Back to the link that was clicked when the person stays.
            on_close_auto_focus=rx.call_script("window.jaUnsavedGuard?.refocus()"),
            max_width="28rem",
        ),
    )


def match_page() -> rx.Component:
    return rx.vstack(
        rx.el.div(
            hidden=True,
            custom_attrs={"data-unsaved-changes": rx.cond(S.unsaved, "true", "false")},
            on_mount=rx.call_script(GUARD_JS),
        ),
        unsaved_guard(),
        unsaved_blocker(),
        back_link(),
        match_header(),
        section_card("Why it matches", fit_section()),
        section_card("Key requirements", coverage_section()),
        section_card("Track your application", tracking_section()),
        application_sections(),
        section_card("About the company", research_section()),
        section_card("The posting", posting_section()),
        spacing="5",
        width="100%",
    )


@private_page(routes.MATCH_DETAIL, "Match", on_load=S.open_page)
def match_detail() -> rx.Component:
    return rx.cond(
        S.loading,
        loading_panel("Loading this match…"),
        rx.cond(
            S.load_error != "",
            error_panel(S.load_error, on_retry=S.open_page),
            rx.cond(S.found, match_page(), not_found()),
        ),
    )
