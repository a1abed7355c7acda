"""Who an argument of an event trigger is: a person, a state or an organisation of the document.

Rule-based coreference: names and their short forms (`People`), capitals and seats of government
as their states, "he"/"his" as the latest person subject, "who" as the relative clause's antecedent,
"his Belarusian counterpart" as the Belarusian official named elsewhere, "the two leaders" as the
last pair of actors, and unnamed officials ("Pakistan's army chief", "Chinese warships") as their states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.model import Kind, normalize_name
from loaders.text.document import Document
from loaders.text.geo import capital_country, country_of_demonym, country_of_name, state_name
from loaders.text.lexicon import (
    MEDIA, MEDIA_WORDS, METONYMS, ORGANISATIONS, PAIR_PERSON_NOUNS, PAIR_STATE_NOUNS, PERSON_ROLES,
    PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS, ROLE_NOUNS, TITLE_WORDS, lemma,
)
from loaders.text.names import clean_person, read_name
from loaders.text.people import People, Person

_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "god", "parliament", "congress", "senate", "west", "east", "north", "south", "europe", "asia",
              "africa", "america", "union", "kingdom", "republic", "state", "states", "ministry", "house", "office"}
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_PERSONAL_VERBS = {"meet", "visit", "travel", "fly", "arrive", "telephone", "phone", "speak", "talk", "greet",
                   "welcome", "host", "receive", "call"}
_STATE_BODY_WORDS = ("ministry", "government", "army", "navy", "air force", "military", "forces", "embassy",
                     "cabinet", "parliament", "coast guard")


@dataclass(frozen=True, eq=False)
class Actor:
    """A party to an event, as resolved within one document."""

    key: str
    kind: Kind
    name: str
    country: str | None = None
    person: Person | None = None
    penalty: float = 0.0  # confidence lost on the way (pronoun, counterpart, unnamed official)
    aliases: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Actor) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    @property
    def state(self) -> str | None:
        """The country the actor is or belongs to."""
        return self.person.country if self.person else self.country


def state(iso3: str, penalty: float = 0.0) -> Actor:
    """A state actor."""
    return Actor(f"state:{iso3}", Kind.state, state_name(iso3), iso3, penalty=penalty)


def of_person(person: Person, penalty: float = 0.0) -> Actor:
    """A person actor."""
    return Actor(person.key, Kind.person, person.name, person=person, penalty=penalty)


def organisation(text: str) -> Actor | None:
    """An organisation named `text`, or a state for a seat of government, or None for media and noise."""
    key = normalize_name(text)
    if key.startswith("the "):
        key = key[4:]
    if not key or key in MEDIA or MEDIA_WORDS.search(text):
        return None
    if key in METONYMS:
        return state(METONYMS[key])
    if key in ORGANISATIONS:
        name, aliases = ORGANISATIONS[key]
        return Actor(f"org:{normalize_name(name)}", Kind.organisation, name, aliases=aliases)
    words = text.split()
    if any(b in text.lower() for b in _STATE_BODY_WORDS):  # "the Chinese defence ministry"
        for w in words:
            iso3 = country_of_demonym(w) or country_of_name(w.removesuffix("'s").removesuffix("’s"))
            if iso3:
                return state(iso3)
    name = " ".join(words[1:]) if words and words[0].lower() == "the" else text
    if not name[:1].isupper() or len(name) < 2 or all(w.lower() in TITLE_WORDS for w in name.split()):
        return None
    return Actor(f"org:{normalize_name(name)}", Kind.organisation, name)


class DocContext:
    """What actor resolution knows about the document, and where in it we are."""

    def __init__(self, document: Document, people: People) -> None:
        self.document = document
        self.people = people
        self.last_pair: list[Actor] = []
        self.doc: Doc | None = None
        self.base = 0
        self.paragraph = 0
        self._ents: dict[int, Span] = {}

    def enter(self, doc: Doc, base: int, paragraph: int) -> None:
        """Move to a paragraph."""
        self.doc, self.base, self.paragraph = doc, base, paragraph
        self._ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}

    def ent(self, tok: Token) -> Span | None:
        """The named entity a token is part of."""
        return self._ents.get(tok.i)

    def pos(self, tok: Token) -> int:
        """A token's character offset in the document."""
        return self.base + tok.idx

    def person_at(self, span: Span) -> Person | None:
        """The person a span names, if it names one of the document's people."""
        cleaned = clean_person(span) if span.label_ in ("PERSON", "ORG", "") or len(span) == 1 else None
        text = cleaned[0] if cleaned else span.text
        return self.people.lookup(text, self.base + span.start_char, self.paragraph)


def conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("China and Russia")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM"):
            out.extend(conjuncts(child))
        elif child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and any(
                c.dep_ == "cc" for c in child.children):
            out[:0] = conjuncts(child)  # misparse "X and Y" as a modifier of Y: "Kishida and … Yoon"
    return out


def resolve(tok: Token, ctx: DocContext, exclude: frozenset[Actor] = frozenset(), expand: bool = True) -> list[Actor]:
    """Actors an argument head stands for (with `expand`, coordinated heads included)."""
    out: list[Actor] = []
    for t in (conjuncts(tok) if expand else [tok]):
        for actor in _resolve_one(t, ctx, exclude):
            if actor not in out:
                out.append(actor)
    return out


