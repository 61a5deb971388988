"""Page frames: the signed-in layout (header with the navigation of every page,
then main) and the centred card of the sign-in and access-pending pages."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.native_form import post_form
from jobagent_ui.state.auth import AuthState

APP_NAME = "Job Agent"
CONTENT_WIDTH = "960px"


def sign_out_button(*, compact_on_phones: bool = False, **button_props: str) -> rx.Component:
    """The "Sign out" button: a native POST (the browser adds Origin), then a 303.

    `compact_on_phones` leaves only the icon below 520 px (the name stays).
    """
    label_display = ["none", "inline"] if compact_on_phones else "inline"
    return post_form(
        routes.SIGN_OUT,
        rx.button(
            rx.icon("log-out", size=16),
            rx.el.span("Sign out", display=label_display),
            type="submit",
            variant="soft",
            color_scheme="gray",
            aria_label="Sign out",
            white_space="nowrap",
            **button_props,
        ),
    )


def user_avatar(size: str = "2") -> rx.Component:
    """The user's picture, or their initials while it loads or when there is none."""
    # Hidden from screen readers: the name is written next to it.
    return rx.el.span(
        rx.avatar(
            src=AuthState.user_image,
            fallback=AuthState.user_initials,
            size=size,
            radius="full",
            # Radix passes these on to the <img>. Google's picture host refuses
            # requests that carry a referrer.
            custom_attrs={"alt": "", "referrerPolicy": "no-referrer"},
        ),
        custom_attrs={"aria-hidden": "true"},
        display="inline-flex",
    )


def user_badge() -> rx.Component:
    return rx.hstack(
        user_avatar(),
        rx.text(
            AuthState.user_name,
            size="2",
            weight="medium",
            title=AuthState.user_name,
            max_width=["7em", "16em"],
            overflow="hidden",
            text_overflow="ellipsis",
            white_space="nowrap",
        ),
        align="center",
        spacing="2",
        min_width="0",
        id="signed-in-user",
    )


def brand_link() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.icon("briefcase-business", size=20),
            rx.text(APP_NAME, size="4", weight="bold", white_space="nowrap"),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        high_contrast=True,
    )


# The header's links, in order: (label, route, Lucide icon).
NAV_ITEMS = [
    ("Dashboard", routes.DASHBOARD, "layout-dashboard"),
    ("Search", routes.SEARCH, "search"),
    ("Matches", routes.MATCHES, "sparkles"),
    ("Applications", routes.APPLICATIONS, "kanban"),
    ("Profile", routes.PROFILE, "id-card"),
    ("Settings", routes.SETTINGS, "settings"),
]


def _is_current(href: str) -> rx.Var[bool]:
    """Whether the page shown is `href` (or, for /matches, one of its matches)."""
    path = rx.State.router.route_id  # the route pattern, e.g. "/matches/[match_id]"
    if href == routes.DASHBOARD:
        return (path == "/index") | (path == "/")  # Reflex calls the home page "/index"
    return (path == href) | path.startswith(f"{href}/")


def nav_link(label: str, href: str, icon: str) -> rx.Component:
    """A header link: icon and name side by side; on phones (below 480 px) the name
    sits under the icon in small type, so all six still fit and stay readable (an
    icon alone left people guessing)."""
    current = _is_current(href)
    return rx.el.li(
        rx.link(
            rx.icon(icon, size=16),
            rx.el.span(
                label,
                font_size=["var(--font-size-1)", "inherit"],
                line_height=["var(--line-height-1)", "inherit"],
            ),
            href=href,
            size="2",
            weight="medium",
            color_scheme=rx.cond(current, "indigo", "gray"),
            high_contrast=True,
            underline="hover",
            white_space="nowrap",
            display="flex",
            flex_direction=["column", "row"],
            align_items="center",
            gap=["0.125rem", "var(--space-1)"],
            padding_x=["0.125rem", "0.5rem"],
            padding_y=["0.375rem", "0.5rem"],
            border_bottom=rx.cond(current, "2px solid var(--accent-9)", "2px solid transparent"),
            custom_attrs={"aria-current": rx.cond(current, "page", "false")},
        ),
    )


def app_nav() -> rx.Component:
    return rx.el.nav(
        rx.el.ul(
            *(nav_link(*item) for item in NAV_ITEMS),
            display="flex",
            gap=["0", "var(--space-1)"],
            justify_content=["space-between", "start"],
            list_style="none",
            margin="0",
            padding="0",
        ),
        aria_label="Main",
        max_width=CONTENT_WIDTH,
        margin_x="auto",
        padding_x=["0.375rem", "1.5rem"],
        overflow_x="auto",
    )


def app_header() -> rx.Component:
    return rx.el.header(
        rx.hstack(
            brand_link(),
            rx.spacer(),
            user_badge(),
            sign_out_button(compact_on_phones=True, size="2"),
            align="center",
            spacing="3",
            max_width=CONTENT_WIDTH,
            margin_x="auto",
            padding_x=["0.75rem", "1.5rem"],
            padding_top="0.625rem",
            padding_bottom="0.25rem",
        ),
        app_nav(),
        position="sticky",
        top="0",
        z_index="10",
        background_color="var(--color-panel-solid)",
        border_bottom="1px solid var(--gray-a5)",
    )


MAIN_ID = "main"


def app_layout(content: rx.Component) -> rx.Component:
    """A signed-in page: a skip link (the first thing Tab reaches), the header, then
    `content` in a readable column."""
    return rx.box(
        rx.el.a(
            "Skip to main content",
            href=f"#{MAIN_ID}",
            class_name="skip-link",
            # The router takes over "#main" links, and a client-side hash change
            # moves no focus: move it here, so the next Tab starts in the content.
            on_click=[
                rx.prevent_default,
                rx.call_script(f"document.getElementById({MAIN_ID!r})?.focus()"),
            ],
        ),
        app_header(),
        rx.el.main(
            rx.box(
                content,
                max_width=CONTENT_WIDTH,
                margin_x="auto",
                padding_x=["0.75rem", "1.5rem"],
                padding_y=["1.25rem", "2.5rem"],
            ),
            id=MAIN_ID,
            tab_index=-1,  # focusable by the skip link, not by Tab
            outline="none",
        ),
        min_height="100vh",
        background_color="var(--gray-2)",
    )


def centered_card(*children: rx.Component) -> rx.Component:
    """A single card in the middle of the screen (sign-in, access pending)."""
    return rx.el.main(
        rx.card(
            rx.vstack(*children, spacing="4", align="center", width="100%"),
            size="4",
            width="100%",
            max_width="26rem",
        ),
        display="flex",
        align_items="center",
        justify_content="center",
        min_height="100vh",
        padding="1rem",
        background_color="var(--gray-2)",
    )


def checking_sign_in() -> rx.Component:
    """Shown until the guard has confirmed who is looking."""
    return rx.center(
        rx.spinner(size="3"),
        role="status",
        aria_label="Checking your sign-in",
        min_height="100vh",
    )
