"""React Router's blocker as a component: Back and Forward inside the app move
between pages without unloading the document, so only the router can hold them.
The JavaScript is `assets/unsaved_blocker.jsx`; it asks the page's unsaved-change
guard (`window.jaUnsavedGuard`) whether to hold a move and hands it the move."""

from __future__ import annotations

import reflex as rx


class UnsavedBlocker(rx.Component):
    # Reflex copies assets/ to the web build's public/ directory.
    library = "$/public/unsaved_blocker.jsx"
    tag = "UnsavedBlocker"


unsaved_blocker = UnsavedBlocker.create