def _resolve_one(tok: Token, ctx: DocContext, exclude: frozenset[Actor]) -> list[Actor]:
    low = tok.lower_
    if tok.pos_ == "PRON" or low in RELATIVE_PRONOUNS:
        return _pronoun(tok, ctx, exclude)
    ent = ctx.ent(tok)
    if ent is None and tok.pos_ == "NOUN" and tok.text[:1].isupper():
        person = ctx.people.lookup(tok.text, ctx.pos(tok), ctx.paragraph)  # "Ruiz" tagged NN
        if person is not None:
            return [of_person(person)]
    if ent is not None and ent.label_ in _NAME_LABELS:
        given = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < ent.start]
        if ent.label_ == "ORG" and len(ent) == 1 and given and normalize_name(ent.text) not in ORGANISATIONS:
            person = ctx.people.lookup(ent.text, ctx.pos(tok), ctx.paragraph) or _name_like(_compound_span(tok), ctx)
            if person is not None:  # "Ana Novak" with only "Novak" tagged ORG
                return [of_person(person)]
        if not (ent.label_ == "ORG" and len(ent) == 1 and _personal_subject(tok)):
            return _entity(ent, ctx)
        found = _entity(ent, ctx)
        if (found and found[0].kind != Kind.organisation) or normalize_name(ent.text) in ORGANISATIONS:
            return found
    if tok.pos_ == "PROPN":
        span = _compound_span(tok)
        person = ctx.people.lookup(span.text, ctx.pos(span[0]), ctx.paragraph)
        if person is not None:
            return [of_person(person)]
        iso3 = country_of_name(span.text) or capital_country(span.text)
        if iso3:
            return [state(iso3)]
        org = organisation(span.text) if normalize_name(span.text) in ORGANISATIONS else None
        if org is not None:
            return [org]
        person = _name_like(span, ctx)
        if person is not None:
            return [of_person(person, penalty=0.1)]
    found = [a for c in tok.children if c.dep_ == "appos" for a in resolve(c, ctx, exclude)]
    if found:
        return list(dict.fromkeys(found))
    word = lemma(tok.text)
    if word == "counterpart" or word == "counterparts":
        return _counterpart(tok, ctx, exclude)
    if _is_pair_phrase(tok) or (low in ("two", "both") and tok.dep_ in ("nsubj", "nsubjpass")):
        states = list(dict.fromkeys(state(a.state) for a in ctx.last_pair if a.state))
        if word in PAIR_STATE_NOUNS:
            return states if len(states) == 2 else []
        if word in PAIR_PERSON_NOUNS or low in ("two", "both"):
            if len(ctx.last_pair) == 2:
                return list(ctx.last_pair)
            return states if word == "side" and len(states) == 2 else []
    if word in ROLE_NOUNS or (tok.pos_ == "NOUN" and _country_cues(tok, ctx)):
        return _role(tok, ctx, exclude)
    return []


def _personal_subject(tok: Token) -> bool:
    """Subject of a verb only people do (meet, visit, travel, call…): 'Lavrov' is a person even if tagged ORG."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    word = lemma(tok.head.text, verb=True)
    return word in _PERSONAL_VERBS or any(lemma(c.text, verb=True) in _PERSONAL_VERBS
                                          for c in tok.head.children if c.dep_ == "xcomp")


def _name_like(span: Span, ctx: DocContext) -> Person | None:
    """A capitalised name the NER missed (or called an organisation), in an argument position: a person."""
    info = read_name(span)
    if info is None:
        return None
    words = info.name.split()
    capitalised = all(w.isalpha() and w[0].isupper() and (not w.isupper() or _ROMAN.match(w)) for w in words)
    if len(words) > 4 or not capitalised:
        return None
    if any(w.lower() in TITLE_WORDS or w.lower() in _NOT_NAMES or country_of_demonym(w) for w in words):
        return None
    if ctx.people.shares_tokens(info.name):
        return None  # a short form of a name already known, left unresolved on purpose (ambiguous)
    person = ctx.people.adhoc(info.name)
    ctx.people.describe(person, info.title, info.country)
    return person


def _entity(ent: Span, ctx: DocContext) -> list[Actor]:
    person = ctx.person_at(ent)
    if person is not None:
        return [of_person(person)]
    text = ent.text
    if ent.label_ in ("GPE", "NORP", "LOC"):
        iso3 = country_of_name(text) or capital_country(text) or country_of_demonym(text)
        if iso3:
            return [state(iso3)]
        org = organisation(text) if normalize_name(text) in ORGANISATIONS else None
        return [org] if org else []
    if ent.label_ in ("ORG", "FAC"):
        iso3 = country_of_name(text) or METONYMS.get(normalize_name(text).removeprefix("the "))
        if iso3:
            return [state(iso3)]
        org = organisation(text) if ent.label_ == "ORG" else None
        return [org] if org else []
    return []


def _pronoun(tok: Token, ctx: DocContext, exclude: frozenset[Actor]) -> list[Actor]:
    low = tok.lower_
    if low in RELATIVE_PRONOUNS:
        clause = tok.head
        if clause.dep_ == "relcl" and clause.head != tok:
            return _resolve_one(clause.head, ctx, exclude)
        return []
    if low in PLURAL_PRONOUNS:
        return _plural(tok, ctx, exclude)
    if low not in PERSONAL_PRONOUNS:
        return []
    if tok.dep_ == "poss":  # "his visit": the subject of the clause, when it is a person
        for subj in _clause_subjects(tok):
            found = [a for a in _resolve_one(subj, ctx, exclude) if a.kind == Kind.person and a not in exclude]
            if found:
                return found
    skip = {a.person for a in exclude if a.person}
    person = ctx.people.pronoun(ctx.pos(tok), ctx.paragraph, skip)
    return [of_person(person, penalty=0.1)] if person else []


def _plural(tok: Token, ctx: DocContext, exclude: frozenset[Actor]) -> list[Actor]:
    """'they': the plural subject of the reporting clause ("officials said they …"), else the last pair of actors."""
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ccomp":
        for subj in (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children):
                return resolve(subj, ctx, exclude)
    return list(ctx.last_pair) if len(ctx.last_pair) == 2 else []


def _clause_subjects(tok: Token) -> list[Token]:
    """Subjects of the nearest verb above `tok` that has one (excluding `tok`'s own phrase)."""
    head = tok.head
    steps = 0
    while steps < 6:
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and not _dominates(c, tok)]
        if subjects and head.pos_ in ("VERB", "AUX"):
            return subjects
        if head.head == head:
            return []
        head = head.head
        steps += 1
    return []


