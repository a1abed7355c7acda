"""Streaming lines out of plain, .gz and .zip files, decoding UTF-8 ourselves.

Files are read in 4 MiB blocks cut at newlines; a block decodes in one call and splits on "\\n" (much
faster than a Python loop over lines). A block that is not valid UTF-8 is decoded line by line and each
bad line is reported, with the byte offset of the first bad byte, instead of raising.

Archives: the compression is recognised by its magic bytes, not the file name. A truncated or corrupt
.gz stops at the damage: every complete line before it is delivered and the damage is reported once.
A .zip whose central directory is missing (a truncated download) is still read member by member from
its local headers, so its complete lines load too.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

BLOCK = 4 * 1024 * 1024

#: `on_error(file, line, reason)`: a line (or the unreadable rest of an archive) that is skipped.
OnError = Callable[[str, int, str], None]

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, struct.error, NotImplementedError)


class _Inflater(io.RawIOBase):
    """Decompresses a raw deflate (zip member) or gzip stream block by block.

    When the input ends before the compressed stream does, everything decompressed so far is returned
    first and only the next read raises EOFError, so no complete line before the damage is lost.
    """

    def __init__(self, raw: IO[bytes], wbits: int, size: int | None = None, stored: bool = False) -> None:
        self._raw = raw
        self._wbits = wbits
        self._left = size  # compressed bytes left, when known (zip)
        self._stored = stored
        self._inflate = None if stored else zlib.decompressobj(wbits)
        self._pending = b""
        self._error: Exception | None = None
        self.finished = False

    def readable(self) -> bool:
        return True

    def _feed(self) -> None:
        step = BLOCK if self._left is None else min(BLOCK, self._left)
        chunk = self._raw.read(step) if step else b""
        if self._left is not None:
            self._left -= len(chunk)
        if self._inflate is None:  # stored zip member
            self._pending += chunk
            if not chunk or self._left == 0:
                self.finished = True
                if self._left:
                    self._error = EOFError("zip member truncated")
            return
        if not chunk:
            self.finished = True
            if not self._inflate.eof:
                self._pending += self._inflate.flush()
                self._error = EOFError("compressed stream truncated (no end-of-stream marker)")
            return
        if self._inflate.eof and self._wbits == 31:  # a further gzip member starts in this chunk
            self._inflate = zlib.decompressobj(self._wbits)
        try:
            self._pending += self._inflate.decompress(chunk)
        except zlib.error as exc:
            self.finished = True
            self._error = exc
            return
        while self._inflate.eof:
            rest = self._inflate.unused_data
            if self._wbits != 31 or not rest.lstrip(b"\0"):  # zip member done, or end of gzip
                if self._wbits != 31:
                    self.finished = True
                return
            self._inflate = zlib.decompressobj(self._wbits)  # next gzip member
            try:
                self._pending += self._inflate.decompress(rest)
            except zlib.error as exc:
                self.finished = True
                self._error = exc
                return

    def read(self, n: int = -1) -> bytes:  # type: ignore[override]
        want = BLOCK if n is None or n < 0 else n
        while len(self._pending) < want and not self.finished:
            self._feed()
        if not self._pending and self._error is not None:
            error, self._error = self._error, None
            raise error
        out, self._pending = self._pending[:want], self._pending[want:]
        return out


def _local_members(fh: IO[bytes]) -> Iterator[tuple[str, IO[bytes]]]:
    """Members of a zip read from local headers (for archives without a readable central directory)."""
    while True:
        header = fh.read(30)
        if len(header) < 30 or header[:4] != _ZIP_MAGIC:
            return
        _, _, flags, method, _, _, _, csize, _, name_len, extra_len = struct.unpack("<IHHHHHIIIHH", header)
        name = fh.read(name_len).decode("utf-8", "replace")
        fh.read(extra_len)
        if method not in (0, 8):
            raise NotImplementedError(f"zip compression method {method}")
        known = csize if not flags & 0x08 else None
        member = _Inflater(fh, -15, known, stored=method == 0)
        if name.endswith("/"):
            continue
        yield name, member  # type: ignore[misc]
        if not member.finished:
            return
        if flags & 0x08:  # skip the data descriptor (with or without its signature)
            peek = fh.read(4)
            fh.read(12 if peek == b"PK\x07\x08" else 8)


def members(path: Path, on_error: OnError) -> Iterator[tuple[str, IO[bytes]]]:
    """(label, binary stream) of each data stream in `path`: the file, the .gz content or each zip member."""
    label = str(path)
    try:
        with open(path, "rb") as probe:
            magic = probe.read(4)
    except OSError as exc:
        on_error(label, 0, f"cannot open: {exc.strerror or exc}")
        return
    if magic[:2] == _GZIP_MAGIC:
        with open(path, "rb") as fh:
            yield label, _Inflater(fh, 31)  # type: ignore[misc]
        return
    if magic == _ZIP_MAGIC:
        try:
            archive = zipfile.ZipFile(path)
        except _ZIP_ERRORS:
            archive = None
        if archive is not None:
            with archive:
                infos = [i for i in archive.infolist() if not i.is_dir()]
                for info in infos:
                    name = label if len(infos) == 1 else f"{label}!{info.filename}"
                    try:
                        stream = archive.open(info)
                    except _ZIP_ERRORS as exc:
                        on_error(name, 0, f"unreadable zip member: {exc}")
                        continue
                    with stream:
                        yield name, stream
            return
        with open(path, "rb") as fh:  # no central directory: a truncated download
            for name, stream in _local_members(fh):
                yield f"{label}!{name}", stream
        return
    with open(path, "rb") as fh:
        yield label, fh


def _decode_block(block: bytes) -> tuple[list[str | None], dict[int, str]]:
    """Lines of a block (None for a line that is not UTF-8) and, by index, why those lines are bad."""
    try:
        return block.decode("utf-8").split("\n"), {}  # type: ignore[return-value]
    except UnicodeDecodeError:
        pass
    lines: list[str | None] = []
    bad: dict[int, str] = {}
    for index, raw in enumerate(block.split(b"\n")):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            bad[index] = f"invalid UTF-8 at byte {exc.start} ({raw[exc.start:exc.start + 4]!r})"
            lines.append(None)
    return lines, bad


def stream_blocks(stream: IO[bytes], label: str, on_error: OnError) -> Iterator[tuple[int, list[str | None], dict[int, str]]]:
    """(number of the block's first line, its lines, why bad lines are bad) for each block of a stream.

    The hot loop of a reader walks these lists itself (a generator step per line costs more than the
    split). Lines are decoded text without the newline; CR LF is already turned into LF and the leading
    byte-order mark removed; a line that is not UTF-8 is None and its reason is in the dict by index.
    Empty lines are included (callers skip them). A stream that breaks off (truncated or corrupt
    archive) is reported once, at the line where it broke, and ends the iteration.
    """
    carry = b""
    lineno = 1
    first = True
    while True:
        try:
            data = stream.read(BLOCK)
        except (EOFError, OSError, zlib.error, zipfile.BadZipFile, struct.error) as exc:
            on_error(label, lineno, f"archive truncated or corrupt after line {lineno - 1}: {exc}")
            return
        if not data:
            block, carry = carry, b""
            if not block:
                return
        else:
            data = carry + data
            cut = data.rfind(b"\n")
            if cut < 0:
                carry = data
                continue
            carry = data[cut + 1:]
            block = data[:cut]
        if first:
            first = False
            if block.startswith(b"\xef\xbb\xbf"):
                block = block[3:]
        if b"\r" in block:
            block = block.replace(b"\r\n", b"\n")
            if block.endswith(b"\r"):
                block = block[:-1]
        lines, bad = _decode_block(block)
        yield lineno, lines, bad
        lineno += len(lines)
        if not data:
            return


def iter_lines(path: Path, on_error: OnError) -> Iterator[tuple[str, int, str]]:
    """(label, line number, text) of every non-empty line of every data stream in `path`."""
    for label, stream in members(path, on_error):
        for first, lines, bad in stream_blocks(stream, label, on_error):
            for index, line in enumerate(lines):
                if line:
                    yield label, first + index, line
                elif line is None:
                    on_error(label, first + index, bad[index])


def iter_blocks(path: Path, on_error: OnError) -> Iterator[tuple[str, int, list[str | None], dict[int, str]]]:
    """(label, first line number, lines, bad-line reasons) of every block of every data stream in `path`."""
    for label, stream in members(path, on_error):
        for first, lines, bad in stream_blocks(stream, label, on_error):
            yield label, first, lines, bad


def head_text(path: Path, size: int = 65536) -> str | None:
    """The first `size` bytes of the first data stream of `path`, decoded leniently (for sniffing)."""
    try:
        for _, stream in members(path, lambda *_: None):
            try:
                data = stream.read(size)
            except (EOFError, OSError, zlib.error, zipfile.BadZipFile, struct.error):
                data = b""
            return data.decode("utf-8", "replace").lstrip("\ufeff")
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError):
        return None
    return None


_RESYNC = re.compile(r"\n\s*[\[{]")
_MAX_RECORD = 1024 * 1024


def iter_json_records(path: Path, on_error: OnError) -> Iterator[tuple[str, int, Any]]:
    """(label, line number, value) of each top-level JSON value of a JSON array or of JSON Lines.

    Streams: a `[...]` array (however it is indented) or a sequence of values (JSON Lines, or objects
    one after another) is decoded value by value with `raw_decode`, reading more text only when a value
    is incomplete. A malformed value (or one over 1 MiB) is reported at its first line and skipped up to
    the next line that starts a value. Text is decoded as UTF-8; a value holding invalid bytes is skipped.
    """
    decoder = json.JSONDecoder()
    for label, stream in members(path, on_error):
        utf8 = codecs.getincrementaldecoder("utf-8")("replace")
        buf = ""
        pos = 0
        lineno = 1
        eof = False
        started = False
        while True:
            # skip separators between values
            while True:
                while pos < len(buf) and buf[pos] in " \t\r\n,\ufeff":
                    if buf[pos] == "\n":
                        lineno += 1
                    pos += 1
                if pos < len(buf) or eof:
                    break
                buf, pos, eof = _more(stream, utf8, buf, pos, label, lineno, on_error)
            if pos >= len(buf):
                break
            if not started and buf[pos] == "[":
                started = True
                pos += 1
                continue
            started = True
            if buf[pos] == "]":
                pos += 1
                continue
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                if not eof and len(buf) - pos < _MAX_RECORD:
                    buf, pos, eof = _more(stream, utf8, buf, pos, label, lineno, on_error)
                    continue
                on_error(label, lineno, f"malformed JSON: {exc.msg}")
                found = _RESYNC.search(buf, pos + 1)
                skip_to = found.start() if found else len(buf)
                lineno += buf.count("\n", pos, skip_to)
                pos = skip_to
                continue
            if "\ufffd" in buf[pos:end]:
                on_error(label, lineno, "invalid UTF-8 in record")
            else:
                yield label, lineno, value
            lineno += buf.count("\n", pos, end)
            pos = end


def _more(stream: IO[bytes], utf8: codecs.IncrementalDecoder, buf: str, pos: int, label: str, lineno: int,
          on_error: OnError) -> tuple[str, int, bool]:
    """Append the next block of text to the unread part of `buf`; (buffer, 0, at end of input)."""
    try:
        data = stream.read(BLOCK)
    except (EOFError, OSError, zlib.error, zipfile.BadZipFile, struct.error) as exc:
        on_error(label, lineno, f"archive truncated or corrupt after line {lineno - 1}: {exc}")
        return "", 0, True  # the partial value at the break is part of the reported damage
    text = utf8.decode(data, final=not data)
    return buf[pos:] + text, 0, not data
