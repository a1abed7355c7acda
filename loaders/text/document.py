"""A news document: its text, metadata, and the paragraphs (with offsets) the pipeline parses."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from graph.model import content_hash
from loaders.text.lexicon import TRIGGER_RE

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_PARAGRAPH = re.compile(r"[^\n]+")
MAX_PARAGRAPH = 5000


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """Publication date from an ISO date or timestamp, or free text dateparser understands.

    Raises ValueError for a value that is not a date, so callers can report it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_DATE.match(value)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    import dateparser  # slow import, only for unusual formats

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(value, settings=settings)
    if parsed is None:
        raise ValueError(f"published {value!r} is not a date")
    return parsed.date()


@dataclass(frozen=True)
class Paragraph:
    """One line of a document: where it starts, its text, and whether it needs the parser."""

    start: int
    text: str
    parse: bool


@dataclass
class Document:
    """Text plus what is known about it; `doc_id` is stable (the URL, else a hash of the text)."""

    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    doc_id: str = field(init=False)

    def __post_init__(self) -> None:
        self.doc_id = self.url or f"text:{content_hash(self.text)}"

    def paragraphs(self) -> list[Paragraph]:
        """Non-blank lines with their offsets; those with a trigger or caption cue are marked for parsing."""
        out = []
        for m in _PARAGRAPH.finditer(self.text):
            for start, chunk in _chunks(m.start(), m.group()):
                stripped = chunk.strip()
                if stripped:
                    lead = len(chunk) - len(chunk.lstrip())
                    out.append(Paragraph(start + lead, stripped, bool(TRIGGER_RE.search(stripped))))
        return out


def _chunks(start: int, line: str) -> list[tuple[int, str]]:
    """A line cut at sentence ends into pieces of at most MAX_PARAGRAPH characters (a text without newlines)."""
    out = []
    while len(line) > MAX_PARAGRAPH:
        cut = line.rfind(". ", 0, MAX_PARAGRAPH)
        cut = cut + 2 if cut > 0 else MAX_PARAGRAPH
        out.append((start, line[:cut]))
        start, line = start + cut, line[cut:]
    out.append((start, line))
    return out
