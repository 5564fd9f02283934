"""Bulk input: JSON Lines files (plain or gzip), directories of `.txt` files and stdin, as partitions of records.

A partition is a piece of the input that can be read on its own, by this process or by a Dask worker
on a shared file system: lines [first_line, ...) between two byte offsets of a plain JSON Lines file, a
list of text files, or lines already read (gzip and stdin cannot be split, so the reader ships them).
Reading never raises for a bad line or file: it yields a record carrying an `error` instead.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
# Lines per partition when a partition is shipped or a file split: big enough that a Dask task does
# seconds of parsing (its overhead is milliseconds), small enough that a run keeps every worker busy.
PARTITION_LINES = 2_000
TEXT_FILE_SUFFIX = ".txt"


@dataclass(frozen=True)
class InputError:
    """Why an input line gave no article: shown in its output line as `error`."""

    title: str
    detail: str

    def to_dict(self) -> dict[str, str]:
        """JSON shape, as in a problem+json body."""
        return {"title": self.title, "detail": self.detail}


@dataclass(frozen=True)
class InputRecord:
    """One input article, or the error that stands in for it.

    `fields` are the input object's fields in their order (id and text included); `id` is its id, or
    `<source>:<line>` when it has none. `text` is None exactly when `error` is set.
    """

    id: Any
    fields: tuple[tuple[str, Any], ...]
    text: str | None
    error: InputError | None = None


@dataclass(frozen=True)
class LineRange:
    """Lines of a plain JSON Lines file from byte `start` (a line start) up to byte `end`."""

    path: str
    source: str  # the name ids of articles without an id are made of
    start: int
    end: int
    first_line: int  # 1-based number of the line at `start`

    def records(self, max_chars: int) -> Iterator[InputRecord]:
        """The records of these lines."""
        try:
            with open(self.path, "rb") as stream:
                stream.seek(self.start)
                lines = _lines_until(stream, self.end)
                yield from records_of_lines(lines, self.source, self.first_line, max_chars)
        except OSError as exc:
            yield _file_error(self.source, self.first_line, exc)


@dataclass(frozen=True)
class ShippedLines:
    """JSON Lines already read (from gzip or stdin), numbered from `first_line`."""

    source: str
    first_line: int
    lines: tuple[bytes, ...]
    read_error: InputError | None = None  # the stream broke after these lines (a truncated gzip)

    def records(self, max_chars: int) -> Iterator[InputRecord]:
        """The records of these lines, then the read error if there was one."""
        yield from records_of_lines(self.lines, self.source, self.first_line, max_chars)
        if self.read_error is not None:
            line_id = f"{self.source}:{self.first_line + len(self.lines)}"
            yield InputRecord(line_id, (("id", line_id),), None, self.read_error)


@dataclass(frozen=True)
class TextFiles:
    """Text files, one article each; the id is the path relative to `root`."""

    root: str
    paths: tuple[str, ...]

    def records(self, max_chars: int) -> Iterator[InputRecord]:
        """One record per file."""
        for path in self.paths:
            article_id = os.path.relpath(path, self.root) if self.root else os.path.basename(path)
            try:
                raw = Path(path).read_bytes()
            except OSError as exc:
                yield InputRecord(article_id, (("id", article_id),), None,
                                  InputError("Unreadable file", f"{path}: {exc.strerror or exc}"))
                continue
            yield _record({"id": article_id}, article_id, raw, max_chars, text_from_bytes=True)


Partition = LineRange | ShippedLines | TextFiles


def partitions(sources: Sequence[str], *, lines_per_partition: int = PARTITION_LINES) -> Iterator[Partition]:
    """The input named by `sources` (files, directories, `-`) as partitions, in input order."""
    for source in sources:
        if source == "-":
            yield from _shipped(sys.stdin.buffer, "stdin", lines_per_partition)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(str(p) for p in path.rglob(f"*{TEXT_FILE_SUFFIX}") if p.is_file())
            for i in range(0, len(files), lines_per_partition):
                yield TextFiles(str(path), tuple(files[i : i + lines_per_partition]))
            continue
        if path.suffix == TEXT_FILE_SUFFIX:
            yield TextFiles("", (source,))
            continue
        try:
            with open(path, "rb") as stream:
                compressed = stream.read(2) == GZIP_MAGIC
        except OSError as exc:
            yield ShippedLines(source, 1, (), InputError("Unreadable file", f"{source}: {exc.strerror or exc}"))
            continue
        if compressed:
            with gzip.open(path, "rb") as stream:
                yield from _shipped(stream, source, lines_per_partition)
        else:
            yield from _line_ranges(source, lines_per_partition)


def count_lines(sources: Sequence[str]) -> int | None:
    """Articles in `sources` when that is cheap to know (plain files and directories), else None."""
    total = 0
    for source in sources:
        path = Path(source)
        if source == "-":
            return None
        if path.is_dir():
            total += sum(1 for p in path.rglob(f"*{TEXT_FILE_SUFFIX}") if p.is_file())
        elif path.suffix == TEXT_FILE_SUFFIX:
            total += 1
        else:
            try:
                with open(path, "rb") as stream:
                    if stream.read(2) == GZIP_MAGIC:
                        return None
                    stream.seek(0)
                    total += sum(1 for line in stream if line.strip())
            except OSError:
                total += 1  # the error line that stands in for it
    return total


def records_of_lines(
    lines: Iterable[bytes], source: str, first_line: int, max_chars: int
) -> Iterator[InputRecord]:
    """One record per non-blank JSON line; a blank line is no article and gives none."""
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        line_id = f"{source}:{number}"
        yield record_of_line(raw, line_id, max_chars)


def record_of_line(raw: bytes, default_id: str, max_chars: int) -> InputRecord:
    """The record of one JSON line: its object's fields, or an error naming what is wrong."""
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _error(default_id, "Undecodable bytes", f"Not UTF-8 at byte {exc.start} of line {default_id}.")
    try:
        value = json.loads(decoded)
    except ValueError as exc:
        return _error(default_id, "Malformed JSON line", f"Line {default_id}: {exc}.")
    if not isinstance(value, dict):
        return _error(default_id, "Not an article", f"Line {default_id} is a JSON {type(value).__name__}, "
                      "not an object with a `text`.")
    article_id = value.get("id", default_id)
    if not isinstance(article_id, str | int) or isinstance(article_id, bool) or article_id == "":
        return _error(default_id, "Invalid id", f"Line {default_id}: `id` must be a non-empty string or an integer.")
    return _record(value, article_id, value.get("text"), max_chars, text_from_bytes=False)


