"""PDF pages read with pdfium (through pypdfium2): the fast engine.

pdfium parses the page in C and builds its text page: every character with its
origin, box, font and text object, and the spaces and line breaks it infers
between them. This module asks it for as little as it can from Python, where
each call costs about a microsecond: the page's whole text in one call, then,
per word (not per character), the text object of its first and last
characters, their origins and the last glyph's advance width. A text object is
one text-showing operation, so its font, size, baseline and orientation are
looked up once and shared by all its words.

The boxes follow pdfminer's conventions (see ``pdf_layout.Word``), so that the
shared cleaning steps give the same canonical text as the pdfplumber engine:
x0 is the first glyph's origin, x1 the last glyph's origin plus its advance
width (from the font's widths, not its ink), bottom the baseline less the
font's descent, top = bottom − font size × the text matrix's vertical scale.
Ruled tables are found by pdfplumber's own table finder, fed with the edges of
the page's rectangles, lines and curves classified the way pdfminer does.

A page pdfium's text cannot stand for is handed back (``OtherEngine``) to be
read by pdfplumber: a rotated page, or text that is not upright.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any, NamedTuple

from loaders.loaded import LoadError
from loaders.pdf_layout import PageLayout, Word, place_words

NAME = "pdfium"
_EDGE_MIN_LENGTH = 1  # pdfplumber's TableSettings.edge_min_length_prefilter
_SNAP_TOLERANCE = 3  # and its snap_x_tolerance, snap_y_tolerance
TOKEN = re.compile(r"\S+")
# pdfium's error codes (fpdfview.h), as pypdfium2's PdfiumError carries them.
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 5


@dataclass(frozen=True)
class OtherEngine:
    """A page this engine leaves to the pdfplumber engine, and why."""

    reason: str


class _TextObject(NamedTuple):
    """What every word of one text object shares."""

    font: int  # FPDF_FONT handle, for glyph widths
    font_size: float  # the Tf size, for glyph widths
    scale_x: float  # the text matrix's horizontal scale: text space to page space
    size: float  # pdfminer's size: font size × vertical scale
    top: float
    bottom: float
    fontname: str
    upright: bool
    unmapped: bool  # the font has no Unicode map: its text is glyph numbers
    advances: dict[str, float]  # glyph advance widths in page space, shared by the objects of one font and size


@cache
def version() -> str:
    """pypdfium2's version and pdfium's build, read from the installed files: importing pypdfium2 loads pdfium
    (some megabytes) into the run's main process, which never reads a PDF itself."""
    import json
    from importlib.metadata import version as installed
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("pypdfium2_raw")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        build_file = Path(folder) / "version.json"  # what pypdfium2_raw.version reads
        if build_file.is_file():
            return f"pypdfium2 {installed('pypdfium2')} (pdfium {json.loads(build_file.read_text())['build']})"
    import pypdfium2  # another layout of the package: ask it

    return f"pypdfium2 {pypdfium2.version.PYPDFIUM_INFO.version} (pdfium {pypdfium2.version.PDFIUM_INFO.build})"


