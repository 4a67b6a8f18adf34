"""``hmip fetch``: find the Inspectorate's newly published youth inspection reports and press releases and
download them into the raw folder, keeping where every file came from.

Discovery follows the site's own pages (``pipeline.web.site`` says what they look like): the inspections listing,
one programme and year at a time, newest first, each inspection's page, and the press releases listing. A
scheduled run asks again only for what may have changed: each page with its ETag / Last-Modified (an
unchanged page costs a 304, through requests-cache), and it stops paging at the first page that holds nothing
new, so a run that finds nothing new takes seconds and writes nothing.

Polite by construction: one request at a time, a delay between requests to a host, a User-Agent that names
the project and a contact, robots.txt honoured, retries with backoff on 429 (after its Retry-After), 5xx and
time-outs, and a time budget for the whole run.

Never loses data: a download goes to a temporary file and is renamed into the raw folder only when it is
complete (its size is Content-Length) and is what it claims (a PDF starts with ``%PDF``); a file that changed at
the same URL is kept as a new version beside the old one; nothing in the raw folder is ever deleted. Every
file fetched is a row of ``sources`` (its URL, the inspection page, the site's date of publication, the HTTP
validators); every failure is a row of ``errors`` (with the URL) after the next extract.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urljoin, urlparse

from pipeline.store.cache import sha256_file
from pipeline.store.fetch_state import load_state
from pipeline.store.fetch_state import save_state as _save_state
from pipeline.web.site import (
    PUBLICATION_DATE_FORMATS,
    REPORT_LINK_TEXT,
    SITEMAP_INSPECTION_PAGE,
    SITEMAP_PRESS_RELEASE,
    SITEMAP_REPORT_PAGE,
    STRUCTURE,
    WELSH_LINK,
    YOUTH_PRESS_RELEASE,
    YOUTH_PROGRAMME,
    YOUTH_SLUG,
    SiteStructure,
)

log = logging.getLogger("hmip.fetch")

VERSION = "fetch/1"
RAW_SUBFOLDER = "hmip"  # fetched files go under <raw>/hmip/, so that files put there by hand are never touched
PARTIAL = ".hmip-fetch"  # downloads in progress, inside the raw folder (same file system: the rename is atomic)


class FetchFailure(Exception):
    """One request that failed: its kind and message go to the errors table, with the URL."""

    def __init__(self, kind: str, message: str, url: str) -> None:
        super().__init__(message)
        self.kind, self.message, self.url = kind, message, url


class StructureChanged(FetchFailure):
    def __init__(self, url: str, expected: str) -> None:
        super().__init__("structure_changed", f"the page no longer looks as expected: {expected}", url)


class BudgetExhausted(Exception):
    pass


@dataclass
class FetchOptions:
    raw_dir: str = "data/raw"
    out_dir: str = "data/processed"
    site: str = STRUCTURE.default_site
    delay: float = 1.0  # seconds between two requests to one host
    since: dt.date | None = None  # only what was published on or after this date
    limit: int | None = None  # at most this many new files
    dry_run: bool = False  # list what would be fetched; download and write nothing
    quiet: bool = False
    timeout: float = 30.0  # seconds to wait for a response (and between two chunks of one)
    retries: int = 3
    budget: float = 3600.0  # seconds for the whole run, waits included
    file_seconds: float = 600.0  # at most this long for one download, however the server trickles it
    max_file_mb: float = 200.0  # a larger download is stopped and recorded
    contact: str = "https://github.com/ (set --contact)"
    programmes: tuple[str, ...] = ()  # programme slugs; empty: every youth programme the listing offers
    also_sites: tuple[str, ...] = ()  # other hosts read through their sitemaps (the CLI adds the newer website)
    max_sitemaps: int = 200  # sitemaps read in one run, at most (an index that loops or grows without end)


@dataclass
class FetchReport:
    requests: int = 0
    not_modified: int = 0
    inspections_seen: int = 0
    fetched: list[dict] = field(default_factory=list)  # new files (and new versions)
    unchanged: int = 0
    would_fetch: list[dict] = field(default_factory=list)  # --dry-run
    skipped_by_robots: list[str] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    budget_exhausted: bool = False
    seconds: float = 0.0
    listings_read: int = 0  # listing and index pages read as the site was expected to look

    @property
    def site_unreadable(self) -> bool:
        """The site could not be reached, or no longer looks as the fetcher expects: what is new was not (all)
        checked, so 'nothing new' cannot be told from a gap."""
        return bool(self.failures) and (self.listings_read == 0 or any(
            f["error_kind"] == "structure_changed" for f in self.failures))

    @property
    def exit_code(self) -> int:
        """0: everything new fetched, or nothing new; 1: some files failed (the rest fetched);
        4: the site unreachable or changed (SITE_UNREADABLE): nothing, or not everything, was checked."""
        if self.site_unreadable:
            return SITE_UNREADABLE
        return 1 if self.failures else 0


# The exit code of a fetch that could not check the site: unreachable, or its pages no longer as expected.
SITE_UNREADABLE = 4


# ------------------------------------------------------------------ the state between runs (pipeline.store.fetch_state)

def write_sources_table(out_dir: str, sources: list[dict]) -> None:
    """sources.parquet, validated like every other table."""
    from models.schemas import FETCH_TABLES
    from pipeline.store.tables import build, validate, write_parquet

    table = build(FETCH_TABLES["sources"], sources)
    validate(FETCH_TABLES["sources"], table)
    temporary = os.path.join(out_dir, f".sources.parquet.{os.getpid()}.new")
    try:
        write_parquet(table, temporary)
        os.replace(temporary, os.path.join(out_dir, "sources.parquet"))
    finally:
        with contextlib.suppress(OSError):
            os.remove(temporary)


# ------------------------------------------------------------------ the HTTP client

class Client:
    """One polite HTTP client: a cached session (conditional requests), retries, a delay per host, robots.txt,
    a time budget."""

    def __init__(self, options: FetchOptions, report: FetchReport) -> None:
        import requests
        from requests.adapters import HTTPAdapter
        from requests_cache import CachedSession
        from urllib3.util.retry import Retry

        from pipeline import __version__

        self.options, self.report = options, report
        cache = os.path.join(options.out_dir, ".cache", "http-json")
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        # A cache that pickled its responses could run code when read back: the old one is removed, and pages
        # are kept as JSON (an entry that does not read back is a miss, fetched again).
        with contextlib.suppress(OSError):
            os.remove(os.path.join(options.out_dir, ".cache", "http.sqlite"))
        # expire_after=0 keeps every page and revalidates it on each use: an unchanged page is a 304
        self.session = CachedSession(cache, backend="sqlite", serializer="json", expire_after=0,
                                     always_revalidate=True, allowable_codes=(200,))
        # 429 is not retried here: its Retry-After is waited for by get(), within the run's budget
        retry = Retry(total=options.retries, connect=options.retries, read=options.retries, status=options.retries,
                      backoff_factor=0.5, status_forcelist=(500, 502, 503, 504), allowed_methods={"GET", "HEAD"},
                      respect_retry_after_header=False, raise_on_status=False, redirect=10)
        # Files are streamed to disk, not kept in the page cache: a plain session, asked with the validators the
        # sources table keeps.
        self.files = requests.Session()
        agent = f"hmip-youth-inspections/{__version__} (+{options.contact})"
        for session in (self.session, self.files):
            adapter = HTTPAdapter(max_retries=retry)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = agent
        self.deadline = time.monotonic() + options.budget
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def close(self) -> None:
        self.session.close()
        self.files.close()

    def _wait_turn(self, url: str) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExhausted
        host = urlparse(url).netloc
        wait = self.last_request.get(host, -1e9) + self.options.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.last_request[host] = time.monotonic()

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps the robots.txt of url's host names (read by allowed())."""
        parts = urlparse(url)
        parser = self.robots.get(f"{parts.scheme}://{parts.netloc}")
        return list(parser.site_maps() or []) if parser is not None else []

    def allowed(self, url: str) -> bool:
        parts = urlparse(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                self._wait_turn(root)
                response = self.session.get(f"{root}/robots.txt", timeout=(10, self.options.timeout))
                self.report.requests += 1
                parser.parse(response.text.splitlines() if response.status_code == 200 else [])
            except Exception:  # no robots.txt to read: nothing is disallowed
                parser.parse([])
            self.robots[root] = parser
        return self.robots[root].can_fetch(self.session.headers["User-Agent"], url)

    def get(self, url: str, *, cached: bool = True, stream: bool = False, headers: dict | None = None) -> Any:
        """The response (2xx or 304); FetchFailure for anything else, after the retries. A 429 is waited for as
        its Retry-After asks, when the wait fits in the run's budget; else the URL is left to the next run."""
        for attempt in range(self.options.retries + 1):
            response = self._get_once(url, cached=cached, stream=stream, headers=headers)
            if response.status_code != 429:
                break
            wait = _retry_after(response.headers.get("Retry-After"))
            response.close()
            if attempt == self.options.retries:
                break
            if time.monotonic() + wait > self.deadline:
                raise FetchFailure("deferred", f"the server asked for a wait of {wait:g} s, past the run's time budget; "
                                   "the next run asks again", url)
            time.sleep(wait)
        if getattr(response, "from_cache", False):
            self.report.not_modified += 1
        if response.status_code == 304 or 200 <= response.status_code < 300:
            return response
        raise FetchFailure(f"http_{response.status_code}", f"the server answered {response.status_code} "
                           f"{response.reason or ''}".strip(), url)

    def _get_once(self, url: str, *, cached: bool, stream: bool, headers: dict | None) -> Any:
        import requests
        import urllib3

        self._wait_turn(url)
        self.report.requests += 1
        timeout = (10, min(self.options.timeout, max(0.1, self.deadline - time.monotonic())))
        try:
            if cached:
                return self.session.get(url, timeout=timeout, headers=headers or {})
            return self.files.get(url, timeout=timeout, stream=stream, headers=headers or {})
        except requests.exceptions.TooManyRedirects:
            raise FetchFailure("redirect_loop", "the URL redirects in a loop (or more than 10 times)", url) from None
        except (requests.exceptions.ChunkedEncodingError, urllib3.exceptions.ProtocolError) as exc:
            raise FetchFailure("truncated", f"the response broke off: {type(exc).__name__}", url) from None
        except requests.exceptions.RetryError as exc:
            raise FetchFailure("http_error", f"still failing after {self.options.retries} retries: {exc}", url) from None
        except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as exc:
            raise FetchFailure(*_connection_failure(exc, self.options.retries), url) from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema,
                ValueError) as exc:
            raise FetchFailure("bad_url", f"the URL cannot be asked for: {exc}", url) from None


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (a number, or an HTTP date); 1 when it says nothing readable."""
    if not value:
        return 1.0
    if value.strip().isdigit():
        return float(value.strip())
    import email.utils

    with contextlib.suppress(TypeError, ValueError):
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
    return 1.0


def _connection_failure(exc: Exception, retries: int) -> tuple[str, str]:
    """(kind, message) that say why a connection failed: the name did not resolve, the host refused, the TLS
    handshake failed, or it timed out."""
    import requests

    text = repr(exc).lower()
    if isinstance(exc, requests.exceptions.Timeout) or "timed out" in text:
        return "timeout", f"no answer in time (after {retries} retries)"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text \
            or "name resolution" in text or "failed to resolve" in text:
        return "dns_error", "the host name does not resolve"
    if isinstance(exc, requests.exceptions.SSLError) or "ssl" in text or "certificate" in text:
        return "tls_error", f"the secure connection failed: {type(exc).__name__}"
    if "refused" in text:
        return "connection_refused", f"the host refused the connection (after {retries} retries)"
    return "connection_error", f"{type(exc).__name__} after {retries} retries"


# ------------------------------------------------------------------ safe names for what a site sends
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
MAX_NAME = 100


def safe_name(part: str, default: str = "file") -> str:
    """A path part from a website made safe to write: letters, digits, "-", "_" and "." only, lower case, no
    leading dot, at most ~100 characters. A name that had to change (another case, a "/", "..", a NUL, a
    right-to-left mark, too long) carries a short hash of the original, so two different names never become one."""
    import unicodedata
    from urllib.parse import unquote

    original = part
    decoded = unicodedata.normalize("NFKC", unquote(part))
    name = _UNSAFE.sub("-", decoded.lower()).strip("-.")
    name = re.sub(r"-{2,}", "-", name).replace("..", ".")
    if not name:
        name = default
    if name != original or len(name) > MAX_NAME:
        stem, dot, suffix = name.rpartition(".") if "." in name[-6:] else (name, "", "")
        digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = (stem or name)[: MAX_NAME - 10 - len(suffix)].rstrip("-.")
        name = f"{stem}-{digest}{dot}{suffix}" if dot else f"{stem}-{digest}"
    return name


def inside(folder: str, path: str) -> bool:
    """Is path (once every link in it is resolved) inside folder?"""
    root = os.path.realpath(folder)
    target = os.path.realpath(path)
    return target == root or target.startswith(root + os.sep)


# ------------------------------------------------------------------ reading the site's pages

def _soup(html: str) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


def _publication_date(text: str) -> dt.date | None:
    cleaned = " ".join(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).split())
    for fmt in PUBLICATION_DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


@dataclass
class Item:
    """One publication a listing points to: an inspection's page or a press release."""

    url: str
    title: str
    programme: str  # the listing's programme slug, or "press-releases"


