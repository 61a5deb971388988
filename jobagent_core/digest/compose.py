"""The e-mail digest of a job search: one message listing the matches, with their
cover letters inline and the letters' and CVs' PDFs attached.

    items = load_digest_matches(db, matches, read_file=store.read)
    message = build_digest(items, sender=..., recipient=user.email,
                           search_title="Data Engineer", search_location="Berlin")

The message is multipart/mixed: a text/plain + text/html alternative, then the
attachments. Everything taken from postings, letters or the user is escaped in
the HTML part; header values cannot carry line breaks.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from markdown_it import MarkdownIt
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobagent_core.db.base import utcnow
from jobagent_core.db.models import Artifact, JobPosting, MatchedJob
from jobagent_core.discovery.html import html_to_text

log = logging.getLogger(__name__)

# Many providers refuse messages over 20-25 MB (base64 adds a third): stay well below.
MAX_ATTACHMENT_BYTES = 12 * 1024 * 1024
MAX_REASONS = 3
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_UNSAFE_FILENAME = re.compile(r"[^\w .,()+\-]+")
_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/pdf"


@dataclass(frozen=True)
class DigestMatch:
    """One match as the digest shows it. `score` is 0-100; `cover_letter` is
    Markdown (plain text reads the same)."""

    title: str
    company: str
    score: float
    reasons: Sequence[str] = ()
    location: str | None = None
    url: str | None = None
    cover_letter: str | None = None
    attachments: Sequence[Attachment] = ()
    match_id: str | None = None  # links to the match's page when the app's URL is known


def _match_page(app_url: str | None, match: DigestMatch) -> str | None:
    if not app_url or not match.match_id or not re.match(r"^https?://", app_url, re.IGNORECASE):
        return None
    return f"{app_url.rstrip('/')}/matches/{match.match_id}"


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def digest_subject(
    count: int, search_title: str, search_location: str | None = None, *, new: bool = False
) -> str:
    """ "Job Agent: 7 matches for Data Engineer in Berlin" ("3 new matches …" for `new`)."""
    what = "1 match" if count == 1 else f"{count} matches"
    if new:
        what = what.replace(" ", " new ", 1)
    subject = f"Job Agent: {what} for {_one_line(search_title)}"
    if search_location and _one_line(search_location):
        subject += f" in {_one_line(search_location)}"
    return subject[:200]


def safe_filename(name: str, *, default: str = "document.pdf") -> str:
    """`name` fit for an attachment: no folders, control or shell characters,
    at most ~100 characters, with `default`'s extension when it has none."""
    name = unicodedata.normalize("NFC", name).translate(_DASHES)
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_FILENAME.sub("_", "".join(c for c in name if c.isprintable()))
    name = re.sub(r"_+", "_", _one_line(name)).strip(" ._-")
    default_ext = default.rsplit(".", 1)[1] if "." in default else ""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 8 or not ext.isalnum():
        stem, ext = name, default_ext
    stem = stem[:96].strip(" ._-")
    if not stem:
        return default
    return f"{stem}.{ext}" if ext else stem


def _check_address(address: str, role: str) -> str:
    _, parsed = parseaddr(address)
    if not parsed or "@" not in parsed or any(c in address for c in "\r\n"):
        raise ValueError(f"the {role} '{_one_line(address)[:80]}' is not an e-mail address")
    return address.strip()


def _score(score: float) -> str:
    return f"{round(score)}/100"


def _letter_html(markdown: str) -> str:
    return str(_MD.render(markdown))


def _text_part(
    matches: Sequence[DigestMatch], intro: str, app_url: str | None, left_out: int
) -> str:
    lines = [intro, ""]
    for number, match in enumerate(matches, 1):
        where = f" ({_one_line(match.location)})" if match.location else ""
        lines.append(
            f"{number}. {_one_line(match.title)} at {_one_line(match.company)}{where}"
            f" - score {_score(match.score)}"
        )
        if match.url:
            lines.append(f"   {match.url}")
        page = _match_page(app_url, match)
        if page:
            lines.append(f"   Letter, CV and tracking: {page}")
        reasons = [_one_line(r) for r in match.reasons if r.strip()][:MAX_REASONS]
        if reasons:
            lines.append("   Why it fits:")
            lines.extend(f"   - {reason}" for reason in reasons)
        if match.cover_letter and match.cover_letter.strip():
            lines += ["", "   Cover letter:", ""]
            letter = html_to_text(_letter_html(match.cover_letter))
            lines.extend(f"   {line}".rstrip() for line in letter.splitlines())
        lines += ["", "-" * 60, ""]
    if left_out:
        lines.append(_left_out_note(left_out))
    if app_url:
        lines.append(f"Read, edit and download everything in Job Agent: {app_url}")
    return "\n".join(lines).rstrip() + "\n"


def _left_out_note(count: int) -> str:
    files = "1 file was" if count == 1 else f"{count} files were"
    return f"{files} too large to attach; download them in Job Agent."