@cache
def _api() -> SimpleNamespace:
    """pdfium's functions used per word, declared with plain handles (c_void_p) so that a call returns an int
    and costs as little as ctypes allows; the rest are used through pypdfium2 as it declares them."""
    import pypdfium2.raw as raw

    vp, i, d, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
    # Out-parameters are passed as plain addresses (ints): cheaper to pass than ctypes pointer objects.

    def declare(function: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.cast(function, ctypes.CFUNCTYPE(restype, *argtypes))

    return SimpleNamespace(
        raw=raw,
        count_chars=declare(raw.FPDFText_CountChars, i, vp),
        get_text=declare(raw.FPDFText_GetText, i, vp, i, i, ctypes.POINTER(ctypes.c_ushort)),
        get_unicode=declare(raw.FPDFText_GetUnicode, ctypes.c_uint, vp, i),
        text_object=declare(raw.FPDFText_GetTextObject, vp, vp, i),
        origin=declare(raw.FPDFText_GetCharOrigin, i, vp, i, vp, vp),  # x and y by address
        glyph_width=declare(raw.FPDFFont_GetGlyphWidth, i, vp, ctypes.c_uint32, f, vp),  # width by address
        loose_box=declare(raw.FPDFText_GetLooseCharBox, i, vp, i, vp),  # FS_RECTF by address
        font_size=declare(raw.FPDFText_GetFontSize, d, vp, i),
        matrix=declare(raw.FPDFText_GetMatrix, i, vp, i, vp),  # FS_MATRIX by address
        font_info=declare(raw.FPDFText_GetFontInfo, ctypes.c_ulong, vp, i, ctypes.c_char_p, ctypes.c_ulong,
                          ctypes.POINTER(i)),
        map_error=declare(raw.FPDFText_HasUnicodeMapError, i, vp, i),
        text_object_font=declare(raw.FPDFTextObj_GetFont, vp, vp),
        page_count_objects=declare(raw.FPDFPage_CountObjects, i, vp),
        page_object=declare(raw.FPDFPage_GetObject, vp, vp, i),
        form_count_objects=declare(raw.FPDFFormObj_CountObjects, i, vp),
        form_object=declare(raw.FPDFFormObj_GetObject, vp, vp, ctypes.c_ulong),
        object_type=declare(raw.FPDFPageObj_GetType, i, vp),
        object_matrix=declare(raw.FPDFPageObj_GetMatrix, i, vp, vp),
        draw_mode=declare(raw.FPDFPath_GetDrawMode, i, vp, vp, vp),
        count_segments=declare(raw.FPDFPath_CountSegments, i, vp),
        segment=declare(raw.FPDFPath_GetPathSegment, vp, vp, i),
        segment_point=declare(raw.FPDFPathSegment_GetPoint, i, vp, vp, vp),
        segment_type=declare(raw.FPDFPathSegment_GetType, i, vp),
        segment_closes=declare(raw.FPDFPathSegment_GetClose, i, vp),
    )


class PdfiumDocument:
    """One open PDF; pages are read one at a time and closed after (memory stays flat)."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        try:
            self._pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code in (_ERR_PASSWORD, _ERR_SECURITY):
                raise LoadError("encrypted_pdf", f"encrypted PDF, cannot be read without a password ({exc})") from exc
            raise LoadError("corrupt_pdf", f"corrupt or truncated PDF: {exc}") from exc
        self.page_count = len(self._pdf)

    def close(self) -> None:
        self._pdf.close()

    def read_page(self, index: int) -> PageLayout | OtherEngine:
        page = self._pdf[index]
        try:
            if page.get_rotation():
                return OtherEngine(f"the page is rotated by {page.get_rotation()}°")
            left, bottom, right, top = page.get_mediabox()
            height = abs(top - bottom)  # pdfplumber measures from the media box's height
            textpage = page.get_textpage()
            try:
                words, chars, cids, reason = read_words(textpage, height)
            finally:
                textpage.close()
            if reason:
                return OtherEngine(reason)
            layout = PageLayout(height=height, char_count=chars, cid_count=cids, engine=NAME)
            if not chars:
                return layout
            return place_words(layout, words, find_tables(page, height, (left, 0.0, right, height)))
        finally:
            page.close()


def _handle(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def read_words(textpage: Any, height: float) -> tuple[list[Word], int, int, str | None]:
    """(words, characters, characters without a Unicode map, reason to hand the page over or None)."""
    api = _api()
    t = _handle(textpage.raw)
    n = api.count_chars(t)
    if n <= 0:
        return [], 0, 0, None
    buffer = (ctypes.c_ushort * (n + 1))()
    written = api.get_text(t, 0, n, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", errors="replace")
    if len(text) != n:
        # pdfium leaves some control characters out of its text: read them one by one, so that positions
        # in the text are character indices.
        text = "".join(chr(api.get_unicode(t, k) or 0xFFFD) for k in range(n))
    # pdfium marks a hyphen that ends a line (U+FFFE in its text, 0x02 as the character) and joins the two lines
    # into one word; the page shows a hyphen, and the shared steps decide whether the word is rejoined.
    text = text.replace("\ufffe", "-").replace("\x02", "-")
    point = (ctypes.c_double * 2)()
    px = ctypes.addressof(point)
    py = px + ctypes.sizeof(ctypes.c_double)
    width = ctypes.c_float()
    pwidth = ctypes.addressof(width)
    objects: dict[int, _TextObject] = {}
    scratch = _Scratch()
    words: list[Word] = []
    append = words.append
    cids = 0
    text_object, origin, glyph_width = api.text_object, api.origin, api.glyph_width
    new_word = tuple.__new__
    spans = [match.span() for match in TOKEN.finditer(text)]
    handles = [text_object(t, start) for start, _ in spans]
    handles.append(0)
    for index, (start, end) in enumerate(spans):
        handle = handles[index]
        last = end - 1
        # A text object's characters are consecutive: when the next word starts in this word's object, the
        # whole word is in it; otherwise its last character says. A word drawn by two text operations ("Go" +
        # "od", a bold letter inside it) is rare: each part is a word of its own, as pdfplumber makes them.
        runs: Sequence[tuple[int, int, int]] = ((start, end, handle),)
        if last > start and handles[index + 1] != handle and text_object(t, last) != handle:
            runs = _runs_by_object(t, start, end)
        for start, end, handle in runs:
            origin(t, start, px, py)
            x0 = point[0]
            info = objects.get(handle) if handle else None
            if info is None:
                info = _object_info(t, start, handle, height, point[1], scratch)
                if handle:
                    objects[handle] = info
                if not info.upright:
                    return [], 0, 0, "text that is not upright (rotated or vertical)"
            last = end - 1
            if last > start:
                origin(t, last, px, py)
            glyph = text[last]
            advance = info.advances.get(glyph)
            if advance is None:  # the glyph's advance width in this font and size, asked once
                if info.font and glyph_width(info.font, ord(glyph), info.font_size, pwidth) and width.value != info.font_size:
                    advance = info.advances[glyph] = width.value * info.scale_x
                else:  # the font has no width for this character (pdfium answers with one em)
                    advance = 0.0
            # A Word, built as the tuple it is: twice as fast as calling the class, for every word of a report.
            append(new_word(Word, (text[start:end], x0, point[0] + advance if advance else _loose_box(t, last)[2],
                                   info.top, info.bottom, info.size, info.fontname)))
            if info.unmapped:
                cids += end - start
    return words, sum(stop - begin for begin, stop in spans), cids, None


def _runs_by_object(t: int, start: int, end: int) -> list[tuple[int, int, int]]:
    """A word drawn by several text operations ("Go" + "od", or a bold letter inside it): one run each."""
    text_object = _api().text_object
    runs: list[tuple[int, int, int]] = []
    for k in range(start, end):
        handle = text_object(t, k)
        if runs and runs[-1][2] == handle:
            runs[-1] = (runs[-1][0], k + 1, handle)
        else:
            runs.append((k, k + 1, handle))
    return runs


def _loose_box(t: int, index: int) -> tuple[float, float, float, float]:
    api = _api()
    box = api.raw.FS_RECTF()
    api.loose_box(t, index, ctypes.addressof(box))
    return box.left, box.bottom, box.right, box.top


class _Style(NamedTuple):
    """What the text objects of one font, size and matrix share."""

    size: float
    fontname: str
    upright: bool
    unmapped: bool
    descent: float  # from the baseline down to the box's bottom, page space
    advances: dict[str, float]  # glyph advance widths, page space, as they are asked for


class _Scratch:
    """Structures pdfium writes into, made once per page and passed by address."""

    def __init__(self) -> None:
        api = _api()
        self.matrix = api.raw.FS_MATRIX()
        self.matrix_address = ctypes.addressof(self.matrix)
        self.styles: dict[tuple[int, float, float, float, float, float], _Style] = {}
        self.fonts: dict[int, tuple[str, bool]] = {}


def _object_info(t: int, index: int, handle: int, height: float, baseline: float, scratch: _Scratch) -> _TextObject:
    """What the words of one text object share, read at one of its characters (``baseline``: its origin's y);
    what its font, size and matrix decide is read once for all objects that share them."""
    api = _api()
    api.matrix(t, index, scratch.matrix_address)
    m = scratch.matrix
    font_size = api.font_size(t, index)
    font = (api.text_object_font(handle) or 0) if handle else 0
    key = (font, font_size, m.a, m.b, m.c, m.d)
    style = scratch.styles.get(key) if font else None
    if style is None:
        known = scratch.fonts.get(font) if font else None
        if known is None:
            flags = ctypes.c_int()
            name = ctypes.create_string_buffer(256)
            length = api.font_info(t, index, name, len(name), ctypes.byref(flags))
            if length > len(name):  # a longer name: ask again with room for it
                name = ctypes.create_string_buffer(length)
                api.font_info(t, index, name, len(name), ctypes.byref(flags))
            known = (name.value.decode("latin-1"), bool(api.map_error(t, index)))
            if font:
                scratch.fonts[font] = known
        style = _Style(size=font_size * abs(m.d), fontname=known[0],
                       upright=m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0, unmapped=known[1],
                       descent=baseline - _loose_box(t, index)[1], advances={})
        if font:
            scratch.styles[key] = style
    bottom = height - (baseline - style.descent)
    return _TextObject(font=font, font_size=font_size, scale_x=m.a, size=style.size, top=bottom - style.size,
                       bottom=bottom, fontname=style.fontname, upright=style.upright, unmapped=style.unmapped,
                       advances=style.advances)


# ------------------------------------------------------------------ ruled tables


def find_tables(page: Any, height: float, bbox: tuple[float, float, float, float]) -> list[Any]:
    """pdfplumber's tables (its default settings), from this page's rectangles, lines and curves."""
    lines, rects, curves = page_shapes(page, height)
    if not (rects or lines):
        return []  # as the pdfplumber engine: only a page with rectangles or lines is searched
    from pdfplumber.table import TableFinder
    from pdfplumber.utils import cluster_list, curve_to_edges, line_to_edge, rect_to_edges

    edges = [line_to_edge(line) for line in lines]
    for rect in rects:
        edges += rect_to_edges(rect)
    for curve in curves:
        edges += curve_to_edges(curve)
    # The finder keeps edges at least a point long, snaps those within 3 points of each other to one line, and
    # returns only tables of two cells or more: three lines one way and two the other. A page whose shapes
    # cannot give that (a header's rule, a coloured band) has no table, found without running the finder.
    positions: dict[str, list[float]] = {"h": [], "v": []}
    for edge in edges:
        orientation = edge["orientation"]
        if orientation == "h" and edge["width"] >= _EDGE_MIN_LENGTH:
            positions["h"].append(edge["top"])
        elif orientation == "v" and edge["height"] >= _EDGE_MIN_LENGTH:
            positions["v"].append(edge["x0"])
    across, down = (len(cluster_list(sorted(set(positions[o])), _SNAP_TOLERANCE)) for o in ("h", "v"))
    if not ((across >= 3 and down >= 2) or (across >= 2 and down >= 3)):
        return []
    return TableFinder(_EdgesOnly(edges, bbox)).tables  # type: ignore[arg-type]  # the page's two attributes it reads


@dataclass
class _EdgesOnly:
    """What pdfplumber's table finder reads of a page when it looks for ruled tables."""

    edges: list[dict]
    bbox: tuple[float, float, float, float]


def page_shapes(page: Any, height: float) -> tuple[list[dict], list[dict], list[dict]]:
    """(lines, rectangles, curves) of the page's painted paths, as pdfminer classifies them, in pdfplumber's
    coordinates (points from the page's top left)."""
    api = _api()
    raw = api.raw
    lines: list[dict] = []
    rects: list[dict] = []
    curves: list[dict] = []

    object_type, form_type, path_type = api.object_type, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH

    def visit(container: int, count: int, get: Any, outer: tuple[float, ...] | None) -> None:
        for index in range(count):
            obj = get(container, index)
            kind = object_type(obj)
            if kind == form_type:
                visit(obj, api.form_count_objects(obj), api.form_object, _compose(_matrix_of(obj), outer))
            elif kind == path_type and _painted(obj):
                for points, shape in _subpaths(obj, _compose(_matrix_of(obj), outer)):
                    _classify(points, shape, height, lines, rects, curves)

    handle = _handle(page.raw)
    visit(handle, api.page_count_objects(handle), api.page_object, None)
    return lines, rects, curves


def _matrix_of(obj: int) -> tuple[float, ...]:
    api = _api()
    m = api.raw.FS_MATRIX()
    api.object_matrix(obj, ctypes.addressof(m))
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...] | None) -> tuple[float, ...]:
    """inner, then outer: an object inside a form XObject is placed by the form's matrix."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _painted(obj: int) -> bool:
    """A path only clips (``W n``) when it is neither filled nor stroked: pdfminer does not see it."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not _api().draw_mode(obj, ctypes.addressof(fill), ctypes.addressof(stroke)):
        return True
    return bool(fill.value or stroke.value)


