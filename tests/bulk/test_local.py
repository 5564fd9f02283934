"""Bulk runs on this machine: the API's quotes per line, errors in place, input order, resume after a kill."""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from spacy.language import Language

from service.bulk import BulkJob, completed_ids, run_local

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seeds" / "articles"
TEXT = "“We have natural conflict,” Trump said. “We also have mutual love,” he added."


def run(nlp: Language, sources: Sequence[Path | str], out: Path, *, workers: int = 1, resume: bool = False,
        **job: object) -> list[dict[str, object]]:
    """Run bulk into `out` (appending when `resume`) and return its lines, decoded."""
    skip = completed_ids(out) if resume else None
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if resume else os.O_TRUNC))
    try:
        run_local(BulkJob(tuple(str(s) for s in sources), **job), nlp, fd, workers=workers, skip=skip)  # type: ignore[arg-type]
    finally:
        os.close(fd)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def api_quotes_bytes(client: FlaskClient, article_id: str, text: str, **options: object) -> bytes:
    """The raw bytes of the `quotes` array the API answers for one article."""
    body = client.post("/v1/quotes", json={"articles": [{"id": article_id, "text": text}],
                                             "options": {"variants": False, **options}}).get_data()
    start = body.index(b'"quotes":') + len(b'"quotes":')
    end = body.index(b'}],"variant_groups"')
    return body[start:end]


def line_quotes_bytes(line: bytes) -> bytes:
    """The raw bytes of the `quotes` array of one output line (always its last field)."""
    start = line.index(b',"quotes":') + len(b',"quotes":')
    assert line.endswith(b"}\n")
    return line[start:-2]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/data/seeds")
def test_seed_articles_give_the_api_quotes_byte_for_byte(nlp: Language, client: FlaskClient, tmp_path: Path) -> None:
    """A directory of .txt files on two worker processes: one line per file, in name order, ids the file names."""
    out = tmp_path / "out.jsonl"
    run(nlp, [SEEDS], out, workers=2)
    lines = out.read_bytes().splitlines(keepends=True)
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [json.loads(line)["id"] for line in lines] == names
    for name, line in zip(names, lines, strict=True):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert json.loads(line)["text"] == text
        assert line_quotes_bytes(line) == api_quotes_bytes(client, name, text)
    assert sum(len(json.loads(line)["quotes"]) for line in lines) > 20


def test_options_and_other_fields_pass_through(nlp: Language, client: FlaskClient, tmp_path: Path) -> None:
    """Fields other than id and text come back unchanged, after the id; --terms keeps the API's term quotes."""
    text = "The so-called “experts” were wrong, “and everybody knows it,” Smith said."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"url": "https://x.test/1", "id": "x1", "text": text, "tags": ["a", {"b": None}],
                                  "published": "2026-11-30T10:00:00Z"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    from service.analysis import AnalysisOptions

    for terms in (False, True):
        [line] = run(nlp, [source], out, options=AnalysisOptions(variants=False, terms=terms), omit=frozenset({"text"}))
        assert list(line) == ["id", "url", "tags", "published", "quotes"]
        assert line["tags"] == ["a", {"b": None}]
        raw = out.read_bytes()
        assert line_quotes_bytes(raw) == api_quotes_bytes(client, "x1", text, terms=terms)
        assert any(q["kind"] == "term" for q in line["quotes"]) is terms  # type: ignore[union-attr]


