"""Hostile uploads against the production server, with the server's memory measured.

The whole server (Reflex and its workers: one process group) is sampled while each
upload is answered. A refusal must come with words, and the server may grow by
tens of MB at most: the bombs below unpack to hundreds of MB or tens of millions of
characters, and a 300 MB body is cut off while it streams in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import httpx
import pytest
from sqlalchemy import Engine

from tests.e2e.servers import AppServer
from tests.security.conftest import PeakRss, make_person, process_group_rss_mb
from tests.security.hostile_files import (
    docx_with_huge_media,
    docx_with_renamed_main_part,
    pdf_flate_bomb,
)

pytestmark = pytest.mark.e2e

# "Tens of MB": what one request may add to the server's resident memory at its peak.
MAX_GROWTH_MB = 80


def post_cv(server: AppServer, cookie: str, name: str, data: bytes) -> httpx.Response:
    return httpx.post(
        server.url("/workflow/profiling"),
        files={"files": (name, data, "application/octet-stream")},
        headers={"cookie": cookie, "origin": server.base_url},
        timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("renamed-main-part.docx", docx_with_renamed_main_part),
        ("huge-media.docx", docx_with_huge_media),
        ("flate-bomb.pdf", pdf_flate_bomb),
    ],
)
def test_a_hostile_file_is_refused_in_words_and_costs_the_server_little(
    security_server: AppServer,
    security_admin: Engine,
    name: str,
    build: Callable[[], bytes],
) -> None:
    person = make_person(security_admin)
    data = build()
    post_cv(security_server, person.cookie_header, "warm-up.txt", b"")  # first-request costs
    before = process_group_rss_mb(security_server.process_group)
    with PeakRss(security_server.process_group) as rss:
        response = post_cv(security_server, person.cookie_header, name, data)
    assert response.status_code == 422, response.text
    message = response.json()["errors"][0]["message"]
    assert name in message or "file" in message.lower()
    assert "Traceback" not in response.text
    growth = rss.peak_mb - before
    print(f"{name}: {len(data) // 1024} KB upload, server peak +{growth:.1f} MB")
    assert growth < MAX_GROWTH_MB


def test_a_300_mb_body_is_cut_off_while_it_streams(
    security_server: AppServer, security_admin: Engine
) -> None:
    person = make_person(security_admin)
    sent_mb = 0

    def body() -> Iterator[bytes]:
        nonlocal sent_mb
        yield b"--x\r\nContent-Disposition: form-data; name=files; filename=big.pdf\r\n\r\n"
        for _ in range(300):
            sent_mb += 1
            yield b"%PDF" + b"\0" * (1024 * 1024 - 4)

    before = process_group_rss_mb(security_server.process_group)
    refused: httpx.Response | None = None
    # The server may close the connection while the client still sends.
    with PeakRss(security_server.process_group) as rss, contextlib.suppress(httpx.HTTPError):
        refused = httpx.post(
            security_server.url("/workflow/profiling"),
            content=body(),
            headers={
                "cookie": person.cookie_header,
                "origin": security_server.base_url,
                "content-type": "multipart/form-data; boundary=x",
            },
            timeout=120,
        )
    if refused is not None:
        assert refused.status_code == 413
        assert "too large" in refused.json()["detail"]
    # 10 MB × 5 files + 1 MB of room: the rest is never taken in.
    assert sent_mb < 300
    growth = rss.peak_mb - before
    print(f"300 MB body: cut off after {sent_mb} MB, server peak +{growth:.1f} MB")
    assert growth < MAX_GROWTH_MB
