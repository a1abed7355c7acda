"""Where an event happened: the place phrase attached to its trigger, verb or arguments.

"met X in Seoul", "on the sidelines of the NATO summit in Washington", "at the Pine Garden in
Guangzhou", "off the coast of Rio de Janeiro". A city beats a country, a country beats other
locations and venues. Venues (summits, sidelines) mark a meeting at a third location.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from graph.model import Place, normalize_name
from loaders.text.geo import country_of_name, country_of_place, is_city
from loaders.text.lexicon import METONYMS, lemma

PLACE_PREPS = {"in", "at", "on", "off", "near", "over", "inside", "outside", "aboard", "across", "around"}
VENUE_NOUNS = {"sideline", "sidelines", "margin", "margins", "summit", "conference", "forum", "assembly",
               "gathering", "session", "meeting", "ministerial", "congress", "games", "olympics", "expo",
               "dialogue", "talks", "ceremony", "funeral", "inauguration", "coronation", "convention",
               "g20", "g7"}
_ON_NOUNS = {"sideline", "sidelines", "margin", "margins", "island", "board", "border", "outskirts",
             "coast", "shore", "banks", "fringes", "fringe"}
_MAX_DEPTH = 4
_VENUE_PREPS = {"at", "on", "during", "ahead"}


@dataclass(frozen=True)
class PlaceFound:
    """A place, how good a candidate it is, and whether it was a venue (summit, sidelines)."""

    place: Place
    score: int
    venue: bool


def find_place(anchors: list[Token], ents: dict[int, Span], trigger: Token,
               extra_preps: frozenset[str] = frozenset()) -> tuple[PlaceFound | None, bool]:
    """Best place attached (through place prepositions) to any anchor, and whether a venue phrase was seen."""
    best: PlaceFound | None = None
    venue = False
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or (prep.lower_ not in PLACE_PREPS and prep.lower_ not in extra_preps
                                       and prep.lower_ not in _VENUE_PREPS):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                is_venue = pobj != trigger and prep.lower_ in _VENUE_PREPS and _is_venue(pobj)
                venue = venue or is_venue
                if prep.lower_ == "on" and lemma(pobj.text) not in _ON_NOUNS and not _is_place_ent(pobj, ents):
                    continue
                if prep.lower_ not in PLACE_PREPS and prep.lower_ not in extra_preps:
                    continue
                found = _walk(pobj, ents, 0, is_venue)
                if found and (best is None or found.score > best.score):
                    best = found
    return best, venue


def _is_venue(tok: Token) -> bool:
    """A summit, conference or sidelines phrase ("on the sidelines of", "at the G20 summit")."""
    if lemma(tok.text) in VENUE_NOUNS - {"talks", "dialogue"}:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(lemma(g.text) in VENUE_NOUNS for g in c.children)
               for c in tok.children)


def place_of(tok: Token, ents: dict[int, Span]) -> PlaceFound | None:
    """The place a single token names (a destination, an antecedent of "where")."""
    return _walk(tok, ents, 0, False)


def _is_place_ent(tok: Token, ents: dict[int, Span]) -> bool:
    ent = ents.get(tok.i)
    return ent is not None and ent.label_ in ("GPE", "LOC", "FAC")


def _walk(tok: Token, ents: dict[int, Span], depth: int, venue: bool) -> PlaceFound | None:
    """The best place in a pobj and the of/in/at phrases nested under it."""
    best = _candidate(tok, ents, venue)
    if depth >= _MAX_DEPTH:
        return best
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "at", "near", "off"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner_venue = venue or lemma(tok.text) in VENUE_NOUNS or lemma(pobj.text) in VENUE_NOUNS
                found = _walk(pobj, ents, depth + 1, inner_venue)
                if found and (best is None or found.score > best.score):
                    best = found
    return best


def _candidate(tok: Token, ents: dict[int, Span], venue: bool) -> PlaceFound | None:
    ent = ents.get(tok.i)
    if ent is not None:
        if ent.label_ in ("DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            return None
        name = _clean(ent.text)
        if ent.label_ == "GPE":
            country = country_of_place(name)
            score = 4 if is_city(name) or country_of_name(name) is None else 3
        elif ent.label_ in ("LOC", "FAC"):
            country, score = country_of_place(name), 2
        elif normalize_name(name) in METONYMS:  # "at the Kremlin"
            country, score = METONYMS[normalize_name(name)], 2
        elif ent.label_ in ("PERSON", "ORG") and tok.pos_ == "PROPN":  # NER slips: "in Borneo" is no person
            country = country_of_place(name)
            score = 3 if country else 1
        else:
            return None
    elif tok.pos_ == "PROPN":
        start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
        name = _clean(tok.doc[start: tok.i + 1].text)
        country = country_of_place(name)
        score = 4 if country and is_city(name) else 3 if country else 1
    else:
        return None
    return PlaceFound(Place(name=name, country=country), score, venue) if name else None


def _clean(text: str) -> str:
    text = text.strip().strip(",.;:")
    if text.lower().startswith("the "):
        text = text[4:]
    return text.removesuffix("'s").removesuffix("’s").strip()