def _subpaths(obj: int, matrix: tuple[float, ...]) -> list[tuple[list[tuple[float, float]], str]]:
    """Each subpath's points (page space) and its pdfminer shape: "m", "l", "c" (a curve's end point) and "h"
    (closed, back to the start). pdfium keeps a curve as three points and a closing line as a point flagged
    closed; pdfminer keeps a curve's end point and ``h``."""
    api = _api()
    raw = api.raw
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.addressof(x), ctypes.addressof(y)
    out: list[tuple[list[tuple[float, float]], str]] = []
    points: list[tuple[float, float]] = []
    shape: list[str] = []
    bezier = 0
    for index in range(api.count_segments(obj)):
        segment = api.segment(obj, index)
        api.segment_point(segment, px, py)
        kind = api.segment_type(segment)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if shape:
                out.append((points, "".join(shape)))
            points, shape, bezier = [point], ["m"], 0
            continue
        if not shape:  # a path that does not begin with a move: pdfminer ignores it, so do we
            continue
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # a control point
            points.append(point)
            shape.append("c")
        else:
            points.append(point)
            shape.append("l")
        if api.segment_closes(segment):
            if shape[-1] == "l" and point == points[0]:
                shape[-1] = "h"  # the closing line back to the start is pdfminer's "h"
            else:
                points.append(points[0])
                shape.append("h")
    if shape:
        out.append((points, "".join(shape)))
    return out


def _classify(points: list[tuple[float, float]], shape: str, height: float,
              lines: list[dict], rects: list[dict], curves: list[dict]) -> None:
    """pdfminer's ``paint_path`` for one subpath: a line, a rectangle or a curve."""
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = points[0], points[1]
        lines.append(_box({"object_type": "line"}, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), height))
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        closed = points[0] == points[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            rects.append(_box({"object_type": "rect"}, min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2), height))
        else:
            curves.append(_curve(points, height))
    else:
        curves.append(_curve(points, height))


def _box(obj: dict, x0: float, y0: float, x1: float, y1: float, height: float) -> dict:
    top = height - y1
    obj.update(x0=x0, x1=x1, y0=y0, y1=y1, top=top, bottom=height - y0, doctop=top, width=x1 - x0, height=y1 - y0)
    return obj


def _curve(points: list[tuple[float, float]], height: float) -> dict:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    obj = _box({"object_type": "curve"}, min(xs), min(ys), max(xs), max(ys), height)
    obj["pts"] = [(px, height - py) for px, py in points]
    return obj


def warm() -> None:
    """Load pdfium and declare its functions now: a process that forks workers calls this first."""
    _api()
