"""The running version (and build), as shown under the product name."""

from __future__ import annotations

import os

import reflex as rx

import jobagent_core


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
    return rx.text(*parts, size="1", color_scheme="gray", id="version-line")