def _record(
    fields: dict[str, Any], article_id: Any, text: Any, max_chars: int, *, text_from_bytes: bool
) -> InputRecord:
    """A record for an object with `text`, or an error record when the text is missing, bad or too long."""
    items = tuple(fields.items()) if "id" in fields else (("id", article_id), *fields.items())
    if text_from_bytes:
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return InputRecord(article_id, items, None,
                               InputError("Undecodable bytes", f"{article_id}: not UTF-8 at byte {exc.start}."))
        items = (*items, ("text", text))
    if "text" not in dict(items):
        return InputRecord(article_id, items, None, InputError("Missing text", f"{article_id}: no `text` field."))
    if not isinstance(text, str):
        return InputRecord(article_id, items, None, InputError(
            "Invalid text", f"{article_id}: `text` is a JSON {type(text).__name__}, not a string."))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return InputRecord(article_id, items, None,
                           InputError("Invalid text", f"{article_id}: a lone surrogate at index {exc.start}."))
    if len(text) > max_chars:
        return InputRecord(article_id, items, None, InputError(
            "Article too long", f"{article_id}: {len(text)} characters; at most {max_chars} per article."))
    return InputRecord(article_id, items, text)


def _error(line_id: str, title: str, detail: str) -> InputRecord:
    return InputRecord(line_id, (("id", line_id),), None, InputError(title, detail))


def _file_error(source: str, line: int, exc: OSError) -> InputRecord:
    return _error(f"{source}:{line}", "Unreadable file", f"{source}: {exc.strerror or exc}")


def _lines_until(stream: BinaryIO, end: int) -> Iterator[bytes]:
    position = stream.tell()
    while position < end:
        line = stream.readline()
        if not line:
            return
        position += len(line)
        yield line


def _line_ranges(source: str, lines_per_partition: int) -> Iterator[Partition]:
    """Byte ranges of `lines_per_partition` lines each: one pass over the file, counting line ends."""
    try:
        with open(source, "rb") as stream:
            start = 0
            first_line = 1
            count = 0
            position = 0
            for line in stream:
                position += len(line)
                count += 1
                if count == lines_per_partition:
                    yield LineRange(source, source, start, position, first_line)
                    start, first_line, count = position, first_line + count, 0
            if count:
                yield LineRange(source, source, start, position, first_line)
    except OSError as exc:
        yield ShippedLines(source, 1, (), InputError("Unreadable file", f"{source}: {exc.strerror or exc}"))


def _shipped(stream: Iterable[bytes], source: str, lines_per_partition: int) -> Iterator[Partition]:
    """Lines read from a stream that cannot be split, in partitions; a broken stream ends with an error."""
    lines: list[bytes] = []
    first_line = 1
    try:
        for line in stream:
            lines.append(line)
            if len(lines) == lines_per_partition:
                yield ShippedLines(source, first_line, tuple(lines))
                first_line += len(lines)
                lines = []
    except (OSError, EOFError, zlib.error) as exc:
        last = first_line + len(lines) - 1
        yield ShippedLines(source, first_line, tuple(lines),
                           InputError("Unreadable file", f"{source} broke off after line {last}: {exc}"))
        return
    if lines:
        yield ShippedLines(source, first_line, tuple(lines))
