"""A miniature of the Inspectorate's website on 127.0.0.1, for the fetcher's tests (tests/site/README.md).

A real HTTP server (the standard library's, in a thread) serving the pages in tests/site/ and the sample PDFs,
with ETag and Last-Modified on everything (and 304 to a conditional request that matches), and the faults a
test asks for: a 500 once, a 404, a 429 with Retry-After, a slow response, a download cut short, a redirect,
a file changed at the same URL, a listing page whose structure changed. Every request is logged.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http.server
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

if TYPE_CHECKING:
    from pipeline.web.fetch import FetchOptions

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "tests" / "site"
PREFIX = "/hmiprobation/"
LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)


def _wordpress_page(query: dict[str, list[str]]) -> int:
    """The fixture file of a listing page, as WordPress numbers them: no 'paged', 'paged=0' and 'paged=1' are
    the first page (0.html), 'paged=2' the second (1.html)."""
    value = query.get("paged", ["1"])[0]
    number = int(value) if value.isdigit() else 1
    return max(number, 1) - 1


def welsh_pdf() -> bytes:
    """A small Welsh-language report (the Welsh version of a report linked beside the English one)."""
    from tests.helpers import minimal_pdf, text_stream

    lines = ["Arolygiad o wasanaethau cyfiawnder ieuenctid yng Nghasnewydd",
             "Mae'r gwasanaeth wedi gwneud cynnydd ac mae gan y plant gefnogaeth dda.",
             "Mae'r adroddiad hefyd yn gwneud argymhellion i'r bwrdd rheoli, sydd wedi eu derbyn."]
    return minimal_pdf([text_stream([(72, 760 - 24 * i, 11, line) for i, line in enumerate(lines)])])


# The files the pages link, by URL path under /hmiprobation/: a sample document each.
FILES = {
    "wp-content/uploads/2024/05/conwy-and-denbighshire-yjs-inspection-report.pdf": "004_215c1fc33e67d135.pdf",
    "wp-content/uploads/2024/04/newport-yjs-inspection-report.pdf": "002_f24fbe2cd9dd537a.pdf",
    "wp-content/uploads/2024/01/west-mercia-yjs-inspection-report.pdf": "003_cca3054b3e7419d3.pdf",
    "wp-content/uploads/2011/10/wolverhampton-cci-report.pdf": "001_a448a0cd0a2a187e.pdf",
    "wp-content/uploads/2024/05/conwy-data-annex.pdf": "000_e77b37ef78d33ca3.pdf",
}


@dataclass
class Behaviour:
    """The faults the tests ask for, by URL path (with its query string for a listing page)."""

    fail_once: set[str] = field(default_factory=set)  # 500 on the first request
    missing: set[str] = field(default_factory=set)  # 404
    too_many_once: set[str] = field(default_factory=set)  # 429 with Retry-After: 1 on the first request
    slow: set[str] = field(default_factory=set)  # answers after `slow_seconds`
    slow_seconds: float = 3.0
    truncate: set[str] = field(default_factory=set)  # sends half the body, then closes
    redirects: dict[str, str] = field(default_factory=dict)  # 301 to another path
    content: dict[str, bytes] = field(default_factory=dict)  # replaces a page's or a file's bytes
    robots: str = "User-agent: *\nDisallow: /hmiprobation/private/\n"
    cut_without_length: set[str] = field(default_factory=set)  # half the body, no Content-Length, then closes
    redirect_loop: set[str] = field(default_factory=set)  # 302 to itself, for ever
    retry_after: dict[str, int] = field(default_factory=dict)  # 429 with this Retry-After, every time
    trickle: set[str] = field(default_factory=set)  # one byte every `trickle_seconds`
    trickle_seconds: float = 2.0
    huge: dict[str, int] = field(default_factory=dict)  # a PDF of this many bytes (streamed, never held)
    seen: set[str] = field(default_factory=set)


class Site:
    def __init__(self) -> None:
        self.behaviour = Behaviour()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.welsh = welsh_pdf()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{PREFIX}"

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def paths_requested(self) -> list[str]:
        with self.lock:
            return [path for path, _ in self.requests]

    # -- what each URL serves -----------------------------------------------------------------
    def body(self, path: str, query: dict[str, list[str]]) -> tuple[bytes, str] | None:
        key = path + (("?" + "&".join(f"{k}={v[0]}" for k, v in sorted(query.items()))) if query else "")
        if key in self.behaviour.content:
            return self.behaviour.content[key], "text/html" if not path.endswith(".pdf") else "application/pdf"
        if path in self.behaviour.content and not query:
            return self.behaviour.content[path], "application/pdf" if path.endswith(".pdf") else "text/html"
        relative = path[len(PREFIX):] if path.startswith(PREFIX) else None
        if relative is None:
            return None
        if relative == "inspections":
            if not query:
                return (SITE / "inspections.html").read_bytes(), "text/html"
            programme, year = query.get("probation-inspection-type", [""])[0], query.get("year", [""])[0]
            page = SITE / "listing" / programme / year / f"{_wordpress_page(query)}.html"
            if not page.resolve().is_relative_to((SITE / "listing").resolve()):
                page = SITE / "no-results.html"  # a hostile programme name the test sends: never a path here
            return (page if page.exists() else SITE / "no-results.html").read_bytes(), "text/html"
        if relative.startswith("inspections/"):
            page = SITE / "inspection" / (relative.strip("/").split("/")[-1] + ".html")
            return (page.read_bytes(), "text/html") if page.exists() else None
        if relative.startswith("document/"):
            page = SITE / "document" / (relative.strip("/").split("/")[-1] + ".html")
            return (page.read_bytes(), "text/html") if page.exists() else None
        if relative == "media/press-releases/":
            page = SITE / "press-releases" / f"{_wordpress_page(query)}.html"
            return (page if page.exists() else SITE / "no-results.html").read_bytes(), "text/html"
        if relative.startswith("media/press-releases/"):
            page = SITE / "press-release" / (relative.strip("/").split("/")[-1] + ".html")
            return (page.read_bytes(), "text/html") if page.exists() else None
        if relative == "wp-content/uploads/2024/04/newport-yjs-inspection-report-welsh.pdf":
            return self.welsh, "application/pdf"
        if relative in FILES:
            return (ROOT / "data" / "raw" / FILES[relative]).read_bytes(), "application/pdf"
        return None

    def handle(self, request: http.server.BaseHTTPRequestHandler) -> None:
        parts = urlparse(request.path)
        path, query = parts.path, parse_qs(parts.query)
        key = request.path
        with self.lock:
            self.requests.append((request.path, dict(request.headers)))
            first = key not in self.behaviour.seen
            self.behaviour.seen.add(key)
        behaviour = self.behaviour
        if path == "/robots.txt":
            return self.send(request, 200, behaviour.robots.encode(), "text/plain")
        if key in behaviour.redirects or path in behaviour.redirects:
            request.send_response(301)
            request.send_header("Location", behaviour.redirects.get(key) or behaviour.redirects[path])
            request.send_header("Content-Length", "0")
            request.end_headers()
            return None
        if path in behaviour.redirect_loop:
            request.send_response(302)
            request.send_header("Location", request.path)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return None
        if path in behaviour.retry_after:
            return self.send(request, 429, b"slow down", "text/plain", {"Retry-After": str(behaviour.retry_after[path])})
        if path in behaviour.huge:
            request.send_response(200)
            request.send_header("Content-Type", "application/pdf")
            request.send_header("Content-Length", str(behaviour.huge[path]))
            request.end_headers()
            request.wfile.write(b"%PDF-1.4\n")
            block = b"0" * (1 << 16)
            with contextlib.suppress(OSError):
                for _ in range(behaviour.huge[path] // len(block)):
                    request.wfile.write(block)
            return None
        if key in behaviour.missing or path in behaviour.missing:
            return self.send(request, 404, b"<html><body><p>Page not found</p></body></html>", "text/html")
        if first and (key in behaviour.fail_once or path in behaviour.fail_once):
            return self.send(request, 500, b"<html><body><p>Server error</p></body></html>", "text/html")
        if first and (key in behaviour.too_many_once or path in behaviour.too_many_once):
            return self.send(request, 429, b"slow down", "text/plain", {"Retry-After": "1"})
        if key in behaviour.slow or path in behaviour.slow:
            time.sleep(behaviour.slow_seconds)
        found = self.body(path, query)
        if found is None:
            return self.send(request, 404, b"<html><body><p>Page not found</p></body></html>", "text/html")
        data, kind = found
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            request.send_response(304)
            request.send_header("ETag", etag)
            request.end_headers()
            return None
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if path in behaviour.cut_without_length:
            request.send_response(200)
            request.send_header("Content-Type", kind)
            request.send_header("Connection", "close")
            request.end_headers()
            request.wfile.write(data[: len(data) // 2])
            request.wfile.flush()
            request.close_connection = True
            return None
        if path in behaviour.trickle:
            request.send_response(200)
            request.send_header("Content-Type", kind)
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            with contextlib.suppress(OSError):
                for byte in data[:64]:
                    request.wfile.write(bytes([byte]))
                    request.wfile.flush()
                    time.sleep(behaviour.trickle_seconds)
            request.close_connection = True
            return None
        if key in behaviour.truncate or path in behaviour.truncate:
            request.send_response(200)
            request.send_header("Content-Type", kind)
            request.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                request.send_header(name, value)
            request.end_headers()
            request.wfile.write(data[: len(data) // 2])
            request.wfile.flush()
            request.close_connection = True
            return None
        return self.send(request, 200, data, kind, headers)

    @staticmethod
    def send(request: http.server.BaseHTTPRequestHandler, status: int, data: bytes, kind: str,
             headers: dict[str, str] | None = None) -> None:
        request.send_response(status)
        request.send_header("Content-Type", kind)
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)


def fetch_options(tmp_path: Path, site: Site, **overrides: object) -> FetchOptions:
    """Options for a fetch from the test site into tmp_path/raw and tmp_path/out: no delay, short time-outs,
    a contact; ``overrides`` change any of them."""
    from pipeline.web.fetch import FetchOptions

    values: dict[str, object] = {"raw_dir": str(tmp_path / "raw"), "out_dir": str(tmp_path / "out"),
                                 "site": site.root, "delay": 0.0, "timeout": 2.0, "retries": 2,
                                 "contact": "tests@example.org"}
    (tmp_path / "out").mkdir(parents=True, exist_ok=True)
    return FetchOptions(**{**values, **overrides})  # type: ignore[arg-type]
