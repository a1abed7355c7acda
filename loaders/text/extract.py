"""News text → coded diplomatic events: the pipeline from documents to `Event` models."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc

from graph.model import Event
from loaders.text import nlp
from loaders.text.actors import DocContext
from loaders.text.document import Document, Paragraph, parse_published
from loaders.text.frames import Fragment, SentenceFrames
from loaders.text.merge import merge
from loaders.text.names import described, join_name_parts, read_name
from loaders.text.people import People

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT")


def extract_text(text: str, *, url: str | None = None, published: str | dt.date | None = None,
                 title: str | None = None) -> list[Event]:
    """Events found in one document. `published` (YYYY-MM-DD) anchors relative dates; without it they stay null."""
    return extract_documents([Document(text, url=url, title=title, published=parse_published(published))])[0]


def extract_documents(documents: Sequence[Document]) -> list[list[Event]]:
    """Events of each document, parsing the paragraphs of all of them in shared batches.

    Paragraphs with a trigger cue are parsed; the others get named entities only if they mention a
    name seen in a parsed paragraph of the same document, and are skipped otherwise.
    """
    paragraphs = [doc.paragraphs() for doc in documents]
    triggered = [p for ps in paragraphs for p in ps if p.parse]
    full = dict(zip(map(id, triggered), nlp.parse([p.text for p in triggered]), strict=True))
    mentioning: list[Paragraph] = []
    for ps in paragraphs:
        names = _name_pattern([full[id(p)] for p in ps if p.parse])
        if names is not None:
            mentioning.extend(p for p in ps if not p.parse and names.search(p.text))
    light = dict(zip(map(id, mentioning), nlp.parse([p.text for p in mentioning], entities_only=True), strict=True))
    extractor = nlp.extractor_version()
    out = []
    for document, ps in zip(documents, paragraphs, strict=True):
        parsed = [(p, full.get(id(p)) or light[id(p)]) for p in ps if id(p) in full or id(p) in light]
        out.append(document_events(document, parsed, extractor))
    return out


def extract_batches(batches: Iterable[Sequence[Document]], n_process: int = 1) -> Iterator[list[list[Event]]]:
    """`extract_documents` over batches, in order; with `n_process` > 1 in forked worker processes.

    Workers share the model loaded here (copy-on-write) and return events, not spaCy docs. Forking is
    for single-threaded callers such as the CLI; servers should keep `n_process=1`.
    """
    if n_process <= 1:
        for batch in batches:
            yield extract_documents(batch)
        return
    nlp.load()
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        yield from pool.imap(extract_documents, batches)


def _name_pattern(docs: list[Doc]) -> re.Pattern[str] | None:
    """Matches any word of a person name found in the parsed paragraphs."""
    words = {t.text for doc in docs for ent in doc.ents if ent.label_ in ("PERSON", "ORG")
             for t in ent if t.is_alpha and t.text[:1].isupper() and len(t) > 1}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b") if words else None


def document_events(document: Document, parsed: list[tuple[Paragraph, Doc]], extractor: str) -> list[Event]:
    """Events of one document from its parsed paragraphs."""
    for _, doc in parsed:
        join_name_parts(doc)
    people = People()
    people.register([info for _, doc in parsed for ent in doc.ents if ent.label_ == "PERSON"
                     if (info := read_name(ent)) is not None])
    ctx = DocContext(document, people)
    for index, (paragraph, doc) in enumerate(parsed):
        ctx.enter(doc, paragraph.start, index)
        for ent in doc.ents:
            if ent.label_ in _NAME_LABELS and (person := ctx.person_at(ent)) is not None:
                subject = paragraph.parse and ent.root.dep_ in ("nsubj", "nsubjpass")
                people.mention(person, ctx.pos(ent[0]), subject, index)
                if paragraph.parse:
                    people.describe(person, *described(ent))
    fragments: list[Fragment] = []
    for index, (paragraph, doc) in enumerate(parsed):
        if not paragraph.parse:
            continue
        ctx.enter(doc, paragraph.start, index)
        ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        for sent in doc.sents:
            fragments.extend(SentenceFrames(sent, ctx, ents).run())
    return merge(fragments, document, extractor)
