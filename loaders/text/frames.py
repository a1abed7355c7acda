"""Event fragments from one parsed sentence: trigger words, their parties, status, date and place.

A fragment is what one sentence says about one event; `loaders.text.merge` joins the fragments of a
document into events. Verbal triggers ("met", "hosted", "signed", "telephoned") take their parties
from subject, object and with/between phrases; nominal triggers ("talks", "visit", "phone call",
"joint drills") from possessives and with/between/by/to phrases, and from the subject of the verb
that governs them ("held talks with", "paid a visit to", "in a call with X, Y said").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from graph.model import Kind, Place, Role, Status
from loaders.text.actors import Actor, DocContext, conjuncts, resolve, state
from loaders.text.dates import resolve_date
from loaders.text.geo import capital_country, country_of_demonym, country_of_name, country_of_place
from loaders.text.lexicon import (
    AGREEMENT_NOUNS, ARRIVE_VERBS, CALL_NOUNS, CANCEL_VERBS, DENY_VERBS, DRILL_NOUNS, EXTRADITE_VERBS,
    FRAME_PREPS, HOST_VERBS, INFORMATION_NOUNS, LIGHT_VERBS, MEET_VERBS, MEETING_NOUNS, PHONE_CUES, PHONE_VERBS,
    PLAN_VERBS, PLURAL_PRONOUNS, SHARE_VERBS, SIGN_VERBS, SPEAK_VERBS, TRAVEL_VERBS, VISIT_NOUNS, VISIT_VERBS,
    WELCOME_NOUNS, lemma,
)
from loaders.text.places import find_place, place_of
from loaders.text.status import status_of

_DATE_PATH = {"pobj", "prep", "npadvmod", "compound", "amod", "nummod", "appos", "advmod", "tmod", "nmod", "det",
              "quantmod", "conj", "cc"}
_DATE_BLOCKERS = {"since", "until", "till", "by", "for", "over", "through", "throughout", "after", "before",
                  "from", "between", "within", "to", "than", "ahead", "like", "of"}
_NOT_MET = {"demand", "target", "goal", "need", "requirement", "criterion", "criteria", "obligation", "deadline",
            "standard", "expectation", "condition", "end", "fate", "challenge", "threshold", "cost", "payment",
            "quota", "press", "reporter", "journalist", "crowd", "supporter", "student", "resident", "worker",
            "family", "families", "voter", "people"}
_DRILL_CUES = {"joint", "military", "naval", "air", "army", "war", "combat", "rescue", "search", "live", "fire",
               "amphibious", "marine", "maritime", "command", "staff", "defence", "defense", "tactical",
               "strategic", "counter", "terrorism", "anti", "missile", "coast", "bilateral", "trilateral",
               "multinational", "drill", "field", "tank", "submarine", "aerial", "exercise", "navy", "peacekeeping"}
_COUNT_NOUNS = {"day", "days", "hour", "hours", "round", "rounds", "series", "week", "weeks", "session", "sessions",
                "minute", "minutes", "part", "stage", "phase"}


@dataclass
class Fragment:
    """What one sentence says about one event."""

    cameo: str
    roles: list[tuple[Actor, Role]]
    status: Status
    date: str | None
    place: Place | None
    venue: bool
    start: int
    end: int
    sentence: str
    confidence: float
    pos: int
    caption: bool = False
    when: str | None = None  # the time expression as written, to keep apart "on Wednesday" and "in April" undated

    @property
    def actors(self) -> list[Actor]:
        """The parties, in role order."""
        return [a for a, _ in self.roles]


class SentenceFrames:
    """Finds the fragments of one sentence."""

    def __init__(self, sent: Span, ctx: DocContext, ents: dict[int, Span]) -> None:
        self.sent = sent
        self.ctx = ctx
        self.ents = ents
        self.dates = [e for e in sent.ents if e.label_ == "DATE"]
        self.out: list[Fragment] = []

    def run(self) -> list[Fragment]:
        """All fragments of the sentence, in trigger order."""
        finite = False
        for tok in self.sent:
            if tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                finite = True
            if tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
                self._verbal(tok, lemma(tok.text, verb=True))
            elif tok.pos_ in ("NOUN", "PROPN"):
                self._nominal(tok, lemma(tok.text))
        if not finite and not self.out:
            self._caption()
        return self.out

    # ------------------------------------------------------------ verbal triggers

    def _verbal(self, tok: Token, word: str) -> None:
        if (word in SPEAK_VERBS or word in MEET_VERBS) and _phone_cue(tok):  # "discussed … in a phone call"
            self._parties(tok, "041", objects=word == "meet")
        elif word in MEET_VERBS:
            dobj = [c for c in tok.children if c.dep_ == "dobj"]
            if word == "meet" and any(lemma(d.text) in _NOT_MET for d in dobj):
                return
            self._parties(tok, MEET_VERBS[word], objects=word in ("meet", "consult"))
        elif word in SPEAK_VERBS:
            if _arg_preps(tok, {"with"}):
                self._parties(tok, "040", objects=False, confidence=0.6)
        elif word in VISIT_VERBS:
            self._visit_verb(tok)
        elif word in ARRIVE_VERBS or word in TRAVEL_VERBS:
            preps = {"in", "at"} if word in ARRIVE_VERBS else {"to"}
            dests = [d for p in _preps(tok, preps) for d in conjuncts(p)]
            self._directed_visit(tok, _agents(tok), dests, confidence=0.75)
        elif word in HOST_VERBS:
            self._host(tok)
        elif word in PHONE_VERBS:
            self._phone_verb(tok, word)
        elif word in SIGN_VERBS:
            self._sign(tok)
        elif word in SHARE_VERBS:
            if any(lemma(c.text) in INFORMATION_NOUNS for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                self._directed(tok, "064", _agents(tok), _arg_preps(tok, {"with"}), 0.75)
        elif word in EXTRADITE_VERBS:
            self._directed(tok, "063", _agents(tok), _arg_preps(tok, {"to"}), 0.75)

    def _parties(self, tok: Token, cameo: str, objects: bool, confidence: float = 0.85) -> None:
        """A consultation among subject(s), object(s) and with/between phrases; object conjuncts meet separately."""
        subjects = _agents(tok)
        objs = [c for c in tok.children if c.dep_ == ("nsubjpass" if _passive(tok) else "dobj")] if objects else []
        others = _arg_preps(tok, {"with", "between", "among"}) + objs
        subject_actors = self._resolve_all(subjects)
        heads = [h for o in others for h in conjuncts(o)]
        if len(heads) > 1 and subject_actors and not _preps(tok, {"between", "among"}):
            for head in heads:  # "met X and Y": two meetings
                actors = subject_actors + self._resolve_all([head], subject_actors, expand=False)
                self._emit(tok, cameo, [(a, Role.participant) for a in actors], anchors=[tok, head, *subjects],
                           confidence=confidence)
            return
        actors = subject_actors + self._resolve_all(others, subject_actors)
        self._emit(tok, cameo, [(a, Role.participant) for a in actors], anchors=[tok, *heads, *subjects],
                   confidence=confidence)

    def _visit_verb(self, tok: Token) -> None:
        objs = [c for c in tok.children if c.dep_ == ("nsubjpass" if _passive(tok) else "dobj")]
        visitors = _agents(tok)
        self._directed_visit(tok, visitors, [h for o in objs for h in conjuncts(o)], confidence=0.85, explicit=True)

    def _directed_visit(self, tok: Token, visitors: list[Token], dests: list[Token], confidence: float,
                        explicit: bool = False, context: Token | None = None) -> None:
        """Visits of the visitor(s) to each destination abroad (a state, or a person or body visited)."""
        guests = self._resolve_all(visitors)
        if not guests:
            return
        for dest in dests:
            found = place_of(dest, self.ents)
            place = found.place if found else None
            targets = [a for a in resolve(dest, self.ctx, frozenset(guests), expand=False) if a not in guests]
            if place is not None and place.country and (not targets or targets[0].kind == Kind.state):
                targets = [state(place.country)]
            elif not explicit and (not targets or targets[0].kind != Kind.state):
                continue
            for target in targets:
                if target.kind == Kind.state and any(g.state == target.country for g in guests):
                    continue  # a trip at home is not a visit
                anchors = [tok, dest, *visitors] + ([context] if context is not None else [])
                self._emit(tok, "042", [(g, Role.source) for g in guests] + [(target, Role.target)],
                           anchors=anchors, confidence=confidence, place=place)

    def _host(self, tok: Token) -> None:
        passive = _passive(tok)
        hosts = _agents(tok)
        guests = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        host_actors = self._resolve_all(hosts)
        for guest in (h for g in guests for h in conjuncts(g)):
            if lemma(guest.text) in CALL_NOUNS | set(MEETING_NOUNS) | {"message", "letter", "invitation", "award"}:
                continue
            found = self._resolve_all([guest], host_actors, expand=False)
            if not found:
                continue
            self._emit(tok, "043", [(a, Role.source) for a in host_actors] + [(a, Role.target) for a in found],
                       anchors=[tok, guest, *hosts], confidence=0.8, extra_preps=frozenset({"to"}))

    def _phone_verb(self, tok: Token, word: str) -> None:
        children = list(tok.children)
        if word == "call":
            if any(c.dep_ in ("oprd", "acomp", "ccomp", "attr") for c in children) or _passive(tok):
                return
            if any(c.dep_ == "prt" for c in children):
                return
            on = [p for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i == tok.i + 1
                  for p in c.children if p.dep_ == "pobj"]
            if on:  # "called on the prime minister" (a courtesy call); "called on X to …" is an appeal
                if not any(c.dep_ in ("xcomp", "advcl") for c in children) and not any(
                        c.dep_ in ("xcomp", "acl") for o in on for c in o.children):
                    actors = self._resolve_all(_agents(tok))
                    persons = [a for a in self._resolve_all(on, actors) if a.kind == Kind.person]
                    if persons:
                        self._emit(tok, "040", [(a, Role.participant) for a in actors + persons],
                                   anchors=[tok, *on], confidence=0.7)
                return
        callers = _agents(tok)
        callees = [h for c in children if c.dep_ == "dobj" for h in conjuncts(c)] + _preps(tok, {"with"})
        self._directed(tok, "041", callers, callees, 0.85)

    def _sign(self, tok: Token) -> None:
        passive = _passive(tok)
        docs = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        docs = [d for d in docs if _agreement_noun(d)]
        if not docs:
            return
        others = _preps(tok, {"with", "between", "among"})
        for d in docs:
            others += _preps(d, {"with", "between", "among"})
        signers = self._resolve_all(_agents(tok))
        actors = signers + self._resolve_all(others, signers)
        self._emit(tok, "057", [(a, Role.participant) for a in actors], anchors=[tok, *docs, *others], confidence=0.85)

    def _directed(self, tok: Token, cameo: str, sources: list[Token], targets: list[Token], confidence: float) -> None:
        source_actors = self._resolve_all(sources)
        for target in (h for t in targets for h in conjuncts(t)):
            found = self._resolve_all([target], source_actors, expand=False)
            if found:
                self._emit(tok, cameo, [(a, Role.source) for a in source_actors] + [(a, Role.target) for a in found],
                           anchors=[tok, target, *sources], confidence=confidence)

    # ------------------------------------------------------------ nominal triggers

    def _nominal(self, tok: Token, word: str) -> None:
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and lemma(tok.head.text) in (
                CALL_NOUNS | set(MEETING_NOUNS) | VISIT_NOUNS):
            return  # "summit talks", "phone call": the head is the trigger
        verb, _ = _context_verb(tok)
        if word == "call" and verb is not None and lemma(verb.text, verb=True) in ("pay", "make") and (
                hosts := [p for p in _preps(tok, {"on", "upon"}) if p.i not in self.ents
                          or self.ents[p.i].label_ != "DATE"]):  # "paid a courtesy call on the prime minister"
            actors = self._resolve_all(_agents(verb))
            actors += self._resolve_all(hosts, actors)
            self._emit(tok, "040", [(a, Role.participant) for a in actors], anchors=[tok, verb], confidence=0.7)
        elif word in CALL_NOUNS or (word == "conversation" and _phone_cue(tok)):
            if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                return  # "calls for a ceasefire"
            if word == "call" and not (_phone_cue(tok) or _preps(tok, {"with", "from", "between"})):
                return
            self._noun_event(tok, "041")
        elif word in MEETING_NOUNS:
            self._noun_event(tok, MEETING_NOUNS[word])
        elif word in VISIT_NOUNS:
            self._noun_visit(tok)
        elif word in WELCOME_NOUNS:
            if verb is not None and lemma(verb.text) in ("give", "extend", "accord", "receive"):
                self._directed(tok, "043", _agents(verb), _preps(tok, {"to"}), 0.7)
        elif word in DRILL_NOUNS and _drill_like(tok, word):
            self._noun_event(tok, "062", minimum_cue=True)

    def _noun_event(self, tok: Token, cameo: str, minimum_cue: bool = False) -> None:
        """A meeting, call or joint drill named by a noun."""
        own = _preps(tok, {"with", "between", "among", "from"})
        own_heads = [h for o in own for h in conjuncts(o)]
        poss = [c for c in tok.children if c.dep_ == "poss"]
        countries = [state(c) for c in _demonym_parties(tok, self.ents)]
        verb, via_prep = _context_verb(tok)
        subjects: list[Token] = []
        if verb is not None and not _preps(tok, {"between", "among"}) and not countries:
            word = lemma(verb.text)
            light = word in LIGHT_VERBS or word in CANCEL_VERBS or word in PLAN_VERBS or word in DENY_VERBS
            if (via_prep and (poss or own)) or (not via_prep and light):
                subjects = _agents(verb)
            elif via_prep and not own:  # "X and Y agreed … at a summit in Tokyo", "discussed … in a phone call"
                together = _agents(verb)
                if sum(len(conjuncts(t)) for t in together) >= 2:
                    subjects = together
            interlocutors = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            if via_prep and cameo == "041" and interlocutors and not own:  # "X told Y in a phone call that …"
                subjects, own = _agents(verb), interlocutors
        subject_actors = self._resolve_all(subjects)
        if len(subject_actors) + len(countries) >= 2:  # "the Vietnamese and Indonesian navies … their first patrol"
            poss = [p for p in poss if p.lower_ not in PLURAL_PRONOUNS]
        poss_actors = self._resolve_all(poss)
        subject_actors = [a for a in subject_actors if a not in poss_actors]
        if cameo == "041" and lemma(verb.text if verb is not None else "") == "receive":
            callers = self._resolve_all(_preps(tok, {"from"}))
            receivers = [a for a in subject_actors + poss_actors if a not in callers]
            self._emit(tok, cameo, [(a, Role.source) for a in callers] + [(a, Role.target) for a in receivers],
                       anchors=_anchors(tok, verb, own_heads), confidence=0.8)
            return
        first = poss_actors + subject_actors + countries
        actors = first + self._resolve_all(own, first)
        if minimum_cue and len(actors) < 2:
            return
        confidence = 0.75 - (0.1 if via_prep else 0.0)
        self._emit(tok, cameo, [(a, Role.participant) for a in actors], anchors=_anchors(tok, verb, own_heads),
                   confidence=confidence)

    def _noun_visit(self, tok: Token) -> None:
        """'his visit to Belarus', 'the visit by X to Y', 'arrived in Beijing for a state visit', 'Belarus trip'."""
        visitors = [c for c in tok.children if c.dep_ == "poss"] + _preps(tok, {"by", "of"})
        verb, via_prep = _context_verb(tok)
        if not visitors and verb is not None:
            visitors = _agents(verb)
        dests = [h for d in _preps(tok, {"to"}) for h in conjuncts(d)]
        dests += [c for c in tok.children if c.dep_ == "compound" and self._is_country(c)]
        if not dests and verb is not None:
            preps = {"in", "at", "to"} if lemma(verb.text, verb=True) in ARRIVE_VERBS | TRAVEL_VERBS else {"to"}
            dests = [h for p in _preps(verb, preps) for h in conjuncts(p)]
        if not dests:
            return
        confidence = 0.7 if via_prep else 0.75
        self._directed_visit(tok, visitors, dests, confidence=confidence, explicit=bool(_preps(tok, {"to"})),
                             context=verb)

    def _is_country(self, tok: Token) -> bool:
        ent = self.ents.get(tok.i)
        text = ent.text if ent is not None else tok.text
        return bool(tok.pos_ == "PROPN" and (country_of_name(text) or capital_country(text)))

    # ------------------------------------------------------------ captions

    def _caption(self) -> None:
        """A verbless caption: 'X (left) and his counterpart Y in Minsk on Wednesday.'"""
        people = []
        for tok in self.sent:
            ent = self.ents.get(tok.i)
            if ent is not None and tok.i == ent.root.i and ent.label_ in ("PERSON", "ORG"):
                people.extend(a for a in self._resolve_all([tok], people) if a.kind == Kind.person)
        if len(people) != 2 or not any(t.lower_ == "and" for t in self.sent):
            return
        heads = [t for t in self.sent if t.dep_ in ("ROOT", "conj", "appos")]
        found, _ = find_place(heads, self.ents, heads[0])
        if found is None:
            return
        self._emit(heads[0], "040", [(a, Role.participant) for a in people], anchors=heads, confidence=0.5,
                   place=found.place, caption=True, status=Status.occurred)

    # ------------------------------------------------------------ helpers

    def _resolve_all(self, heads: list[Token], exclude: list[Actor] | None = None, expand: bool = True) -> list[Actor]:
        out: list[Actor] = []
        skip = frozenset(exclude or ())
        for head in heads:
            for actor in resolve(head, self.ctx, skip | frozenset(out), expand):
                if actor not in out and actor not in skip:
                    out.append(actor)
        return out

    def _emit(self, trigger: Token, cameo: str, roles: list[tuple[Actor, Role]], anchors: list[Token],
              confidence: float, place: Place | None = None, extra_preps: frozenset[str] = frozenset(),
              caption: bool = False, status: Status | None = None) -> None:
        distinct: dict[Actor, Role] = {}
        for actor, role in roles:
            distinct.setdefault(actor, role)
        if len(distinct) < 2:
            return
        status = status or status_of(trigger)
        if status is None:
            return
        anchors = _with_appositions(anchors)
        found, venue = find_place(anchors, self.ents, trigger, extra_preps)
        if place is None and found is not None:
            place = found.place
        where_place = _where_clause(trigger, self.ents)
        place = place or where_place
        future = status == Status.planned
        date, when = self._date(anchors, future)
        if when is None and trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.pos_ == "VERB":
            date, when = self._date([trigger.head], future)  # "paid a visit on Thursday, meeting X"
        penalty = max(a.penalty for a in distinct)
        sent = self.sent
        start, end = self.ctx.base + sent.start_char, self.ctx.base + sent.end_char
        self.out.append(Fragment(cameo, list(distinct.items()), status, date, place, venue, start, end, sent.text,
                                 round(max(0.05, confidence - penalty), 2), self.ctx.pos(trigger), caption, when))
        self.ctx.last_pair = list(distinct)

    def _date(self, anchors: list[Token], future: bool) -> tuple[str | None, str | None]:
        """The resolved date (or None) and the time expression, attached to the anchors."""
        best: tuple[int, str | None, str] | None = None
        for ent in self.dates:
            tok = ent.root
            steps = 0
            blocked = False
            while tok not in anchors and tok.dep_ in _DATE_PATH and tok.head != tok and steps < 6:
                if tok.dep_ == "prep" and tok.lower_ in _DATE_BLOCKERS:
                    blocked = True
                tok = tok.head
                steps += 1
            if tok.dep_ == "prep" and tok.lower_ in _DATE_BLOCKERS:
                blocked = True
            if blocked or tok not in anchors:
                continue
            value = resolve_date(ent.text, self.ctx.document.published, future)
            rank = len(value) if value else 0
            if best is None or rank > best[0]:
                best = (rank, value, ent.text.lower())
        return (best[1], best[2]) if best else (None, None)


# ---------------------------------------------------------------- parse helpers


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children))


def _agents(verb: Token) -> list[Token]:
    """The logical subject(s) of a verb: its subject, the by-agent of a passive, or a subject it inherits."""
    if _passive(verb):
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents or verb.dep_ != "xcomp":
            return agents
    v = verb
    for _ in range(5):
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            return subjects
        if v != verb:
            passive = [c for c in v.children if c.dep_ == "nsubjpass"]
            if passive:
                return passive  # "X is expected to visit"
        if v.dep_ == "acl" and v.tag_ == "VBG":
            return [v.head]  # "Xi, visiting Moscow, …"
        if v.dep_ == "xcomp":
            objects = [c for c in v.head.children if c.dep_ == "dobj"]
            if objects:
                return objects  # "invited him to visit"
            v = v.head
        elif v.dep_ in ("conj", "advcl", "acomp"):
            v = v.head  # "attended and met", "is due to meet"
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head
        else:
            return []
    return []


def _preps(tok: Token, words: set[str]) -> list[Token]:
    """Objects of the given prepositions attached to a token."""
    return [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in words
            for p in c.children if p.dep_ == "pobj"]


def _arg_preps(verb: Token, words: set[str]) -> list[Token]:
    """Objects of prepositions on a verb or, misattached, on its direct object ("discuss trade with X")."""
    return _preps(verb, words) + [p for d in verb.children if d.dep_ == "dobj" for p in _preps(d, words)]


def _phone_cue(tok: Token) -> bool:
    """'by phone', 'phone call', 'over the telephone', 'via video link' (on the trigger or its with-object)."""
    holders = [tok, *_preps(tok, {"with", "to"})]
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("compound", "amod", "npadvmod", "advmod", "nmod") and lemma(c.text) in PHONE_CUES:
                return True
            if c.dep_ == "prep" and c.lower_ in ("by", "over", "on", "via", "through", "in", "during"):
                for p in c.children:
                    if p.dep_ == "pobj" and (lemma(p.text) in PHONE_CUES or any(
                            g.dep_ in ("compound", "amod") and lemma(g.text) in PHONE_CUES for g in p.children)):
                        return True
    return False


def _agreement_noun(tok: Token) -> bool:
    word = lemma(tok.text)
    if word in AGREEMENT_NOUNS:
        return True
    return any(lemma(c.text) in AGREEMENT_NOUNS for c in tok.children if c.dep_ in ("compound", "appos"))


def _drill_like(tok: Token, word: str) -> bool:
    """Drill nouns only count with a military or joint cue ('joint naval drills', 'war games')."""
    cues = {c.lower_ for c in tok.subtree if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod", "npadvmod")}
    parts = {p for c in cues for p in c.replace("-", " ").split()}
    if word == "game":
        return "war" in parts
    return bool(parts & _DRILL_CUES) or bool(_preps(tok, {"with", "between"}))


def _demonym_parties(tok: Token, ents: dict[int, Span]) -> list[str]:
    """States named by coordinated demonyms on the trigger: 'Chinese-Russian drills', 'US-China talks'."""
    found: list[str] = []
    for c in tok.children:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        for part in conjuncts(c):
            ent = ents.get(part.i)
            text = ent.text if ent is not None else part.text
            for piece in text.replace("–", "-").split("-"):
                iso3 = country_of_demonym(piece) or country_of_name(piece)
                if iso3 and iso3 not in found:
                    found.append(iso3)
    return found if len(found) >= 2 else []


def _context_verb(noun: Token) -> tuple[Token | None, bool]:
    """The verb a nominal trigger depends on, and whether through a preposition ('in a call with X, Y said')."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma(tok.head.head.text) in _COUNT_NOUNS:
        tok = tok.head.head  # "two days of talks"
    if tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head, False
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None, False
    verb = tok.head.head
    if tok.head.lower_ in ("in", "into"):
        taker = verb.head if verb.lower_ == "part" and verb.dep_ == "dobj" else verb  # "took part in joint drills"
        if taker.pos_ == "VERB" and lemma(taker.text, verb=True) in ("take", "participate", "join", "engage", "enter"):
            return taker, False
    if tok.head.lower_ in FRAME_PREPS and verb.pos_ in ("VERB", "AUX"):
        return verb, True
    return None, False


def _with_appositions(anchors: list[Token]) -> list[Token]:
    """Anchors plus the appositions and conjuncts hanging off them (where misattached phrases end up)."""
    out: list[Token] = []
    for a in anchors:
        for t in [a, *(c for c in a.children if c.dep_ in ("appos", "conj") and c.pos_ in ("PROPN", "NOUN"))]:
            if t not in out:
                out.append(t)
    return out


def _anchors(noun: Token, verb: Token | None, heads: list[Token]) -> list[Token]:
    anchors = [noun, *heads]
    if verb is not None:
        anchors.append(verb)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        anchors.append(noun.head.head)
    return anchors


def _where_clause(trigger: Token, ents: dict[int, Span]) -> Place | None:
    """'flew to Hanoi, where he met To Lam': the antecedent of 'where'."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    for v in (verb, verb.head):
        if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children):
            found = place_of(v.head, ents)
            if found is not None and country_of_place(found.place.name) is not None:
                return found.place
    return None
