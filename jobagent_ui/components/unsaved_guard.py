"""Nothing typed is lost: a page with edits not saved yet asks before they go.

`unsaved_guard(...)` goes on such a page once. Its hidden marker says whether the
page holds unsaved edits (`unsaved`, a state var); while it does, the guard script
asks first: the browser's own dialog on a reload, a closed tab or a typed address
(beforeunload), and the "Leave without saving?" dialog for a link inside the app and
for the browser's Back and Forward (client-side route changes, which beforeunload
does not see; React Router's blocker holds those, components/history_blocker.py).
"Leave" runs `on_leave` (the state forgets the edits) and then lets the move
through exactly as it would have gone. Fields typed into count as unsaved at once,
before their debounced value reaches the state, when they lie inside an element
marked `data-unsaved-scope` (`UNSAVED_SCOPE`).
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_ui.components.history_blocker import unsaved_blocker

# Put on an element around the fields whose keystrokes count as unsaved at once.
UNSAVED_SCOPE: dict[str, str] = {"data-unsaved-scope": ""}

# Installed once per tab (when the first guarded page shows); it reads whichever
# page's marker is in the document. "Leave" clicks the same link again with the
# guard off, so the app routes exactly as it would have.
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
  // Typing into a guarded field: an element inside [data-unsaved-scope].
  window.addEventListener('input', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('[data-unsaved-scope]')) guard.typedAt = Date.now();
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


def unsaved_hint(unsaved: rx.Var[bool]) -> rx.Component:
    """ "Unsaved changes", announced, while `unsaved`."""
    return rx.cond(
        unsaved, rx.text("Unsaved changes", size="1", color_scheme="amber", role="status")
    )


def unsaved_guard(unsaved: rx.Var[bool], what: Any, on_leave: Any) -> rx.Component:
    """The marker the guard script reads and the dialog it opens; `what` says what
    would be lost ("You have unsaved changes to the letter. ")."""
    opener = rx.el.button(
        id="unsaved-leave-open",
        type="button",
        hidden=True,
        tab_index=-1,
        aria_hidden="true",
    )
    dialog = rx.alert_dialog.root(
        rx.alert_dialog.trigger(opener),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Leave without saving?"),
            rx.alert_dialog.description(what, "If you leave now, they are lost."),
            rx.flex(
                rx.alert_dialog.cancel(
                    rx.button("Stay", id="unsaved-stay", variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(
                        "Leave",
                        color_scheme="red",
                        high_contrast=True,  # white on Radix red-9 is below 4.5:1
                        on_click=[on_leave, rx.call_script("window.jaUnsavedGuard?.leave()")],
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
    marker = rx.el.div(
        hidden=True,
        custom_attrs={"data-unsaved-changes": rx.cond(unsaved, "true", "false")},
        on_mount=rx.call_script(GUARD_JS),
    )
    return rx.fragment(marker, dialog, unsaved_blocker())
