"""Reflex configuration for the Job Agent web app (jobagent_ui).

Production (`reflex run --env prod`) serves pages, /ping, /_health and the
/_event websocket on one port. The port defaults to 3000; override it on the
command line (`--frontend-port N --backend-port N`) or with the environment
variables REFLEX_FRONTEND_PORT and REFLEX_BACKEND_PORT (both, same value).
The port is baked into the frontend build, which `reflex run` redoes each start.

No `db_url`: the database layer is jobagent_core's own SQLAlchemy + Alembic.
"""

import reflex as rx

config = rx.Config(
    app_name="jobagent_ui",
    frontend_port=3000,
    backend_port=3000,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="inherit", accent_color="indigo", radius="large"),
        ),
    ],
    # No public site to index: skip sitemap.xml generation.
    disable_plugins=[rx.plugins.SitemapPlugin],
)
