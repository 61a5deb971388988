"""A form the browser submits itself.

`rx.el.form` always intercepts submit (preventDefault) to feed Reflex event
handlers. Sign-in and sign-out need the opposite: a real POST and a full-page
navigation to whatever the server answers, so the websocket reconnects with the
new cookie.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx

# The component packages have no py.typed marker (reading just this module's stub
# leaves the rest of rx.el untyped), so BaseHTML is Any to mypy.
from reflex_components_core.el.elements.base import BaseHTML  # type: ignore[import-untyped]


class NativeForm(BaseHTML):  # type: ignore[misc]  # BaseHTML is Any to mypy (see the import)
    """A plain HTML `<form>`, without Reflex's submit handler."""

    tag = "form"

    action: rx.Var[str]
    method: rx.Var[str]


def post_form(
    action: str,
    *children: rx.Component,
    fields: Mapping[str, str | rx.Var[str]] | None = None,
    **props: Any,
) -> rx.Component:
    """A POST form to `action`: hidden inputs for `fields`, then `children`.

    `props` style the form itself (e.g. width).
    """
    hidden = [
        rx.el.input(type="hidden", name=name, value=value) for name, value in (fields or {}).items()
    ]
    return NativeForm.create(*hidden, *children, action=action, method="post", **props)
