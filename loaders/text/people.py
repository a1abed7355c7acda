"""The people of one document: full names, the short forms that refer to them, and who was mentioned last.

A short form ("Li", "Khrenin", "Lula") refers to the one full name that contains all its tokens, in
any order (Chinese, Korean and Vietnamese names put the family name first). When two people share
the token, the one mentioned most recently before the short form wins if that was in the same
paragraph; otherwise the short form stays unresolved.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from graph.model import normalize_name
from loaders.text.names import NameInfo, name_tokens


@dataclass(eq=False)
class Person:
    """One person in a document."""

    name: str
    tokens: frozenset[str]
    country: str | None = None
    title: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """Identity within the document."""
        return "person:" + normalize_name(self.name)


@dataclass(frozen=True)
class Mention:
    """A person mentioned at a character offset, and whether as a grammatical subject."""

    pos: int
    person: Person
    subject: bool
    paragraph: int


class People:
    """Registry of a document's people and of where each was mentioned."""

    def __init__(self) -> None:
        self._by_key: dict[str, Person] = {}
        self._short: dict[str, list[Person]] = {}
        self._mentions: list[Mention] = []
        self._positions: list[int] = []

    # ------------------------------------------------------------ building

    def register(self, infos: list[NameInfo]) -> None:
        """Add all names seen in the document (longest first, so short forms attach to full names)."""
        ordered = sorted(infos, key=lambda n: -len(name_tokens(n.name)))
        for info in ordered:
            key = normalize_name(info.name)
            tokens = name_tokens(info.name)
            if not tokens:
                continue
            person = self._by_key.get(key)
            if person is None:
                holders = [p for p in self._people() if tokens <= p.tokens or _initials_match(tokens, p.tokens)]
                if len(holders) == 1:
                    person = holders[0]
                    self._by_key[key] = person
                elif holders:
                    self._short.setdefault(key, holders)
                    continue
                else:
                    person = Person(info.name, tokens)
                    self._by_key[key] = person
            person.aliases.add(info.name)
            if info.country and not person.country:
                person.country = info.country
            fuller = key == normalize_name(person.name) and len(info.title or "") > len(person.title or "")
            if info.title and (not person.title or fuller):
                person.title = info.title

    def adhoc(self, name: str) -> Person:
        """A person known only from a name the NER missed; registered so later mentions find them."""
        key = normalize_name(name)
        person = self._by_key.get(key)
        if person is None:
            person = Person(name, name_tokens(name), aliases={name})
            self._by_key[key] = person
        return person

    def describe(self, person: Person, title: str | None, country: str | None) -> None:
        """Fill in a title or country learnt elsewhere in the text (never overriding one already known)."""
        person.title = person.title or title
        person.country = person.country or country

    def _people(self) -> list[Person]:
        return list(dict.fromkeys(self._by_key.values()))

    def all(self) -> list[Person]:
        """Every person, in registration order."""
        return self._people()

    # ------------------------------------------------------------ lookups

    def lookup(self, text: str, pos: int, paragraph: int) -> Person | None:
        """The person a surface form refers to at `pos`, or None."""
        key = normalize_name(text)
        if key.endswith(" s"):
            key = key[:-2]
        person = self._by_key.get(key)
        if person is not None:
            return person
        tokens = name_tokens(text)
        holders = self._short.get(key) or ([p for p in self._people() if tokens and tokens <= p.tokens]
                                           if len(tokens) == 1 else [])
        if len(holders) == 1:
            return holders[0]
        if holders:
            recent = self.last(pos, lambda m: m.person in holders)
            if recent is not None and recent.paragraph == paragraph:
                return recent.person
        return None

    def shares_tokens(self, text: str) -> bool:
        """True when every token of `text` belongs to some known person's name."""
        tokens = name_tokens(text)
        return bool(tokens) and any(tokens <= p.tokens for p in self._people())

    def mention(self, person: Person, pos: int, subject: bool, paragraph: int) -> None:
        """Record that `person` is mentioned at `pos`."""
        at = bisect.bisect(self._positions, pos)
        self._positions.insert(at, pos)
        self._mentions.insert(at, Mention(pos, person, subject, paragraph))

    def last(self, pos: int, accept) -> Mention | None:  # noqa: ANN001 - predicate on Mention
        """The most recent mention before `pos` that `accept` likes."""
        for m in reversed(self._mentions[: bisect.bisect_left(self._positions, pos)]):
            if accept(m):
                return m
        return None

    def pronoun(self, pos: int, paragraph: int, exclude: set[Person]) -> Person | None:
        """Referent of he/she/his/her at `pos`: the latest person subject nearby, else the latest person."""
        near = self.last(pos, lambda m: m.subject and m.person not in exclude and paragraph - m.paragraph <= 1)
        if near is not None:
            return near.person
        any_ = self.last(pos, lambda m: m.person not in exclude and paragraph - m.paragraph <= 2)
        return any_.person if any_ else None

    def with_country(self, country: str) -> list[Person]:
        """People of a country, most mentioned first."""
        counts: dict[Person, int] = {}
        for m in self._mentions:
            counts[m.person] = counts.get(m.person, 0) + 1
        found = [p for p in self._people() if p.country == country]
        return sorted(found, key=lambda p: -counts.get(p, 0))


def _initials_match(short: frozenset[str], full: frozenset[str]) -> bool:
    """'S Jaishankar' refers to 'Subrahmanyam Jaishankar': single letters stand for a token's initial."""
    letters = {t for t in short if len(t) == 1}
    if not letters or len(short) < 2:
        return False
    rest = short - letters
    return rest < full and all(any(f.startswith(ch) for f in full - rest) for ch in letters)
