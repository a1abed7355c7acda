"""Whether an event happened: modality, negation and embedding cues around its trigger.

The nearest cue wins, walking up from the trigger through complements ("is expected to discuss",
"denied that he had met", "cancelled her trip", "talks were postponed"); reporting verbs ("said")
and relative clauses stop the walk. `None` means the trigger is not an event at all (an infinitive
modifying a noun: "the last minister to visit Belarus was …").
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.model import Status
from loaders.text.lexicon import (
    CANCEL_PHRASALS, CANCEL_VERBS, CANCELLED_AMODS, CONDITIONAL_MARKS, DENY_VERBS, FUTURE_AUX,
    HYPOTHETICAL_AMODS, HYPOTHETICAL_AUX, HYPOTHETICAL_VERBS, PLAN_VERBS, PLANNED_AMODS, REPORTING_VERBS, lemma,
)

_CLIMB = {"xcomp", "ccomp", "dobj", "pobj", "prep", "nsubjpass", "nsubj", "attr", "oprd", "pcomp", "acl",
          "acomp", "appos", "compound", "npadvmod"}
_PLAN_NOUNS = {"plan", "invitation", "intention", "proposal", "offer", "bid", "request", "hope", "aim", "wish",
               "readiness", "willingness", "agreement", "decision", "promise", "pledge", "call", "push",
               "effort", "idea", "prospect", "possibility", "chance", "talk"}
_MAX_STEPS = 6
_PRESUPPOSING = {"during", "after", "before", "since", "on", "at", "in", "ahead"}


def status_of(trigger: Token) -> Status | None:
    """Status of the event a trigger token expresses, or None when it does not express one."""
    own = _own_cue(trigger)
    if own in (Status.denied, Status.cancelled):
        return own
    if trigger.dep_ == "acl" and trigger.tag_ == "VB" and not _has_plan_head(trigger):
        return None  # "the first minister to visit Belarus"
    if trigger.dep_ == "amod":
        return None  # "the visiting minister"
    found = _climb(trigger)
    if own is not None and found not in (Status.denied, Status.cancelled):
        return own  # "a planned meeting": planned, unless it was "postponed"
    return found


def _climb(trigger: Token) -> Status:
    """The nearest cue above the trigger. Below a presupposing phrase ("during a trip", "before travelling")
    only plans and hypotheticals carry down, not negation or denial ("denied meeting X during a trip to Laos")."""
    node = trigger
    steps = 0
    presupposed = False
    while steps < _MAX_STEPS:
        head = node.head
        if head == node:
            break
        dep = node.dep_
        if dep == "prep" and node.lower_ in _PRESUPPOSING and head.pos_ in ("VERB", "AUX"):
            presupposed = True
        if dep in ("advcl", "conj"):  # only auxiliaries carry over: "will attend the summit and meet Xi"
            if _conditional(node):
                return Status.hypothetical
            if dep == "advcl" and any(c.dep_ == "mark" for c in node.children):
                break
            cue = _aux_cue(head)
            if cue is not None:
                return cue
            node = head
            steps += 1
            continue
        if dep not in _CLIMB:
            break
        if dep == "pcomp" and head.lower_ in ("without", "instead") and not presupposed:
            return Status.denied
        cue = _head_cue(head, node)
        if cue is not None and not (presupposed and cue in (Status.denied, Status.cancelled)):
            return cue
        if lemma(head.text) in REPORTING_VERBS and head.pos_ == "VERB":
            break
        node = head
        steps += 1
    return Status.occurred


def _own_cue(tok: Token) -> Status | None:
    """Cues on the trigger itself: its negation, auxiliaries, conditional mark, modifiers."""
    children = list(tok.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return Status.denied
    if _conditional(tok):
        return Status.hypothetical
    for c in children:
        low = c.lower_
        if c.dep_ in ("aux", "auxpass"):
            if low in FUTURE_AUX or (low == "would" and not _conditional_sentence(tok)):
                return Status.planned
            if low in HYPOTHETICAL_AUX or low == "would":
                return Status.hypothetical
        if c.dep_ in ("amod", "compound", "advmod"):
            if low in CANCELLED_AMODS:
                return Status.cancelled
            if low in PLANNED_AMODS:
                return Status.planned
            if low in HYPOTHETICAL_AMODS:
                return Status.hypothetical
    if tok.tag_ == "VB" and tok.dep_ in ("ROOT", "acl", "parataxis") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children):
        head = tok.head
        if tok.dep_ == "ROOT" or (head.pos_ in ("PROPN", "NOUN") and tok.dep_ != "acl"):
            return Status.planned  # headline "Modi to visit US"
    return None


def _head_cue(head: Token, child: Token) -> Status | None:
    """What a governing word says about the event below it."""
    word = lemma(head.text)
    particles = {c.lower_ for c in head.children if c.dep_ == "prt"}
    if any((word, p) in CANCEL_PHRASALS for p in particles) or word in CANCEL_VERBS or word in CANCELLED_AMODS:
        return Status.cancelled
    if word in DENY_VERBS or (word == "rule" and "out" in particles):  # "ruled out meeting"
        return Status.denied
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        children = list(head.children)
        if any(c.dep_ == "neg" for c in children):
            return Status.denied
        if _conditional(head):
            return Status.hypothetical
        for c in children:
            if c.dep_ in ("aux", "auxpass") and c != child:
                if c.lower_ in FUTURE_AUX or c.lower_ == "would":
                    return Status.planned
                if c.lower_ in HYPOTHETICAL_AUX:
                    return Status.hypothetical
            if c.dep_ == "acomp" and lemma(c.text) in HYPOTHETICAL_VERBS:
                return Status.hypothetical
            if c.dep_ == "acomp" and lemma(c.text) in PLAN_VERBS:
                return Status.planned
        if word == "go" and head.tag_ == "VBG":
            return Status.planned  # "is going to visit"
    if word in HYPOTHETICAL_VERBS:
        return Status.hypothetical
    if word in PLAN_VERBS:
        return Status.planned
    if head.pos_ in ("NOUN", "PROPN"):
        if word in _PLAN_NOUNS and child.dep_ in ("acl", "pobj", "prep", "compound"):
            return Status.planned
        if any(c.dep_ == "amod" and c.lower_ in PLANNED_AMODS for c in head.children):
            return Status.planned
    return None


def _aux_cue(verb: Token) -> Status | None:
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in FUTURE_AUX or c.lower_ == "would":
                return Status.planned
            if c.lower_ in HYPOTHETICAL_AUX:
                return Status.hypothetical
    return None


def _conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children)


def _conditional_sentence(tok: Token) -> bool:
    """'would' in the main clause of an if-sentence is hypothetical, not reported future."""
    return any(_conditional(t) for t in tok.sent if t.dep_ == "advcl")


def _has_plan_head(tok: Token) -> bool:
    return lemma(tok.head.text) in _PLAN_NOUNS or lemma(tok.head.text) in PLAN_VERBS