def _dominates(ancestor: Token, tok: Token) -> bool:
    return ancestor == tok or ancestor.is_ancestor(tok)


def _compound_span(tok: Token) -> Span:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, child.i)
    return tok.doc[start: tok.i + 1]


def _is_pair_phrase(tok: Token) -> bool:
    """'the two leaders', 'both sides'."""
    return any((c.dep_ == "nummod" and c.lower_ in ("two", "2")) or (c.dep_ in ("det", "predet") and c.lower_ == "both")
               for c in tok.children)


def _country_cues(tok: Token, ctx: DocContext) -> list[str]:
    """Countries named by demonyms, possessives, compounds or of/from phrases on a common noun."""
    out: list[str] = []
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            for c in conjuncts(child):
                ent = ctx.ent(c)
                text = ent.text if ent is not None and ent.label_ in ("NORP", "GPE") else c.text
                iso3 = country_of_demonym(text) or country_of_name(text) or (
                    capital_country(text) if child.dep_ == "poss" else None)
                if iso3 and iso3 not in out:
                    out.append(iso3)
    return out


def _role(tok: Token, ctx: DocContext, exclude: frozenset[Actor]) -> list[Actor]:
    """An unnamed official or body: the named holder of the role if the document has exactly one, else the state."""
    countries = _country_cues(tok, ctx)
    if not countries:
        orgs = [o for c in tok.children if c.dep_ in ("compound", "nmod", "poss")
                and normalize_name(c.text) in ORGANISATIONS and (o := organisation(c.text)) is not None]
        if orgs:
            return orgs  # "EU foreign ministers"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = resolve(pobj, ctx, exclude)
                    return [a for a in found if a.kind != Kind.person] or found
        return []
    word = lemma(tok.text)
    if len(countries) == 1 and word in PERSON_ROLES and tok.tag_ in ("NN", "NNP"):
        holders = [p for p in ctx.people.with_country(countries[0])
                   if p.title and word in p.title.lower() and of_person(p) not in exclude]
        if len(holders) == 1:
            return [of_person(holders[0], penalty=0.1)]
    return [state(c, penalty=0.1) for c in countries]


def _counterpart(tok: Token, ctx: DocContext, exclude: frozenset[Actor]) -> list[Actor]:
    """'his Belarusian counterpart': the Belarusian official of the document, else Belarus."""
    countries = _country_cues(tok, ctx)
    owner: list[Actor] = []
    for child in tok.children:
        if child.dep_ == "poss":
            owner = _resolve_one(child, ctx, frozenset())  # the owner is usually the other party: not excluded
    skip = set(exclude) | set(owner)
    owner_title = next((a.person.title for a in owner if a.person and a.person.title), None)
    if countries:
        candidates = [p for p in ctx.people.with_country(countries[0]) if of_person(p) not in skip]
    else:
        owner_state = next((a.state for a in owner if a.state), None)
        candidates = [p for p in ctx.people.all()
                      if of_person(p) not in skip and p.country and p.country != owner_state]
    if owner_title and len(candidates) > 1:
        words = set(owner_title.lower().split()) - {"of", "the"}
        matching = [p for p in candidates if p.title and words & set(p.title.lower().split())]
        candidates = matching or candidates
    if len(candidates) == 1 or (candidates and countries):
        return [of_person(candidates[0], penalty=0.1)]
    return [state(countries[0], penalty=0.2)] if countries else []
