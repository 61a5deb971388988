"""The Reflex app object (app_name "jobagent_ui"): jobagent_core's HTTP routes in
front, then the pages."""

from __future__ import annotations

import os
import sys

import reflex as rx
from starlette.types import ASGIApp

from jobagent_core.api.app import mount_api
from jobagent_core.config import Settings, SettingsError, get_settings
from jobagent_ui.pages.access_pending import access_pending
from jobagent_ui.pages.add_posting import add_posting
from jobagent_ui.pages.applications import applications
from jobagent_ui.pages.home import home
from jobagent_ui.pages.match_detail import match_detail
from jobagent_ui.pages.matches import matches
from jobagent_ui.pages.onboarding import onboarding
from jobagent_ui.pages.profile import profile
from jobagent_ui.pages.search import search
from jobagent_ui.pages.settings import settings as settings_page
from jobagent_ui.pages.sign_in import sign_in


def settings_or_exit() -> Settings:
    """The settings, or one line naming the bad setting and a non-zero exit."""
    try:
        return get_settings()
    except SettingsError as err:
        print(f"Job Agent cannot start: {err}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None


def with_api(reflex_app: ASGIApp) -> ASGIApp:
    """api_transformer factory: a fresh Starlette app per call (see mount_api).

    Runs where the server serves (not when pages are compiled or exported), so the
    umask applies to what the running app writes: Reflex's per-tab state files
    and stored CVs are private to the app's user (0600), not world-readable.
    """
    os.umask(0o077)
    return mount_api(reflex_app, settings_or_exit())


settings_or_exit()  # fail at import, before Reflex compiles or serves anything

# The Radix theme is configured in rxconfig.py (RadixThemesPlugin).
# a11y.css: the focus ring and the skip link (components/layout.py).
app = rx.App(api_transformer=with_api, stylesheets=["/a11y.css"])
for page in (home, sign_in, access_pending, onboarding, profile):
    page.add_to(app)
for page in (search, matches, match_detail, applications, settings_page):
    page.add_to(app)
add_posting.add_to(app)
