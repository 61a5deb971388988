"""CV intake: type from content, limits, text extraction per format and layout, the
refusal for every kind of bad file (exact type and message), and the file store."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from jobagent_core.profiling import (
    DocumentError,
    DocumentKind,
    EmptyFile,
    EncryptedPdf,
    FileTooLarge,
    ScannedPdf,
    TooManyFiles,
    UnsupportedDocument,
    detect,
    extract_text,
    normalise_text,
    read_document,
    validate_upload,
    validate_uploads,
)
from jobagent_core.profiling.errors import CorruptDocument, TooMuchContent
from jobagent_core.storage import FileStore, InvalidStorageKey
from tests.cv_fixtures import (
    CV,
    DATA_ENGINEER,
    FINANCIAL_ANALYST,
    ICU_NURSE,
    PERSONAS,
    encrypted_pdf,
    image_only_pdf,
    longer,
    odt_like_zip,
    oversized,
    owner_only_pdf,
    png_bytes,
    random_binary,
    random_zip,
    render,
    render_docx,
    render_markdown,
    render_pdf,
    render_txt,
    truncated,
    upload_set,
    xlsx_like_zip,
)

pytestmark = pytest.mark.unit

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = ["pdf", "pdf_two_column", "docx", "txt", "md"]


def flat(text: str) -> str:
    """All whitespace as single spaces: for facts that may wrap onto the next line."""
    return " ".join(text.split())


def assert_in_order(text: str, *needles: str) -> None:
    positions = [text.find(n) for n in needles]
    missing = [n for n, p in zip(needles, positions, strict=True) if p < 0]
    assert not missing, f"missing {missing}"
    assert positions == sorted(positions), (
        f"out of order: {list(zip(needles, positions, strict=False))}"
    )


# --------------------------------------------------------------------------- personas


def test_six_distinct_personas_with_full_histories() -> None:
    assert set(PERSONAS) == {
        "data_engineer",
        "icu_nurse",
        "electrician",
        "primary_teacher",
        "b2b_sales",
        "financial_analyst",
    }
    cvs = list(PERSONAS.values())
    assert len({cv.name for cv in cvs}) == len({cv.email for cv in cvs}) == 6
    for cv in cvs:
        assert len(cv.experience) >= 3
        assert cv.education
        assert len(cv.skills) >= 6
        assert cv.target_titles


def test_dates_in_several_formats_are_covered() -> None:
    dates = {job.dates for cv in PERSONAS.values() for job in cv.experience}
    assert {
        "03/2019 – present",
        "Jan 2018 - Feb 2020",
        "2016–2018",
        "März 2015 – Dezember 2017",
    } <= dates


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("fmt", "kind", "media_type"),
    [
        ("pdf", DocumentKind.PDF, "application/pdf"),
        ("docx", DocumentKind.DOCX, DOCX_TYPE),
        ("txt", DocumentKind.TEXT, "text/plain"),
        ("md", DocumentKind.TEXT, "text/markdown"),
    ],
)
def test_type_comes_from_content_not_the_name(
    fmt: str, kind: DocumentKind, media_type: str
) -> None:
    data = render(DATA_ENGINEER, fmt)  # type: ignore[arg-type]
    for misleading_name in ("cv.pdf", "cv.docx", "cv.txt", "cv", "photo.png"):
        assert detect(data, misleading_name) is kind
    doc = validate_upload("C:\\fakepath\\cv.bin", data)
    assert (doc.kind, doc.media_type, doc.filename) == (kind, media_type, "cv.bin")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.size == len(data)
    assert doc.suffix == {"pdf": ".pdf", "docx": ".docx", "txt": ".txt", "md": ".md"}[fmt]


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeff" + render_txt(DATA_ENGINEER),  # UTF-8 with BOM (Windows Notepad)
        render_txt(DATA_ENGINEER).encode("utf-16"),  # BOM + little endian
        b"\xfe\xff" + render_txt(DATA_ENGINEER).encode("utf-16-be"),
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be"],
)
def test_text_with_a_byte_order_mark(encoded: str | bytes) -> None:
    data = encoded.encode() if isinstance(encoded, str) else encoded
    doc = read_document("cv.txt", data)
    assert doc.media_type == "text/plain"
    assert doc.text.startswith("Zoë Müller-Łukasik\nSenior Data Engineer")


def test_plain_text_with_dash_bullets_is_not_called_markdown() -> None:
    text = "Jane Roe\nEmail: jane@example.com\n\nEXPERIENCE\n- Built things\n- Fixed things\n"
    assert validate_upload("cv.md", text.encode()).media_type == "text/plain"


# --------------------------------------------------------------------------- extraction


@pytest.mark.parametrize("persona", sorted(PERSONAS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_persona_in_every_format_keeps_its_facts_in_order(persona: str, fmt: str) -> None:
    cv = PERSONAS[persona]
    text = read_document(f"{persona}.{fmt}", render(cv, fmt)).text  # type: ignore[arg-type]
    lines = text.splitlines()
    assert cv.name in lines  # the name is a line of its own, intact
    assert any(cv.email in line for line in lines)
    assert any(cv.phone in line for line in lines)
    assert_in_order(flat(text), cv.name, cv.email, cv.phone, *cv.employers)
    for job in cv.experience:
        assert flat(job.dates) in flat(text)
    for skill in cv.skills:
        assert skill in flat(text)


def test_non_ascii_name_survives_every_format_in_nfc() -> None:
    for fmt in FORMATS:
        text = read_document("cv", render(DATA_ENGINEER, fmt)).text  # type: ignore[arg-type]
        assert "Zoë Müller-Łukasik" in text
        assert "Technische Universität Berlin" in flat(text)
    decomposed = "Zoe\u0308 Mu\u0308ller-\u0141ukasik\nzoe@example.com\n".encode()
    assert read_document("cv.txt", decomposed).text.splitlines()[0] == "Zoë Müller-Łukasik"


def test_one_column_pdf_keeps_the_date_with_a_wrapped_header() -> None:
    # "Title — Northgate ....... Mar 2020 – Present" wraps "University Hospitals NHS
    # Trust" onto the next line: the date must not land inside the employer's name.
    text = read_document("cv.pdf", render_pdf(ICU_NURSE)).text
    assert (
        "Senior Staff Nurse, Adult Intensive Care Unit — Northgate\n"
        "University Hospitals NHS Trust, Manchester\n"
        "Mar 2020 – Present\n"
        "• Nurse in charge"
    ) in text
    assert "Senior Data Engineer — Nordlicht Logistics GmbH, Berlin\n03/2019 – present" in (
        read_document("cv.pdf", render_pdf(DATA_ENGINEER)).text
    )


@pytest.mark.parametrize("layout", ["two_column", "sidebar_right"])
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_two_column_pdf_reads_column_by_column(persona: str, layout: str) -> None:
    cv = PERSONAS[persona]
    text = read_document("cv.pdf", render_pdf(cv, layout)).text  # type: ignore[arg-type]
    lines = text.splitlines()
    sidebar = ["Contact", cv.email, cv.phone, *cv.skills]
    main = ["Profile", "Experience", *cv.employers]
    # No line holds text from both columns ...
    for line in lines:
        assert not (any(s in line for s in sidebar) and any(m in line for m in main)), line
    # ... and each column reads top to bottom as one block.
    side_lines = {"Contact", cv.email, cv.phone, *(f"• {skill}" for skill in cv.skills)}
    side_block = [i for i, line in enumerate(lines) if line in side_lines]
    main_block = [i for i, line in enumerate(lines) if any(m in line for m in main)]
    if layout == "two_column":
        assert max(side_block) < min(main_block)
    else:
        assert max(main_block) < min(side_block)
    skill_lines = [f"\n• {skill}\n" for skill in cv.skills]
    assert_in_order(text, "Contact", cv.email, cv.phone, "Skills", *skill_lines)
    assert_in_order(flat(text), "Experience", *cv.employers)
    for skill in cv.skills:
        assert f"• {skill}" in lines


def test_dates_in_a_left_margin_stay_with_their_entry() -> None:
    # moderncv / Lebenslauf tables are not two columns: reordering them would part
    # every date from its job.
    cv = FINANCIAL_ANALYST
    lines = read_document("cv.pdf", render_pdf(cv, "dates_left")).text.splitlines()
    for job in cv.experience:
        i = lines.index(job.dates)
        assert lines[i + 1] == f"{job.title}, {job.employer}"


def test_words_drawn_one_by_one_are_spaced_like_the_page() -> None:
    cv = DATA_ENGINEER
    text = read_document("cv.pdf", render_pdf(cv, "word_by_word")).text
    assert f"{cv.email} · {cv.phone}" in text
    assert "Built a Kafka and Spark Structured Streaming pipeline" in text
    assert ", ".join(cv.skills) in text


def test_two_page_pdf_reads_both_pages() -> None:
    data = render_pdf(longer(DATA_ENGINEER, 3))
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    text = read_document("cv.pdf", data).text
    assert text.count("Nordlicht Logistics GmbH") == 3
    assert text.rstrip().endswith("German (native) · Polish (native) · English (C1)")


def test_owner_password_only_pdf_is_read() -> None:
    data = owner_only_pdf(render_pdf(ICU_NURSE))
    assert "Amara Okafor" in read_document("cv.pdf", data).text


def test_docx_reads_header_table_text_box_content_control_and_footer_in_order() -> None:
    data = render_docx(
        DATA_ENGINEER,
        header_text="CURRICULUM VITAE — confidential",
        footer_text="Berlin, 2024 · page 1",
        text_box="Available from 01/2025",
        name_in_content_control=True,
    )
    text = read_document("cv.docx", data).text
    lines = text.splitlines()
    assert "Email | zoe.mueller-lukasik@example.com" in lines
    assert "Phone | +49 30 5550 1234" in lines
    assert "• Mentored four junior engineers and ran the internal SQL guild." in lines
    assert_in_order(
        text,
        "CURRICULUM VITAE — confidential",
        "Zoë Müller-Łukasik",
        "Available from 01/2025",
        "zoe.mueller-lukasik@example.com",
        *DATA_ENGINEER.employers,
        "Berlin, 2024 · page 1",
    )
    assert text.count("Available from 01/2025") == 1


def test_docx_layout_table_keeps_each_cell_together() -> None:
    document = docx.Document()
    document.add_paragraph("Marcus Chen")
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "Contact"
    row.cells[0].add_paragraph("marcus.chen@example.com")
    row.cells[1].text = "Experience"
    row.cells[1].add_paragraph("Senior Account Executive, CloudLedger Inc.")
    out = io.BytesIO()
    document.save(out)
    text = read_document("cv.docx", out.getvalue()).text
    assert text.splitlines() == [
        "Marcus Chen",
        "Contact",
        "marcus.chen@example.com",
        "Experience",
        "Senior Account Executive, CloudLedger Inc.",
    ]


def test_markdown_syntax_is_dropped_but_every_word_and_link_kept() -> None:
    text = read_document("cv.md", render_markdown(DATA_ENGINEER).encode()).text
    lines = text.splitlines()
    assert lines[0] == "Zoë Müller-Łukasik"
    assert "Senior Data Engineer" in lines
    assert "**" not in text
    assert "#" not in text
    assert "• LinkedIn: https://www.linkedin.com/in/zoe-mueller-lukasik · GitHub: " in text
    assert "• Email: zoe.mueller-lukasik@example.com" in lines
    assert "Senior Data Engineer — Nordlicht Logistics GmbH" in lines


def test_normalise_text() -> None:
    raw = (
        "  Zoe\u0308\u00a0Müller  \r\n\r\n\r\n\tcerti\ufb01ed\u200b  engineer \uf0b7 SQL\x07\n"
        "\uf0e0 mail@example.com\u2028next"
    )
    assert normalise_text(raw) == ("Zoë Müller\n\ncertified engineer • SQL\nmail@example.com\nnext")


def test_extract_text_takes_a_kind_from_detect() -> None:
    data = render_docx(ICU_NURSE)
    text = extract_text(data, detect(data, "cv.docx"), "cv.docx")
    assert text.startswith("Amara Okafor · Curriculum Vitae\n\nAmara Okafor")


# --------------------------------------------------------------------------- bad files

ADVICE = "Upload your CV as a PDF, DOCX, TXT or Markdown file"
DAMAGED = (
    "(it may have been cut off while downloading or copying). Open it, save or export it "
    "again, and upload the new file."
)


def _refusal(filename: str, data: bytes) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        read_document(filename, data)
    return caught.value


@pytest.mark.parametrize(
    ("filename", "data", "error", "message"),
    [
        ("cv.pdf", b"", EmptyFile, "cv.pdf is empty. Choose the file that holds your CV."),
        (
            "notes.txt",
            b" \n\t\r\n",
            EmptyFile,
            "notes.txt has no text in it. Choose the file that holds your CV.",
        ),
        (
            "cv.pdf",
            png_bytes(),
            UnsupportedDocument,
            f"cv.pdf looks like a PNG image, not a PDF. {ADVICE}; a photo or scan has no "
            "text to read.",
        ),
        (
            "cv.docx",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64),
            UnsupportedDocument,
            f"cv.docx looks like a JPEG image, not a Word document. {ADVICE}; a photo or "
            "scan has no text to read.",
        ),
        (
            "cv.docx",
            random_zip(),
            UnsupportedDocument,
            "cv.docx looks like a ZIP archive, not a Word document. Unpack it and upload "
            "the CV inside (PDF, DOCX, TXT or Markdown).",
        ),
        (
            "cv.docx",
            xlsx_like_zip(),
            UnsupportedDocument,
            f"cv.docx looks like an Excel spreadsheet, not a Word document. {ADVICE}.",
        ),
        (
            "Lebenslauf.odt",
            odt_like_zip(),
            UnsupportedDocument,
            "Lebenslauf.odt looks like an OpenDocument text file (.odt). Open it, save it as "
            "DOCX or PDF, and upload that.",
        ),
        (
            "cv.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
            UnsupportedDocument,
            "cv.doc looks like an old Office file (.doc or .xls), not a Word document. "
            "Open it, save it as DOCX or PDF, and upload that.",
        ),
        (
            "cv.txt",
            random_binary(),
            UnsupportedDocument,
            f"cv.txt looks like a binary file, not a text file. {ADVICE}.",
        ),
        (
            "cv.txt",
            "Zoë Müller — Lebenslauf\n".encode("cp1252"),
            UnsupportedDocument,
            "cv.txt looks like text in an older encoding (not UTF-8). Save it as UTF-8 "
            "text (or as PDF or DOCX) and upload it again.",
        ),
        (
            "cv.html",
            b"<!DOCTYPE html><html><body>Jane</body></html>",
            UnsupportedDocument,
            "cv.html looks like a web page (HTML). Save or print it as PDF and upload that.",
        ),
    ],
    ids=[
        "zero-bytes",
        "blank-text",
        "png-named-pdf",
        "jpeg-named-docx",
        "random-zip",
        "xlsx",
        "odt",
        "old-doc",
        "binary",
        "cp1252-text",
        "html",
    ],
)
def test_refused_before_parsing(
    filename: str, data: bytes, error: type[DocumentError], message: str
) -> None:
    with pytest.raises(error) as caught:
        validate_upload(filename, data)
    assert type(caught.value) is error
    assert str(caught.value) == message
    assert caught.value.filename == filename


def test_encrypted_pdf() -> None:
    err = _refusal("cv.pdf", encrypted_pdf(render_pdf(DATA_ENGINEER)))
    assert type(err) is EncryptedPdf
    assert str(err) == "cv.pdf is password-protected; remove the password and upload it again."


@pytest.mark.parametrize(
    ("pages", "stamp"), [(1, None), (4, "Scanned by CamScanner")], ids=["bare", "stamped"]
)
def test_image_only_pdf_is_called_scanned(pages: int, stamp: str | None) -> None:
    err = _refusal("cv.pdf", image_only_pdf(pages, stamp))
    assert type(err) is ScannedPdf
    assert str(err) == "cv.pdf has no text layer — it looks scanned; upload a text PDF or a DOCX."


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_truncated_pdf(keep: float) -> None:
    err = _refusal("cv.pdf", truncated(render_pdf(DATA_ENGINEER), keep))
    assert type(err) is CorruptDocument
    assert str(err) == f"cv.pdf is a damaged or incomplete PDF {DAMAGED}"


@pytest.mark.parametrize("damage", ["fonts", "xref"])
def test_pdf_with_broken_insides(damage: str) -> None:
    # Overwritten font objects: the page still draws text, we just cannot read it — that
    # is damage, not a scan. A destroyed cross-reference table with %%EOF still present.
    data = render_pdf(DATA_ENGINEER)
    if damage == "fonts":
        start = data.index(b"stream", len(data) // 3)
        broken = data[: start + 40] + bytes(4000) + data[start + 4040 :]
    else:
        broken = data[: data.rindex(b"xref")] + b"garbage\n%%EOF\n"
    err = _refusal("cv.pdf", broken)
    assert type(err) is CorruptDocument
    assert str(err) == f"cv.pdf is a damaged or incomplete PDF {DAMAGED}"


def test_truncated_docx() -> None:
    err = _refusal("cv.docx", truncated(render_docx(DATA_ENGINEER)))
    assert type(err) is CorruptDocument
    assert str(err) == f"cv.docx is a damaged or incomplete Word document {DAMAGED}"


def test_file_over_the_size_limit() -> None:
    with pytest.raises(FileTooLarge) as caught:
        validate_upload("big.pdf", oversized(11 * 1024 * 1024))
    assert str(caught.value) == (
        "big.pdf is 11 MB; the limit is 10 MB per file. Export a smaller PDF (without large "
        "images) or upload a DOCX."
    )
    small_limit = 1024 * 1024
    with pytest.raises(FileTooLarge, match=r"is 1\.5 MB; the limit is 1 MB"):
        validate_upload("cv.pdf", oversized(small_limit * 3 // 2), max_bytes=small_limit)


def test_sixth_file_is_refused_by_name() -> None:
    cvs: list[CV] = [*PERSONAS.values()]
    uploads = upload_set(cvs, "txt")
    assert len(validate_uploads(uploads[:5])) == 5
    with pytest.raises(TooManyFiles) as caught:
        validate_uploads(uploads)
    assert str(caught.value) == (
        "cv6.txt was not added: a profile holds at most 5 CV files. Remove one before adding "
        "another."
    )
    with pytest.raises(TooManyFiles, match=r"^cv1\.txt was not added"):
        validate_uploads(uploads[:1], already_stored=5)


def test_every_refusal_is_a_value_error_naming_the_file() -> None:
    for error in (
        EmptyFile("a.pdf"),
        FileTooLarge("a.pdf", 2, 1),
        TooManyFiles("a.pdf", 5),
        UnsupportedDocument("a.pdf", "a PNG image"),
        EncryptedPdf("a.pdf"),
        ScannedPdf("a.pdf"),
        CorruptDocument("a.pdf", "PDF"),
        TooMuchContent("a.pdf", "pages", 100),
    ):
        assert isinstance(error, DocumentError)
        assert isinstance(error, ValueError)
        assert str(error).startswith("a.pdf ")
    assert str(EmptyFile("")).startswith("The file is empty.")
    assert str(EmptyFile("/home/x/\x1bcv.pdf")).startswith("cv.pdf is empty.")


# --------------------------------------------------------------------------- limits


def _repackaged(data: bytes, rename: dict[str, str], replace: dict[str, str]) -> bytes:
    """The ZIP `data` with members renamed (`rename`: old → new name) and text replaced
    in every XML or .rels member (`replace`: old → new)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                text = content.decode()
                for old, new in replace.items():
                    text = text.replace(old, new)
                content = text.encode()
            target.writestr(rename.get(info.filename, info.filename), content)
    return out.getvalue()