def test_every_bad_line_gets_an_error_line_in_place(nlp: Language, tmp_path: Path) -> None:
    """Malformed JSON, no text, a non-string text, too long, bad bytes, not an object: the run goes on."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join([
        json.dumps({"id": "first", "text": TEXT}).encode(),
        b'{"id": "cut", "text": "unfinished',
        b'{"id": "no-text"}',
        b'{"id": "number", "text": 12}',
        json.dumps({"id": "long", "text": "word " * 30}).encode(),
        b'{"id": "latin-1", "text": "caf\xe9"}',
        b"[1, 2]",
        b"",
        b'{"id": 7, "text": "\\ud800 lone surrogate"}',
        json.dumps({"text": TEXT}).encode(),
    ]) + b"\n")
    lines = run(nlp, [source], tmp_path / "out.jsonl", max_chars=100)
    ids = [line["id"] for line in lines]
    assert ids == ["first", f"{source}:2", "no-text", "number", "long", f"{source}:6", f"{source}:7", 7,
                   f"{source}:10"]
    titles = [line["error"]["title"] if "error" in line else None for line in lines]  # type: ignore[index]
    assert titles == [None, "Malformed JSON line", "Missing text", "Invalid text", "Article too long",
                      "Undecodable bytes", "Not an article", "Invalid text", None]
    assert all(("quotes" in line) != ("error" in line) for line in lines)
    assert len(lines[0]["quotes"]) == 2  # type: ignore[arg-type]
    assert [q["id"] for q in lines[-1]["quotes"]] == [f"{source}:10#q1", f"{source}:10#q2"]  # type: ignore[index]


def test_gzip_stdin_like_streams_and_missing_files(nlp: Language, tmp_path: Path) -> None:
    """A .jsonl.gz is read as JSON Lines; a truncated gzip and a missing file each give an error line."""
    rows = [{"id": f"a{n}", "text": f"“Line {n} is here,” Jones said."} for n in range(5)]
    whole = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    (tmp_path / "good.jsonl.gz").write_bytes(whole)
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    lines = run(nlp, [tmp_path / "good.jsonl.gz", tmp_path / "missing.jsonl", tmp_path / "cut.jsonl.gz"],
                tmp_path / "out.jsonl")
    assert [line["id"] for line in lines[:5]] == [r["id"] for r in rows]
    assert all(line["quotes"][0]["speaker"]["name"] == "Jones" for line in lines[:5])  # type: ignore[index]
    assert lines[5]["error"]["title"] == "Unreadable file"  # type: ignore[index]
    assert lines[-1]["error"]["title"] == "Unreadable file" and "broke off" in lines[-1]["error"]["detail"]  # type: ignore[index]
    assert 5 + 1 + 1 <= len(lines) < 5 + 1 + 1 + 5


def test_resume_completes_a_cut_output_without_duplicates(nlp: Language, tmp_path: Path) -> None:
    """A run killed in the middle of a line leaves whole lines and a part; --resume cuts the part and goes on."""
    source = tmp_path / "in.jsonl"
    rows = [{"id": "dup", "text": f"“Number {n} was said,” Ann Lee said."} for n in range(3)]
    rows += [{"id": f"r{n}", "text": f"“Row {n} was said,” Bo Kim said."} for n in range(40)]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    full = tmp_path / "full.jsonl"
    expected = run(nlp, [source], full, workers=2)
    assert len(expected) == len(rows)
    raw = full.read_bytes()
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(raw[: raw.index(b"\n", len(raw) // 3) + 40])  # whole lines, then 40 bytes of the next
    assert run(nlp, [source], cut, resume=True) == expected
    assert cut.read_bytes() == raw
    assert run(nlp, [source], cut, resume=True) == expected  # nothing left to do: nothing appended


def test_indirect_gives_the_api_reported_speech(nlp: Language, client: FlaskClient, tmp_path: Path) -> None:
    """--indirect (options.indirect) adds the API's quotes of kind indirect to the line, byte for byte."""
    text = "Mark Carney told reporters that talks would resume. “We will see,” he said."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "r1", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    from service.analysis import AnalysisOptions

    for indirect in (False, True):
        [line] = run(nlp, [source], out, options=AnalysisOptions(variants=False, indirect=indirect))
        assert line_quotes_bytes(out.read_bytes()) == api_quotes_bytes(client, "r1", text, indirect=indirect)
        assert any(q["kind"] == "indirect" for q in line["quotes"]) is indirect  # type: ignore[union-attr]
