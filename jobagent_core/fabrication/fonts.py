"""A Unicode TTF font for PDFs, from the PyPI package `font-source-sans-pro`.

reportlab's built-in fonts are Latin-1 Type 1 fonts ("Zoë" works, "Łukasik"
does not), and a fresh machine may have no system fonts at all, so the font
comes from a package: Source Sans Pro (SIL Open Font License 1.1; Latin with
Central and Eastern European letters, Greek, Cyrillic). reportlab embeds only
the glyphs a document uses.
"""

from __future__ import annotations

import threading
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "JobAgentSans"
BOLD = "JobAgentSans-Bold"
_FILES = {REGULAR: "SourceSansPro-Regular.ttf", BOLD: "SourceSansPro-Bold.ttf"}
_lock = threading.Lock()
_registered = False


class FontMissing(RuntimeError):
    """The font package is not installed (a broken installation)."""


def register_fonts() -> None:
    """Register the regular and bold faces with reportlab (once per process)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        try:
            folder = resources.files("font_source_sans_pro") / "files"
        except ModuleNotFoundError as err:
            raise FontMissing(
                "The PDF font is missing: install the 'font-source-sans-pro' package "
                "(pip install font-source-sans-pro)."
            ) from err
        for name, filename in _FILES.items():
            with resources.as_file(folder / filename) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _registered = True
