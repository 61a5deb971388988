"""Reflex configuration for the Job Agent web app (jobagent_ui).

Production (`reflex run --env prod`) serves pages, /ping, /_health and the
/_event websocket on one port. The port defaults to 3000; override it on the
command line (`--frontend-port N --backend-port N`) or with the environment
variables REFLEX_FRONTEND_PORT and REFLEX_BACKEND_PORT (both, same value).
The port is baked into the frontend build; scripts/serve_ui.sh reuses a build of
the same pages and only writes the port in (jobagent_ui/web_build.py).

No `db_url`: the database layer is jobagent_core's own SQLAlchemy + Alembic.

CORS and the websocket's origin check answer only the trusted origins
(BETTER_AUTH_URL's own plus TRUSTED_ORIGINS): Reflex's default, "*" with
credentials, would let any page on another port or subdomain act as the person.
"""

import reflex as rx

from jobagent_core.config import SettingsError, get_settings


def _trusted_origins() -> list[str]:
    try:
        return sorted(get_settings().trusted_origins)
    except SettingsError:
        # The app module reports the bad setting in one line and exits; until then
        # trust nothing but the default origin (never "*", never an empty list,
        # which would switch the websocket's origin check off).
        return ["http://localhost:3000"]


config = rx.Config(
    app_name="jobagent_ui",
    frontend_port=3000,
    backend_port=3000,
    telemetry_enabled=False,
    cors_allowed_origins=_trusted_origins(),
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="inherit", accent_color="indigo", radius="large"),
        ),
    ],
    # No public site to index: skip sitemap.xml generation.
    disable_plugins=[rx.plugins.SitemapPlugin],
)
