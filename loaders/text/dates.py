"""Dates of events from the time expressions news uses, resolved against the publication date.

Returns YYYY, YYYY-MM or YYYY-MM-DD and never guesses: a relative expression ("on Wednesday",
"last month") without a publication date gives None, and so does a week that straddles two months.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9})
_WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_FILLER = re.compile(r"\b(on|in|the|early|late|earlier|later|mid|of|at|around|about|during|this|over|"
                     r"morning|afternoon|evening|night|overnight|local time|day)\b|[,.-]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                  r"(day|week|month|year)s?\s+ago\b")
_RANGE = re.compile(r"\b(years|months|weeks|decades|recent|past|between|through|until|to)\b|\d\s*-\s*\d|[a-z]-[a-z]")


def resolve_date(text: str, published: dt.date | None, future: bool = False) -> str | None:
    """The date a time expression refers to; `future` for planned events ("on Monday" = next Monday)."""
    low = re.sub(r"\bmid-", "mid ", text.lower().replace("’", "'")).strip()
    if _RANGE.search(low) and not _MONTH_YEAR.search(low):
        return None
    years = _YEAR.findall(low)
    month = next((_MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in _MONTHS), None)
    if years:
        year = int(years[0])
        if month:
            days = [int(d) for d in _DAY.findall(_YEAR.sub(" ", low)) if 1 <= int(d) <= 31]
            return _day(year, month, days[0]) if days else f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    if published is None:
        return None
    return _relative(low, published, future, month)


_MONTH_YEAR = re.compile(r"(january|february|march|april|may|june|july|august|september|october|november|"
                         r"december)\s+\d{4}")


def _relative(low: str, pub: dt.date, future: bool, month: int | None) -> str | None:
    tokens = re.findall(r"[a-z]+", low)
    direction = "next" if "next" in tokens else "last" if ("last" in tokens or "past" in tokens) else None
    if month:
        days = [int(d) for d in _DAY.findall(low) if 1 <= int(d) <= 31]
        day = days[0] if days else None
        year = _month_year(month, day, pub, direction, future)
        return _day(year, month, day) if day else f"{year:04d}-{month:02d}"
    m = _AGO.search(low)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
        back = {"day": dt.timedelta(days=n), "week": dt.timedelta(weeks=n)}.get(m[2])
        if back is not None:
            return (pub - back).isoformat() if m[2] == "day" else _week(pub - back)
        return _month_shift(pub, -n) if m[2] == "month" else f"{pub.year - n:04d}"
    words = [w for w in _FILLER.sub(" ", low).split() if w not in ("next", "last", "past", "coming")]
    if not words:
        return None
    if words in (["today"], ["tonight"]) or low in ("this morning", "this afternoon", "this evening"):
        return pub.isoformat()
    if words == ["yesterday"]:
        return (pub - dt.timedelta(days=1)).isoformat()
    if words == ["tomorrow"]:
        return (pub + dt.timedelta(days=1)).isoformat()
    if len(words) == 1 and words[0] in _WEEKDAYS:
        return _weekday(pub, _WEEKDAYS[words[0]], direction, future).isoformat()
    if words == ["weekend"]:
        saturday = _weekday(pub, 5, direction, future)
        return _week(saturday, weekend=True)
    if words == ["week"]:
        return _week(pub + dt.timedelta(days={"next": 7, "last": -7}.get(direction or "", 0)))
    if words == ["month"]:
        return _month_shift(pub, {"next": 1, "last": -1}.get(direction or "", 0))
    if words == ["year"]:
        return f"{pub.year + {'next': 1, 'last': -1}.get(direction or '', 0):04d}"
    return None


def _month_year(month: int, day: int | None, pub: dt.date, direction: str | None, future: bool) -> int:
    """Year of a month (and day) named without one: the nearest one before publication (after, if planned)."""
    target, now = (month, day or 0), (pub.month, pub.day if day else 0)
    if direction == "next" or (future and direction != "last"):
        return pub.year + (1 if target < now or (direction == "next" and target == now) else 0)
    return pub.year - (1 if target > now or (direction == "last" and target == now) else 0)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(pub: dt.date, weekday: int, direction: str | None, future: bool) -> dt.date:
    """The named weekday nearest the publication date: before it for past events, after for planned ones."""
    if direction == "next" or (future and direction != "last"):
        ahead = (weekday - pub.weekday()) % 7
        return pub + dt.timedelta(days=ahead or (7 if direction == "next" else 0))
    back = (pub.weekday() - weekday) % 7
    return pub - dt.timedelta(days=back or (7 if direction == "last" else 0))


def _week(day: dt.date, weekend: bool = False) -> str | None:
    """Month of the Monday–Sunday week around `day` (or of the weekend from `day`); None across two months."""
    if weekend:
        first, last = day, day + dt.timedelta(days=1)
    else:
        first = day - dt.timedelta(days=day.weekday())
        last = first + dt.timedelta(days=6)
    return f"{first.year:04d}-{first.month:02d}" if (first.year, first.month) == (last.year, last.month) else None


def _month_shift(pub: dt.date, shift: int) -> str:
    index = pub.year * 12 + pub.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def vague(text: str) -> bool:
    """True for an expression that spans a year or more ("this year", "earlier this year", "last year")."""
    words = _FILLER.sub(" ", text.lower()).split()
    return not _MONTHS.keys() & set(words) and not _WEEKDAYS.keys() & set(words) and "year" in words
