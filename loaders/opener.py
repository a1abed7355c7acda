"""Open plain, .gz and .zip files the same way, as a stream of lines."""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


#: What a truncated or corrupt file raises part-way through reading it.
BROKEN_FILE = (EOFError, zlib.error, zipfile.BadZipFile, gzip.BadGzipFile, UnicodeDecodeError)


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """A binary stream of the file, or of the single data member of a .gz or .zip archive."""
    name = path.name.lower()
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            yield fh
    elif name.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if not m.endswith("/")]
            if not members:
                raise zipfile.BadZipFile("the zip archive holds no file")
            with archive.open(members[0]) as fh:
                yield fh
    else:
        with open(path, "rb") as fh:
            yield fh


@contextmanager
def open_text(path: Path) -> Iterator[io.TextIOWrapper]:
    """Lines of the file as UTF-8 text (a BOM is dropped; undecodable bytes become U+FFFD)."""
    with open_binary(path) as raw:
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