def listing_items(url: str, html: str, selector: str, structure: SiteStructure, programme: str) -> list[Item] | None:
    """The results of a listing page; None when the page says it has none. StructureChanged when it shows
    neither results nor that notice."""
    soup = _soup(html)
    items = []
    for block in soup.select(selector):
        link = block.select_one(structure.result_link)
        if link is not None:
            items.append(Item(urljoin(url, link["href"]), " ".join(link.get_text(" ").split()), programme))
    if items:
        return items
    if structure.no_results.search(soup.get_text(" ")):
        return None
    raise StructureChanged(url, f"result blocks ({selector} with {structure.result_link}) or a 'No results' notice")


# A usual sitemap address that had none is asked again after this many days.
ABSENT_SITEMAP_DAYS = 7


def _recently_absent(value: str | None) -> bool:
    if not value or not value.startswith("absent "):
        return False
    try:
        return (dt.date.today() - dt.date.fromisoformat(value.split(" ", 1)[1])).days < ABSENT_SITEMAP_DAYS
    except ValueError:
        return False


def sitemap_entries(url: str, xml: str) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """(child sitemaps, page addresses), each with its lastmod, of a sitemap or sitemap index. The XML is read
    without entities or DTDs (defusedxml): a sitemap from the network is never trusted. StructureChanged when
    it is not a sitemap."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(xml.strip().encode("utf-8"))
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise StructureChanged(url, f"a sitemap (XML urlset or sitemapindex): {type(exc).__name__}") from None

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    def entries(name: str) -> list[tuple[str, str | None]]:
        out = []
        for element in root:
            if local(element.tag) != name:
                continue
            fields = {local(child.tag): (child.text or "").strip() for child in element}
            if fields.get("loc"):
                out.append((urljoin(url, fields["loc"]), fields.get("lastmod") or None))
        return out

    kind = local(root.tag)
    if kind == "sitemapindex":
        return entries("sitemap"), []
    if kind == "urlset":
        return [], entries("url")
    raise StructureChanged(url, f"a sitemap (XML urlset or sitemapindex), not <{kind}>")


def next_page_link(url: str, html: str, structure: SiteStructure) -> str | None:
    """Where a listing page says its next page is: WordPress's ``a.next`` in its page numbers, or a
    ``rel="next"`` link or anchor."""
    soup = _soup(html)
    for selector in structure.next_page_links:
        link = soup.select_one(selector)
        if link is not None and link.get("href"):
            return urljoin(url, str(link["href"]))
    return None


def programmes_and_years(url: str, html: str, structure: SiteStructure) -> tuple[list[tuple[str, str]], list[int]]:
    """The youth programmes (slug, name) and the years the listing's filter form offers."""
    soup = _soup(html)
    programme_select = soup.select_one(f'select[name="{structure.programme_parameter}"]')
    year_select = soup.select_one(f'select[name="{structure.year_parameter}"]')
    if programme_select is None or year_select is None:
        raise StructureChanged(url, f"a filter form with select[name={structure.programme_parameter}] and "
                                    f"select[name={structure.year_parameter}]")
    programmes = [(str(o.get("value")), " ".join(o.get_text(" ").split())) for o in programme_select.find_all("option")
                  if o.get("value") and YOUTH_PROGRAMME.search(o.get_text(" "))]
    years = sorted({int(o.get("value")) for o in year_select.find_all("option")
                    if str(o.get("value") or "").isdigit()}, reverse=True)
    return programmes, years