def _html_part(
    matches: Sequence[DigestMatch], intro: str, app_url: str | None, left_out: int
) -> str:
    e = html.escape
    parts = [
        '<!doctype html><html><body style="font-family: Arial, sans-serif; color: #222; '
        'max-width: 720px;">',
        f"<p>{e(intro)}</p>",
    ]
    for match in matches:
        title = e(_one_line(match.title))
        if match.url and re.match(r"^https?://", match.url, re.IGNORECASE):
            title = f'<a href="{e(match.url, quote=True)}">{title}</a>'
        where = f" &middot; {e(_one_line(match.location))}" if match.location else ""
        parts.append(
            '<div style="border-top: 1px solid #ddd; padding: 12px 0;">'
            f'<h2 style="font-size: 18px; margin: 0 0 4px;">{title}</h2>'
            f'<p style="margin: 0 0 8px; color: #555;">{e(_one_line(match.company))}{where}'
            f" &middot; score <strong>{e(_score(match.score))}</strong></p>"
        )
        page = _match_page(app_url, match)
        if page:
            parts.append(
                f'<p style="margin: 0 0 8px;"><a href="{e(page, quote=True)}">'
                "Letter, CV and tracking in Job Agent</a></p>"
            )
        reasons = [r for r in match.reasons if r.strip()][:MAX_REASONS]
        if reasons:
            items = "".join(f"<li>{e(_one_line(r))}</li>" for r in reasons)
            parts.append(f'<p style="margin: 0;">Why it fits:</p><ul>{items}</ul>')
        if match.cover_letter and match.cover_letter.strip():
            parts.append(
                '<div style="background: #f7f7f7; padding: 8px 16px; margin-top: 8px;">'
                f"<p><em>Cover letter</em></p>{_letter_html(match.cover_letter)}</div>"
            )
        parts.append("</div>")
    if left_out:
        parts.append(f"<p>{e(_left_out_note(left_out))}</p>")
    if app_url and re.match(r"^https?://", app_url, re.IGNORECASE):
        link = f'<a href="{e(app_url, quote=True)}">Job Agent</a>'
        parts.append(f"<p>Read, edit and download everything in {link}.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _attachments(
    matches: Iterable[DigestMatch], limit: int
) -> tuple[list[tuple[str, Attachment]], int]:
    """(unique filename, attachment) pairs within `limit` bytes, and how many did not fit."""
    chosen: list[tuple[str, Attachment]] = []
    used: set[str] = set()
    total = left_out = 0
    for match in matches:
        for item in match.attachments:
            if total + len(item.content) > limit:
                left_out += 1
                continue
            total += len(item.content)
            name = safe_filename(item.filename)
            stem, dot, ext = name.rpartition(".")
            if not dot:
                stem, ext = name, ""
            number = 2
            while name.casefold() in used:
                name = f"{stem} ({number}).{ext}" if ext else f"{stem} ({number})"
                number += 1
            used.add(name.casefold())
            chosen.append((name, item))
    return chosen, left_out


def build_digest(
    matches: Sequence[DigestMatch],
    *,
    sender: str,
    recipient: str,
    search_title: str,
    search_location: str | None = None,
    app_url: str | None = None,
    now: datetime | None = None,
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES,
    new_only: bool = False,
) -> EmailMessage:
    """The digest as a ready-to-send message with From, To, Subject, Date and
    Message-ID. Attachments beyond `max_attachment_bytes` in total are left out
    (the body says so). `new_only`: the matches are those new since the search's
    last run (a saved search), and subject and intro say "new". Raises ValueError
    when `sender` or `recipient` is not an e-mail address."""
    sender = _check_address(sender, "sender")
    recipient = _check_address(recipient, "recipient")
    count = len(matches)
    subject = digest_subject(count, search_title, search_location, new=new_only)
    intro = subject.removeprefix("Job Agent: ")
    intro = f"Job Agent found {intro}." if count else f"Job Agent found no matches: {intro}."
    files, left_out = _attachments(matches, max_attachment_bytes)

    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = format_datetime(now or utcnow())
    domain = parseaddr(sender)[1].rpartition("@")[2] or "jobagent.localhost"
    message["Message-ID"] = make_msgid("digest", domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies, please
    message.set_content(_text_part(matches, intro, app_url, left_out))
    message.add_alternative(_html_part(matches, intro, app_url, left_out), subtype="html")
    for filename, item in files:
        maintype, _, subtype = item.mimetype.partition("/")
        message.add_attachment(
            item.content,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=filename,
        )
    return message


def load_digest_matches(
    db: Session, matches: Sequence[MatchedJob], *, read_file: Callable[[str], bytes]
) -> list[DigestMatch]:
    """The digest entries for `matches` (in their order): each with its posting,
    cover letter and the letter's and CV's PDFs read through `read_file` (e.g.
    `FileStore.read`). A file that cannot be read is left out, not fatal."""
    if not matches:
        return []
    posting_ids = {m.job_posting_id for m in matches}
    postings = {
        p.id: p for p in db.scalars(select(JobPosting).where(JobPosting.id.in_(posting_ids)))
    }
    artifacts = {
        a.matched_job_id: a
        for a in db.scalars(
            select(Artifact).where(
                Artifact.matched_job_id.in_([m.id for m in matches]),
                Artifact.user_id.in_({m.user_id for m in matches}),
            )
        )
    }
    items: list[DigestMatch] = []
    for match in matches:
        posting = postings.get(match.job_posting_id)
        if posting is None:
            continue
        artifact = artifacts.get(match.id)
        label = f"{posting.company} - {posting.title}"
        files: list[Attachment] = []
        if artifact is not None:
            for key, what in (
                (artifact.cover_letter_pdf_key, "Cover letter"),
                (artifact.cv_pdf_key, "CV"),
            ):
                if not key:
                    continue
                try:
                    files.append(Attachment(f"{what} - {label}.pdf", read_file(key)))
                except (OSError, ValueError) as err:
                    log.warning("digest: %s for match %s not attached: %s", what, match.id, err)
        reasons = list(match.reasons or []) or ([match.reason] if match.reason else [])
        items.append(
            DigestMatch(
                title=posting.title,
                company=posting.company,
                score=match.score,
                reasons=reasons,
                location=posting.location,
                url=posting.url or posting.apply_url,
                cover_letter=artifact.cover_letter_md if artifact is not None else None,
                attachments=files,
                match_id=match.id,
            )
        )
    return items
