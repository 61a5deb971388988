"""Page decorators. A page module writes only its content; the decorator adds
the frame, the title and the on_load guard, and returns a `Page` to register.

    @private_page(routes.HOME, "Home")
    def home() -> rx.Component: ...
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx

from jobagent_ui.components.layout import APP_NAME, app_layout, checking_sign_in
from jobagent_ui.state.auth import MEMBER, AuthState
from jobagent_ui.state.live import LiveState

Content = Callable[[], rx.Component]
Frame = Callable[[rx.Component], rx.Component]


@dataclass(frozen=True)
class Page:
    route: str
    title: str
    component: Content
    on_load: Any = None  # an event (spec) or None

    def add_to(self, app: rx.App) -> None:
        app.add_page(self.component, route=self.route, title=self.title, on_load=self.on_load)


def page_title(name: str) -> str:
    """The browser title of page `name`, e.g. "Sign in · Job Agent"."""
    return f"{name} · {APP_NAME}"


def private_page(
    route: str,
    title: str,
    *,
    requires: str = MEMBER,
    frame: Frame = app_layout,
    on_load: Any = None,
) -> Callable[[Content], Page]:
    """A page only for visitors whose `AuthState.status` is `requires`.

    Nothing but a spinner renders until the guard (on_load) has checked the
    session; visitors with another status are redirected by it. A member's tab
    is then subscribed to live run changes as showing `route`. `on_load` (an
    event or a list) runs after both are dispatched, so it must resolve the user
    itself (`current_user`) and do nothing for visitors without one.
    """
    extra = [] if on_load is None else on_load if isinstance(on_load, list) else [on_load]
    # on_load, not on_mount: React runs a new page's mount effects before the
    # router's, so an on_mount event of a client-side navigation still carries the
    # previous page's URL.
    live = [LiveState.subscribe(route)] if requires == MEMBER else []

    def decorate(content: Content) -> Page:
        @functools.wraps(content)
        def component() -> rx.Component:
            return rx.cond(AuthState.status == requires, frame(content()), checking_sign_in())

        return Page(
            route, page_title(title), component, on_load=[AuthState.guard(requires), *live, *extra]
        )

    return decorate


def public_page(route: str, title: str, *, on_load: Any = None) -> Callable[[Content], Page]:
    """A page anyone may open (the sign-in page)."""

    def decorate(content: Content) -> Page:
        return Page(route, page_title(title), content, on_load=on_load)

    return decorate
