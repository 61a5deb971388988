"""What a CV upload may hold: its size and count, and what reading it may unpack
(characters, PDF pages and streams, ZIP members, DOCX XML).

One set of limits for every reader (`documents.py` for the upload and PDF and text,
`docx_reader.py` for DOCX), so they stand apart from any one of them. See the
`documents` module docstring for how they are enforced.
"""

MB = 1024 * 1024
MAX_FILE_BYTES = 10 * MB
MAX_FILES = 5
MIN_LETTERS_PER_PAGE = 40  # no page with this many letters and digits: no text layer

# Limits on what an upload holds, not on its size (see the `documents` module
# docstring). A CV is a few pages: 200,000 characters is some 60 dense pages, 100 pages
# a CV with every certificate attached. Beyond that it is a book, a data dump or an
# attack, and the text would only swamp the profile built from it.
MAX_TEXT_CHARS = 200_000
MAX_PDF_PAGES = 20  # pages read; later pages (certificates, scans) are skipped ...
MAX_PDF_PAGE_COUNT = 100  # ... but a PDF with more than this many is refused
# pypdf unpacks each stream whole, then parses it at Python speed (0.25-1 MB a second):
# no stream may unpack to more than MAX_PDF_STREAM_BYTES, and the pages read stop at
# MAX_PDF_PARSE_BYTES of content and font maps between them (a page of text is 5-50 KB,
# of vector art a few hundred KB; a font's map 1-200 KB). A font's character map may
# also grow from a few bytes to 100,000 entries (~11 MB): a page's fonts hold at most
# MAX_PDF_FONT_ENTRIES (a page set in five CJK fonts needs some 25,000).
MAX_PDF_STREAM_BYTES = 4 * MB
MAX_PDF_PARSE_BYTES = 2 * MB
MAX_PDF_FONT_ENTRIES = 200_000
# Objects a compressed cross-reference stream may list (pypdf keeps a dict entry for each;
# its default, 2,000,000, fits in 4 MB). A CV has a few thousand; a classic table costs
# 20 bytes an entry, so the upload limit bounds it.
MAX_PDF_OBJECTS = 100_000
# ZIP (DOCX) packages. Every member counts, whatever its name: declared sizes add up to at
# most MAX_ZIP_UNPACKED_BYTES (images in a DOCX are stored about 1:1, so 5x the upload
# limit leaves room for any real CV), and no member over a megabyte declares more than
# MAX_ZIP_RATIO times its packed size (Word XML packs about 5-30:1, runs of zeros 1000:1).
MAX_ZIP_MEMBERS = 1000  # a DOCX has a few dozen parts; zipfile lists them all up front
MAX_ZIP_UNPACKED_BYTES = 50 * MB
MAX_ZIP_RATIO = 200
# What reading a DOCX may actually inflate and build, over all the XML parts it parses
# (media are never inflated). A parsed XML node costs lxml 100-250 bytes, so a count of
# elements and attributes bounds memory where bytes alone would not (a megabyte of `<a/>`
# is a quarter of a million nodes). A long CV is ~20,000 nodes and under 1 MB of XML.
MAX_DOCX_XML_BYTES = 8 * MB
MAX_DOCX_XML_NODES = 250_000
# Raw text may be trimmed by normalising (runs of spaces, a text box's fallback copy), so
# reading stops at twice the cap; the exact cap is applied to the normalised text.
RAW_TEXT_CHARS = 2 * MAX_TEXT_CHARS