@dataclass
class InspectionPage:
    published: dt.date | None
    published_text: str | None
    files: list[tuple[str, str, str]]  # (url, kind, language): report_pdf / report_html; en / cy
    press_releases: list[str]


def inspection_page(url: str, html: str, structure: SiteStructure) -> InspectionPage:
    soup = _soup(html)
    meta = soup.select_one(structure.metadata_block)
    if meta is None:
        raise StructureChanged(url, f"a metadata block ({structure.metadata_block}) with the date of publication")
    published_text = None
    for term in meta.find_all("dt"):
        if structure.publication_label.search(term.get_text(" ")):
            value = term.find_next_sibling("dd")
            published_text = " ".join(value.get_text(" ").split()) if value else None
    files: list[tuple[str, str, str]] = []
    releases: list[str] = []
    for link in soup.find_all("a", href=True):
        target = urljoin(url, link["href"])
        words = " ".join(link.get_text(" ").split())
        if urlparse(target).path.lower().endswith(".pdf") and (REPORT_LINK_TEXT.search(words) or WELSH_LINK.search(words)
                                                               or WELSH_LINK.search(target)):
            language = "cy" if WELSH_LINK.search(words) or WELSH_LINK.search(target) else "en"
            files.append((target, "report_pdf", language))
        elif structure.web_report_link.search(urlparse(target).path):
            files.append((target, "report_html", "en"))
        elif structure.press_release_link.search(urlparse(target).path):
            releases.append(target)
    if not files:
        raise StructureChanged(url, "a link to the report (a PDF named as a report or inspection, or a web page)")
    unique = list(dict.fromkeys(files))
    return InspectionPage(_publication_date(published_text or ""), published_text, unique, list(dict.fromkeys(releases)))


