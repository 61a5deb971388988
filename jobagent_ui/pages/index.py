"""Home page: `/`."""

import os

import reflex as rx

import jobagent_core

ROUTE = "/"
TITLE = "Job Agent"


def build_label() -> str:
    """Short commit hash of this build, from JOBAGENT_BUILD (empty if unset)."""
    return os.environ.get("JOBAGENT_BUILD", "").strip()


def version_line() -> rx.Component:
    """`version X.Y.Z`, plus `(build <hash>)` when the build hash is known."""
    parts: list[rx.Component | str] = [
        "version ",
        rx.el.span(jobagent_core.__version__, id="app-version"),
    ]
    if build := build_label():
        parts += [" (build ", rx.el.span(build, id="app-build"), ")"]
    return rx.text(*parts, size="2", color_scheme="gray", id="version-line")


def index() -> rx.Component:
    """Centered card with the product name and the running version."""
    return rx.center(
        rx.card(
            rx.vstack(
                rx.heading(TITLE, as_="h1", size="8"),
                rx.text("Your self-hosted job-search assistant.", size="3"),
                version_line(),
                spacing="3",
                align="center",
            ),
            size="4",
        ),
        min_height="100vh",
        padding="2em",
    )