def test_docx_main_part_is_found_through_its_content_type_not_its_name() -> None:
    data = render_docx(DATA_ENGINEER)
    renamed = _repackaged(
        data,
        rename={
            "word/document.xml": "word/cv-main.xml",
            "word/_rels/document.xml.rels": "word/_rels/cv-main.xml.rels",
        },
        replace={
            "/word/document.xml": "/word/cv-main.xml",
            "word/document.xml": "word/cv-main.xml",
        },
    )
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(renamed)).namelist()
    assert detect(renamed, "cv.docx") is DocumentKind.DOCX
    assert read_document("cv.docx", renamed).text == read_document("cv.docx", data).text


def test_macro_enabled_word_file_is_refused_when_read() -> None:
    docm = _repackaged(
        render_docx(DATA_ENGINEER),
        rename={},
        replace={
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
                "application/vnd.ms-word.document.macroEnabled.main+xml"
            )
        },
    )
    assert detect(docm, "cv.docm") is DocumentKind.DOCX
    err = _refusal("cv.docm", docm)
    assert type(err) is UnsupportedDocument
    assert str(err) == (
        "cv.docm looks like a Word file of another kind (macro-enabled or a template). "
        "Save it as a normal .docx and upload it again."
    )


TEXT_CAP = 200_000  # characters (documents.MAX_TEXT_CHARS)