# ------------------------------------------------------------------ the run

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.IGNORECASE)


def page_text(content: bytes, content_type: str) -> str:
    """A page's text in the encoding it declares (the Content-Type header's charset, else its <meta>), else
    UTF-8, which the site writes: never Latin-1 by default (HTTP's old rule, which turns a title's 'rated
    “Good”' into 'rated â€œGoodâ€').  Bytes that are not valid in the encoding are replaced, never fatal."""
    declared = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", content_type or "", re.IGNORECASE)
    encoding = declared.group(1) if declared else None
    if encoding is None:
        meta = _META_CHARSET.search(content[:4096])
        encoding = meta.group(1).decode("ascii") if meta else "utf-8"
    try:
        return content.decode(encoding, errors="replace")
    except LookupError:  # a charset no codec knows
        return content.decode("utf-8", errors="replace")


class Fetch:
    def __init__(self, options: FetchOptions, structure: SiteStructure = STRUCTURE) -> None:
        self.options, self.structure = options, structure
        self.report = FetchReport()
        self.state = load_state(options.out_dir)
        self.client = Client(options, self.report)
        self.known_pages = {row["inspection_page"] for row in self.state["sources"] if row.get("inspection_page")}
        self.known_urls = {row["url"] for row in self.state["sources"]}
        self.new_files = 0

    # -- pages ------------------------------------------------------------------------------
    def page(self, url: str) -> tuple[str, bool]:
        """(the page's text, whether it changed since the last run)."""
        response = self.client.get(url)
        text = page_text(response.content, response.headers.get("Content-Type", ""))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        changed = self.state["pages"].get(url) != digest
        self.state["pages"][url] = digest
        return text, changed

    def listing_url(self, path: str, **parameters: object) -> str:
        base = urljoin(self.options.site, path)
        return f"{base}?{urlencode(parameters)}" if parameters else base

    def run(self) -> FetchReport:
        started = time.monotonic()
        before = json.dumps(self.state, sort_keys=True)
        # Half a file from a run that was killed is never kept: what is left of it is removed first.
        partial = os.path.join(self.options.raw_dir, PARTIAL)
        if os.path.isdir(partial) and not self.options.dry_run:
            for leftover in os.listdir(partial):
                _remove(os.path.join(partial, leftover))
        try:
            self._retry_failed()
            self._inspections()
            self._press_releases()
            self._sitemaps()
        except BudgetExhausted:
            self.report.budget_exhausted = True
            self._fail(FetchFailure("budget_exhausted", f"the run's time budget of {self.options.budget:g} s ran out; "
                                    "the next run goes on from here", self.options.site))
        finally:
            self.client.close()
        if not self.options.dry_run:
            # Written only when something changed: a run that finds nothing new writes nothing.
            self.state["errors"] = self.report.failures
            if json.dumps(self.state, sort_keys=True) != before:
                _save_state(self.options.out_dir, self.state)
            if self.report.fetched or json.loads(before).get("errors") != self.report.failures or not os.path.exists(
                    os.path.join(self.options.out_dir, "sources.parquet")):
                write_sources_table(self.options.out_dir, self.state["sources"])
        self.report.seconds = time.monotonic() - started
        return self.report

    def _fail(self, failure: FetchFailure) -> None:
        row = {"url": failure.url, "error_kind": failure.kind, "message": failure.message}
        if row not in self.report.failures:
            self.report.failures.append(row)
            log.error("%s: %s: %s", failure.url, failure.kind, failure.message)

    def _inspections(self) -> None:
        index_url = self.listing_url(self.structure.inspections_path)
        try:
            text, _ = self.page(index_url)
            programmes, years = programmes_and_years(index_url, text, self.structure)
        except FetchFailure as failure:
            self._fail(failure)
            return
        self.report.listings_read += 1
        if self.options.programmes:
            programmes = [(slug, slug) for slug in self.options.programmes]
        if self.options.since:
            years = [y for y in years if y >= self.options.since.year]
        for slug, _name in programmes:
            crawled_before = any(row["programme"] == slug for row in self.state["sources"])
            for position, year in enumerate(years):
                more_new = self._listing_year(slug, year)
                # Newest first: once a year holds nothing new, older years hold nothing new either (the year
                # before is looked at too, for a report published at the turn of the year). A programme never
                # crawled before is read back to its first year.
                if not more_new and position >= 1 and crawled_before:
                    break

    def _listing_year(self, programme: str, year: int) -> bool:
        """Read one programme's year, page by page, until a page holds nothing new; whether anything was new."""
        found_new = False
        page_number = self.structure.first_page
        previous: list[Item] = []
        following: str | None = None  # the page's own link to the next page, when it has one
        visited: set[str] = set()
        while True:
            url = following or self.listing_url(
                self.structure.inspections_path, **{self.structure.programme_parameter: programme,
                                                    self.structure.year_parameter: year,
                                                    self.structure.page_parameter: page_number})
            if not self.client.allowed(url):
                self.report.skipped_by_robots.append(url)
                return found_new
            try:
                text, changed = self.page(url)
                items = listing_items(url, text, self.structure.inspection_result, self.structure, programme)
            except FetchFailure as failure:
                self._fail(failure)
                return found_new
            self.report.listings_read += 1
            if items is None:
                return found_new
            if self._repeats(url, items, previous):
                return found_new
            previous = items
            new_here = False
            for item in items:
                self.report.inspections_seen += 1
                if item.url in self.known_pages and not changed and item.url in self.state.get("listed", {}):
                    continue
                if self._inspection(item):
                    new_here = found_new = True
            if not new_here or self._limit_reached():
                return found_new
            page_number += 1
            following = self._next_link(url, text, visited)

    def _next_link(self, url: str, html: str, visited: set[str]) -> str | None:
        """The listing page's own link to the page after it (``a.next``, ``rel=next``), on the same site and
        not read yet; None to count pages as the site numbers them."""
        visited.add(url)
        link = next_page_link(url, html, self.structure)
        if link is None or link in visited or urlparse(link).netloc != urlparse(url).netloc:
            return None
        return link

    # -- sitemaps ----------------------------------------------------------------------------
    def _sitemaps(self) -> None:
        """Every site's sitemaps (those its robots.txt names, else WordPress's usual places): a report, web-page
        report or press release about youth justice that the listings missed (a redesign, the newer website)
        is fetched from here. A sitemap, or an address in one, whose lastmod has not changed since the last run
        is not read again."""
        seen = self.state.setdefault("sitemaps", {})
        queue: list[tuple[str, bool]] = []  # (sitemap URL, named by the site: a failure to read it is reported)
        for site in dict.fromkeys((self.options.site, *self.options.also_sites)):
            if not self.client.allowed(site):
                continue
            declared = self.client.sitemaps(site)
            queue += [(u, True) for u in declared] or [
                (u, False) for u in (urljoin(site, p) for p in self.structure.sitemap_paths)
                if not _recently_absent(seen.get(u))]
        self._feeds(seen)
        read = 0
        done: set[str] = set()
        while queue and read < self.options.max_sitemaps and not self._limit_reached():
            url, named = queue.pop(0)
            if url in done or not self.client.allowed(url):
                continue
            done.add(url)
            try:
                text, _ = self.page(url)
                children, addresses = sitemap_entries(url, text)
            except FetchFailure as failure:
                if named or failure.kind not in ("http_404", "http_410"):
                    self._fail(failure)
                else:  # no sitemap at a usual place: asked again in a week, not every run
                    seen[url] = f"absent {dt.date.today().isoformat()}"
                continue
            read += 1
            self.report.listings_read += 1
            for child, lastmod in children:
                if lastmod is None or seen.get(child) != lastmod:
                    queue.append((child, True))
                    if lastmod is not None:
                        seen[child] = lastmod
            for address, lastmod in addresses:
                if lastmod is not None and seen.get(address) == lastmod:
                    continue
                if self._sitemap_address(address) and lastmod is not None:
                    seen[address] = lastmod

    def _feeds(self, seen: dict[str, str]) -> None:
        """Every site's feeds (RSS or Atom, read with feedparser): the newest publications, which a sitemap may
        list only later. An entry whose date has not changed is not read again; a feed that is not one is a
        structure change; a usual place with none is asked again in a week."""
        import feedparser

        for site in dict.fromkeys((self.options.site, *self.options.also_sites)):
            for url in (urljoin(site, p) for p in self.structure.feed_paths):
                if _recently_absent(seen.get(url)) or not self.client.allowed(url) or self._limit_reached():
                    continue
                try:
                    text, _ = self.page(url)
                except FetchFailure as failure:
                    if failure.kind in ("http_404", "http_410"):
                        seen[url] = f"absent {dt.date.today().isoformat()}"
                    else:
                        self._fail(failure)
                    continue
                feed = feedparser.parse(text)
                if not feed.entries and not feed.feed.get("title"):
                    self._fail(StructureChanged(url, "an RSS or Atom feed"))
                    continue
                self.report.listings_read += 1
                for entry in feed.entries:
                    # "updated" only when the entry has one (asking feedparser for a missing one is deprecated)
                    link = entry.get("link")
                    when = entry["updated"] if dict.__contains__(entry, "updated") else entry.get("published")
                    if not link or (when is not None and seen.get(link) == when):
                        continue
                    if self._sitemap_address(urljoin(url, link)) and when is not None:
                        seen[link] = when

    def _sitemap_address(self, url: str) -> bool:
        """Fetch what a sitemap's address is, when it is about youth justice; whether it was dealt with."""
        path = urlparse(url).path
        for pattern, kind in ((SITEMAP_PRESS_RELEASE, "press_release"), (SITEMAP_REPORT_PAGE, "report_html"),
                              (SITEMAP_INSPECTION_PAGE, "inspection")):
            match = pattern.search(path)
            if match is None:
                continue
            slug = match.group("slug").lower()
            if not YOUTH_SLUG.search(slug):
                return True  # not about youth justice: nothing to do, now or later
            item = Item(url, slug.replace("-", " "), "sitemap")
            if kind == "inspection":
                if url not in self.known_pages:
                    self._inspection(item)
                return True
            if url in self.known_urls:
                return True
            before = len(self.report.failures)
            self._file(url, kind, "en", item, None, None)
            return len(self.report.failures) == before
        return True

    def _repeats(self, url: str, items: list[Item], previous: list[Item]) -> bool:
        """A listing page that gives the previous page's results again: the site no longer reads the page
        parameter, so the pages after the first cannot be reached. A failure to report, never a quiet stop."""
        if not items or [i.url for i in items] != [i.url for i in previous]:
            return False
        self._fail(StructureChanged(url, f"a listing page whose results differ from the page before it (the "
                                         f"site repeats them: is '{self.structure.page_parameter}' still its page "
                                         "parameter?); the pages after it were not read"))
        return True

    def _retry_failed(self) -> None:
        """The inspection pages whose files failed last time are read again first, wherever they are listed."""
        for entry in list(self.state.get("retry", [])):
            self._inspection(Item(entry["url"], entry.get("title", ""), entry["programme"]), retry=True)

    def _inspection(self, item: Item, retry: bool = False) -> bool:
        """Fetch what an inspection's page links to; whether anything new was found."""
        failures_before = len(self.report.failures)
        found = self._read_inspection(item, retry)
        retries = [entry for entry in self.state.setdefault("retry", []) if entry["url"] != item.url]
        if len(self.report.failures) > failures_before:
            # a file of this inspection failed: read its page again next run, whether or not the page changes
            retries.append({"url": item.url, "title": item.title, "programme": item.programme})
            self.known_pages.discard(item.url)
        self.state["retry"] = retries
        return found

    def _read_inspection(self, item: Item, retry: bool) -> bool:
        if not self.client.allowed(item.url):
            self.report.skipped_by_robots.append(item.url)
            return False
        listed = self.state.setdefault("listed", {})
        try:
            text, changed = self.page(item.url)
            page = inspection_page(item.url, text, self.structure)
        except FetchFailure as failure:
            self._fail(failure)
            listed[item.url] = {**listed.get(item.url, {}), "programme": item.programme, "title": item.title,
                                "page_read": False}
            return False
        # The catalogue: every inspection the site lists, and the files its page links (the `catalogue` table)
        listed[item.url] = {
            "programme": item.programme, "title": item.title, "page_read": True,
            "published": page.published.isoformat() if page.published else None,
            "published_text": page.published_text,
            "reports": sorted(u for u, kind, language in page.files if language == "en"),
            "welsh_reports": sorted(u for u, kind, language in page.files if language != "en"),
            "press_releases": sorted(page.press_releases)}
        if item.url in self.known_pages and not changed and not retry:
            return False
        if self.options.since and page.published and page.published < self.options.since:
            return False
        found = False
        for file_url, kind, language in page.files:
            found |= self._file(file_url, kind, language, item, item.url, page)
        for release in page.press_releases:
            found |= self._file(release, "press_release", "en", Item(release, "", "press-releases"), item.url, page)
        self.known_pages.add(item.url)
        return found

    def _press_releases(self) -> None:
        page_number = self.structure.first_page
        previous: list[Item] = []
        following: str | None = None
        visited: set[str] = set()
        while not self._limit_reached():
            url = following or self.listing_url(self.structure.press_releases_path,
                                                **{self.structure.page_parameter: page_number})
            if not self.client.allowed(url):
                self.report.skipped_by_robots.append(url)
                return
            try:
                text, _ = self.page(url)
                items = listing_items(url, text, self.structure.press_release_result, self.structure, "press-releases")
            except FetchFailure as failure:
                self._fail(failure)
                return
            self.report.listings_read += 1
            if items is None or self._repeats(url, items, previous):
                return
            previous = items
            new_here = False
            for item in items:
                if not YOUTH_PRESS_RELEASE.search(item.title) or item.url in self.known_urls:
                    continue
                new_here |= self._file(item.url, "press_release", "en", item, None, None)
            if not new_here:
                return
            page_number += 1
            following = self._next_link(url, text, visited)

    # -- files --------------------------------------------------------------------------------
    def _limit_reached(self) -> bool:
        return self.options.limit is not None and self.new_files >= self.options.limit

    def _file(self, url: str, kind: str, language: str, item: Item, inspection_url: str | None,
              page: InspectionPage | None) -> bool:
        """Download one file if it is new or changed; whether a new file (or version) was kept. Whatever goes
        wrong with this one URL is its failure row, and the run goes on."""
        try:
            return self._fetch_file(url, kind, language, item, inspection_url, page)
        except FetchFailure as failure:
            self._fail(failure)
            return False
        except (BudgetExhausted, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # one URL's unforeseen fault is that URL's failure, never the run's
            log.exception("%s: the download failed", url)
            self._fail(FetchFailure("internal_error", f"{type(exc).__name__}: {exc}", url))
            return False

    def _fetch_file(self, url: str, kind: str, language: str, item: Item, inspection_url: str | None,
                    page: InspectionPage | None) -> bool:
        if self._limit_reached():
            return False
        if not self.client.allowed(url):
            self.report.skipped_by_robots.append(url)
            return False
        versions = [row for row in self.state["sources"] if row["url"] == url]
        latest = max(versions, key=lambda row: row["version"]) if versions else None
        if self.options.dry_run:
            if latest is None and url not in self.known_urls:
                self.known_urls.add(url)
                self.report.would_fetch.append({"url": url, "kind": kind, "inspection_page": inspection_url})
                self.new_files += 1
                return True
            return False
        # Asked with the validators of the version kept: an unchanged file costs a 304.
        headers = {}
        if latest is not None and latest.get("etag"):
            headers["If-None-Match"] = latest["etag"]
        if latest is not None and latest.get("last_modified"):
            headers["If-Modified-Since"] = latest["last_modified"]
        response = self.client.get(url, cached=False, stream=True, headers=headers)
        if response.status_code == 304:
            response.close()
            self.report.unchanged += 1
            return False
        temporary, digest, size = self._download(url, response, kind)
        if latest is not None and latest["sha256"] == digest:
            os.remove(temporary)  # the same bytes again (a server without validators)
            self.report.unchanged += 1
            return False
        version = (latest["version"] + 1) if latest else 1
        same = next((row for row in self.state["sources"] if row["sha256"] == digest
                     and os.path.isfile(os.path.join(self.options.raw_dir, row["path"]))), None)
        if same is not None:
            # the same bytes under another address (the other host, a moved page): one file, both URLs recorded
            os.remove(temporary)
            path = same["path"]
        else:
            path = self._place(temporary, digest, url, kind, item, inspection_url, version)
        published = page.published if page else None
        row = {
            "url": url, "final_url": response.url, "path": path, "sha256": digest, "size": size, "version": version,
            "kind": kind, "language": language, "title": item.title or None, "programme": item.programme,
            "inspection_page": inspection_url, "published": published.isoformat() if published else None,
            "published_text": page.published_text if page else None,
            "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "http_status": response.status_code,
            "etag": response.headers.get("ETag"), "last_modified": response.headers.get("Last-Modified"),
            "extractor_version": VERSION,
        }
        self.state["sources"].append(row)
        # The journal: each finished file is recorded at once (written aside, then renamed), so a fetch killed
        # after this line never fetches the file again, and one killed before it adopts the file it finds.
        _save_state(self.options.out_dir, self.state)
        self.known_urls.add(url)
        self.report.fetched.append(row)
        self.new_files += 1
        log.info("fetched %s -> %s%s", url, path, f" (version {version})" if version > 1 else "")
        return True

    def _download(self, url: str, response: Any, kind: str) -> tuple[str, str, int]:
        """Stream the body to a temporary file; check it is whole and what it claims. (path, sha256, size).

        Reads take whatever the socket has (a server that trickles a byte at a time is still timed), within a
        deadline for the whole file (--budget, and file_seconds) and a size cap (max_file_mb)."""
        folder = os.path.join(self.options.raw_dir, PARTIAL)
        os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, hashlib.sha256(url.encode()).hexdigest()[:16] + ".part")
        digest, size = hashlib.sha256(), 0
        limit = int(self.options.max_file_mb * 1024 * 1024)
        deadline = min(self.client.deadline, time.monotonic() + self.options.file_seconds)
        raw = response.raw
        read = getattr(raw, "read1", None) or raw.read
        try:
            with open(temporary, "wb") as handle:
                while True:
                    if time.monotonic() > deadline:
                        if time.monotonic() > self.client.deadline:
                            raise BudgetExhausted
                        raise FetchFailure("timeout", f"the download took longer than {self.options.file_seconds:g} s "
                                           f"({size} bytes arrived)", url)
                    chunk = read(1 << 16, decode_content=True)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise FetchFailure("too_large", f"the file is larger than {self.options.max_file_mb:g} MB; "
                                           "raise --max-file-mb to fetch it", url)
                    handle.write(chunk)
                    digest.update(chunk)
            self._check_complete(url, response, kind, temporary, size)
        except FetchFailure:
            _remove(temporary)
            raise
        except BudgetExhausted:
            _remove(temporary)
            raise
        except Exception as exc:  # the connection broke, the disk is full, the name is refused
            _remove(temporary)
            raise FetchFailure("truncated", f"the download broke off: {type(exc).__name__}: {exc}", url) from None
        except BaseException:
            _remove(temporary)
            raise
        finally:
            response.close()
        return temporary, digest.hexdigest(), size

    def _check_complete(self, url: str, response: Any, kind: str, path: str, size: int) -> None:
        """A file is kept only whole: its length is the Content-Length sent; a PDF starts with %PDF, ends with
        %%EOF and opens; a web page sent without a length ends the html it opened."""
        if size == 0:
            raise FetchFailure("empty_file", "the server sent an empty file", url)
        expected = response.headers.get("Content-Length")
        if expected is not None and expected.isdigit() and int(expected) != size and "gzip" not in response.headers.get(
                "Content-Encoding", ""):
            raise FetchFailure("truncated", f"{size} of {expected} bytes arrived", url)
        with open(path, "rb") as handle:
            opening = handle.read(2048)
            handle.seek(max(0, size - 2048))
            tail = handle.read()
        head = opening[:5]
        content_type = response.headers.get("Content-Type", "")
        if urlparse(url).path.lower().endswith(".pdf") or "pdf" in content_type:
            if head != b"%PDF-":
                raise FetchFailure("not_a_pdf", "the file said to be a PDF does not start with %PDF", url)
            if b"%%EOF" not in tail:
                raise FetchFailure("truncated", "the PDF has no end (%%EOF): the download was cut short", url)
            problem = _pdf_opens(path)
            if problem:
                raise FetchFailure("corrupt_pdf", f"the PDF does not open: {problem}", url)
        elif (kind in ("report_html", "press_release") or "html" in content_type) and expected is None \
                and b"<html" in opening.lower() and b"</html" not in tail.lower():
            # (HTML may leave out </html>: only a page that opened <html> and came without a length is checked)
            raise FetchFailure("truncated", "the web page has no end (</html>): the download was cut short", url)

    def _place(self, temporary: str, digest: str, url: str, kind: str, item: Item, inspection_url: str | None,
               version: int) -> str:
        """Move a complete download into the raw folder under a safe name of its own, never over another file and
        never outside the raw folder. A file a killed run already put at that name, with these bytes, is adopted."""
        path = urlparse(url).path.rstrip("/")
        name = safe_name(os.path.basename(path) or "index", "index")
        if kind in ("report_html", "press_release") and not name.endswith((".html", ".htm")):
            name += ".html"
        if kind == "press_release":
            stamp = "-".join(p for p in path.split("/")[-3:-1] if p.isdigit())
            folder = os.path.join(RAW_SUBFOLDER, "press-releases")
            name = f"{stamp}-{name}" if stamp else name
        else:
            slug = safe_name(os.path.basename(urlparse(inspection_url or url).path.rstrip("/")) or "inspection",
                             "inspection")
            folder = os.path.join(RAW_SUBFOLDER, safe_name(item.programme, "programme"), slug)
        stem, suffix = os.path.splitext(name)
        number = version
        candidate = os.path.join(folder, f"{stem}{'' if number == 1 else f'.v{number}'}{suffix}")
        while os.path.exists(os.path.join(self.options.raw_dir, candidate)):
            if sha256_file(os.path.join(self.options.raw_dir, candidate)) == digest:
                _remove(temporary)  # put there by a run killed before it wrote its journal
                return candidate
            number += 1
            candidate = os.path.join(folder, f"{stem}.v{number}{suffix}")
        target = os.path.join(self.options.raw_dir, candidate)
        if not inside(self.options.raw_dir, os.path.dirname(target)) or not inside(self.options.raw_dir, target):
            _remove(temporary)
            raise FetchFailure("unsafe_path", f"the name the site gives leads outside the raw folder: {candidate}", url)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not inside(self.options.raw_dir, os.path.dirname(target)):  # a link placed in the raw folder meanwhile
            _remove(temporary)
            raise FetchFailure("unsafe_path", f"the folder for {candidate} leads outside the raw folder", url)
        os.replace(temporary, target)
        return candidate


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


