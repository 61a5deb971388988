"""The Reflex app object (app_name "jobagent_ui") and its routes."""

import reflex as rx

from jobagent_ui.pages import index

# The Radix theme is configured in rxconfig.py (RadixThemesPlugin).
app = rx.App()
app.add_page(index.index, route=index.ROUTE, title=index.TITLE)
