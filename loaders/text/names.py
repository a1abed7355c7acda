"""Person names in text: the bare name, and the title and country written before it.

"Chinese Defence Minister General Li Shangfu" → name "Li Shangfu", title "Defence Minister", country CHN.
Works on tokens only (no parse), so it also reads paragraphs that get named entities but no parse.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.model import normalize_name
from loaders.text.geo import country_of_demonym, country_of_name, country_of_place
from loaders.text.lexicon import HONORIFICS, MEDIA, NAME_PARTICLES, ORGANISATIONS, RANK_KEEPERS, TITLE_WORDS, lemma

_JOINERS = {"of", "-", "'s", "’s", "for"}
_MAX_TITLE_TOKENS = 8


@dataclass(frozen=True)
class NameInfo:
    """A person's name as written, with what its left context says about them."""

    name: str
    title: str | None
    country: str | None


def join_name_parts(doc: Doc) -> None:
    """Repair split person names in place: 'Emir Sheikh' + 'Tamim bin Hamad Al Thani', 'Mohammed' + 'bin' + 'Salman'."""
    ents = list(doc.ents)
    merged: list[Span] = []
    changed = False
    for ent in ents:
        prev = merged[-1] if merged else None
        if prev is not None and prev.label_ == "PERSON" and ent.label_ == "PERSON" and all(
                t.lower_ in NAME_PARTICLES for t in doc[prev.end: ent.start]):
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            changed = True
        else:
            merged.append(ent)
    if changed:
        doc.ents = merged


def clean_person(span: Span) -> tuple[str, list[Token]] | None:
    """The bare name of a PERSON-like span (titles, honorifics, possessive stripped), or None if nothing is left."""
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("'s", "’s", "'")):
        tokens.pop()
    while tokens and (tokens[0].lower_.rstrip(".") in TITLE_WORDS or tokens[0].lower_ in HONORIFICS
                      or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens or not any(t.is_alpha and t.text[:1].isupper() for t in tokens):
        return None
    text = span.doc[tokens[0].i: tokens[-1].i + 1].text
    if normalize_name(text) in MEDIA or country_of_demonym(text) or country_of_place(text):
        return None  # NER slips: "Kyiv", "Jordan", "Moldovan" as PERSON
    return text, tokens


def name_tokens(name: str) -> frozenset[str]:
    """Normalized tokens of a name that identify it (particles such as "al", "bin", "da" left out)."""
    return frozenset(t for t in normalize_name(name).split() if t not in NAME_PARTICLES)


def read_name(span: Span) -> NameInfo | None:
    """Name, title and country of the person a PERSON span names."""
    cleaned = clean_person(span)
    if cleaned is None:
        return None
    name, tokens = cleaned
    inner = [t for t in span if t.i < tokens[0].i]  # title words inside the entity ("Prince", "General")
    title_words, country = _left_context(span.doc, span.start, inner)
    return NameInfo(name, _title(title_words), country)


def described(ent: Span) -> tuple[str | None, str | None]:
    """Title and country a parse gives a name: "X was the Chinese defence chief", "X, Belarus's defence minister"."""
    root = ent.root
    role = None
    if root.dep_ in ("attr", "nsubj") and lemma(root.head.text) == "be":
        role = next((c for c in root.head.children if c.dep_ == ("nsubj" if root.dep_ == "attr" else "attr")), None)
    else:
        role = next((c for c in root.children if c.dep_ == "appos"), None)
    if role is None or role.lower_.rstrip(".") not in TITLE_WORDS:
        return None, None
    words, country = _left_context(ent.doc, role.i + 1, [])
    return _title(words), country


def _left_context(doc: Doc, start: int, inner: list[Token]) -> tuple[list[str], str | None]:
    """Title words (in order) and the country found just before a name."""
    words: list[str] = [t.text for t in inner if not t.is_punct]
    country = None
    i = start - 1
    while i >= 0 and start - i <= _MAX_TITLE_TOKENS:
        tok = doc[i]
        low = tok.lower_.rstrip(".")
        if low == "counterpart":  # "his Chinese counterpart Li" → country only
            if i > 0:
                country = _country_at(doc, i - 1)
            break
        if low in _JOINERS or (low in TITLE_WORDS and tok.ent_type_ not in ("GPE", "NORP")):
            words.insert(0, tok.text)
            i -= 1
            continue
        found = _country_at(doc, i)
        if found:
            country = found
        elif tok.ent_type_ == "ORG":
            key = normalize_name(doc[_entity_start(doc, i): i + 1].text)
            if key in ORGANISATIONS:
                words.insert(0, ORGANISATIONS[key][0])
        break
    return words, country


def _entity_start(doc: Doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _country_at(doc: Doc, i: int) -> str | None:
    """Country named by the demonym or (possessive) country name ending at token `i`."""
    if not doc[i].text[:1].isupper():
        return None
    text = doc[_entity_start(doc, i): i + 1].text
    return country_of_demonym(text) or country_of_name(text)


def _title(words: list[str]) -> str | None:
    """A clean title from the words before a name: honorifics and ranks dropped, joiners trimmed."""
    kept: list[str] = []
    for w in words:
        low = w.lower().rstrip(".")
        if low in HONORIFICS and not (kept and kept[-1].lower() in RANK_KEEPERS and low == "general"):
            continue
        if low in ("'s", "’s", "his", "her", "the"):
            continue
        kept.append(w)
    while kept and kept[0].lower() in _JOINERS:
        kept.pop(0)
    while kept and kept[-1].lower() in _JOINERS:
        kept.pop()
    if not kept:
        return None
    out = []
    for w in kept:
        if w.lower() in ("of", "for"):
            out.append(w.lower())
        else:
            out.append(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:])
    return " ".join(out).replace(" - ", "-")