def _pdf_opens(path: str) -> str | None:
    """Why a PDF does not open, or None. In a process of its own, so that a hostile file can crash only that."""
    import subprocess
    import sys

    try:
        done = subprocess.run([sys.executable, "-c", "import sys, pypdfium2; pypdfium2.PdfDocument(sys.argv[1]).close()",
                               path], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "opening it took more than 60 s"
    if done.returncode != 0:
        lines = (done.stderr or "").strip().splitlines()
        return lines[-1][:200] if lines else f"exit {done.returncode}"
    return None


def fetch(options: FetchOptions) -> FetchReport:
    return Fetch(options).run()


def summary_text(report: FetchReport, dry_run: bool = False) -> str:
    lines = [f"requests: {report.requests} ({report.not_modified} unchanged pages); inspections seen: "
             f"{report.inspections_seen}"]
    if dry_run:
        lines.append(f"would fetch: {len(report.would_fetch)} files")
        lines += [f"  {row['url']}" for row in report.would_fetch]
    else:
        lines.append(f"fetched: {len(report.fetched)} new files ({sum(1 for r in report.fetched if r['version'] > 1)} "
                     f"new versions of known ones); {report.unchanged} unchanged")
    if report.skipped_by_robots:
        lines.append(f"not requested (robots.txt): {len(report.skipped_by_robots)}")
    lines.append(f"failed: {len(report.failures)}" + ("; the time budget ran out" if report.budget_exhausted else ""))
    lines += [f"  {row['url']}: {row['error_kind']}: {row['message']}" for row in report.failures]
    lines.append(f"time: {report.seconds:.1f} s")
    return "\n".join(lines)


def summary_json(report: FetchReport) -> dict:
    return {"requests": report.requests, "not_modified": report.not_modified, "fetched": len(report.fetched),
            "new_versions": sum(1 for r in report.fetched if r["version"] > 1), "unchanged": report.unchanged,
            "failed": len(report.failures), "failures": report.failures, "budget_exhausted": report.budget_exhausted,
            "would_fetch": len(report.would_fetch), "seconds": round(report.seconds, 3),
            "exit_code": report.exit_code}