def test_text_over_the_character_cap_is_refused() -> None:
    line = "Built and ran the data platform for the logistics business.\n"  # 60 characters
    at_cap = line * (TEXT_CAP // len(line))
    assert len(read_document("cv.txt", at_cap.encode()).text) <= TEXT_CAP
    err = _refusal("cv.txt", (at_cap + line * 100).encode())
    assert type(err) is TooMuchContent
    assert (err.unit, err.limit) == ("characters", TEXT_CAP)
    assert str(err) == (
        "cv.txt holds more text than a CV can (over 200,000 characters). Upload the CV on "
        "its own, without attachments or appendices."
    )


def test_docx_over_the_character_cap_is_refused() -> None:
    document = docx.Document()
    for _ in range(TEXT_CAP // 50 + 100):
        document.add_paragraph("Built and ran the data platform for the business.")
    out = io.BytesIO()
    document.save(out)
    err = _refusal("cv.docx", out.getvalue())
    assert type(err) is TooMuchContent
    assert err.unit == "characters"


def test_pdf_over_the_page_cap_is_refused() -> None:
    data = render_pdf(longer(DATA_ENGINEER, 300))
    assert len(PdfReader(io.BytesIO(data)).pages) > 100  # documents.MAX_PDF_PAGE_COUNT
    err = _refusal("cv.pdf", data)
    assert type(err) is TooMuchContent
    assert str(err) == (
        "cv.pdf has more pages than a CV can (over 100). Upload the CV on its own, without "
        "attachments or appendices."
    )


# --------------------------------------------------------------------------- file store


def test_store_by_content_hash(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    data = render_pdf(ICU_NURSE)
    key = store.put(data, ".pdf")
    digest = hashlib.sha256(data).hexdigest()
    assert key == f"sha256/{digest[:2]}/{digest}.pdf"
    assert store.read(key) == data
    assert store.exists(key)
    with store.open(key) as handle:
        assert handle.read(5) == b"%PDF-"
    assert store.path(key) == (tmp_path / key).resolve()
    mtime = store.path(key).stat().st_mtime_ns
    assert store.put(data, ".pdf") == key  # idempotent: same key, file not rewritten
    assert store.path(key).stat().st_mtime_ns == mtime
    assert store.put(b"other") != key
    assert not list(tmp_path.rglob(".tmp-*"))


def test_store_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileStore(tmp_path)

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        store.put(b"half a file", ".txt")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(
    "key",
    [
        "",
        "../outside.pdf",
        "sha256/../../outside",
        "/etc/passwd",
        "sha256//ab",
        "sha256/ab/.tmp-123",
        "sha256\\..\\x",
        "sha256/ab/x y.pdf",
    ],
)
def test_store_rejects_keys_that_leave_the_root(tmp_path: Path, key: str) -> None:
    with pytest.raises(InvalidStorageKey):
        FileStore(tmp_path).path(key)


def test_store_rejects_a_symlink_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    root = tmp_path / "store"
    root.mkdir()
    (root / "link").symlink_to(outside)
    with pytest.raises(InvalidStorageKey):
        FileStore(root).read("link/secret.txt")
    with pytest.raises(InvalidStorageKey):
        FileStore(root).put(b"x", suffix="../evil")
    with pytest.raises(FileNotFoundError):
        FileStore(root).read("sha256/ab/" + "a" * 64)
