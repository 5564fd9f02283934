"""`python -m service extract` prints the API's JSON for files and stdin."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from flask.testing import FlaskClient

from service.nlp import PIPELINE_VERSION

REPO_ROOT = Path(__file__).resolve().parents[1]
TEXT = "“We have natural conflict,” Trump said."


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python -m service ARGS` from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "service", *args],
        input=stdin, capture_output=True, text=True, cwd=REPO_ROOT, timeout=120, check=False,
    )


def test_extract_prints_the_api_answer_for_files_and_stdin(tmp_path: Path, client: FlaskClient) -> None:
    """Ids are the file names ('stdin' for -); the document is the one the API answers."""
    article = tmp_path / "000_article.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = run_cli("extract", str(article), "-", "--no-variants", stdin="Nobody spoke.")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert [a["id"] for a in body["articles"]] == ["000_article.txt", "stdin"]
    assert body["variant_groups"] == []
    assert body["pipeline_version"] == PIPELINE_VERSION
    api = client.post("/v1/quotes", json={
        "articles": [{"id": "000_article.txt", "text": TEXT}, {"id": "stdin", "text": "Nobody spoke."}],
        "options": {"variants": False},
    })
    assert body == api.get_json()


def test_extract_refuses_a_similarity_outside_0_1(tmp_path: Path) -> None:
    """A bad option is a usage error (exit 2), before any model is loaded."""
    result = run_cli("extract", "--min-similarity", "1.5", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "between 0 and 1" in result.stderr


def bulk_input(path: Path, count: int) -> list[dict[str, str]]:
    """`count` short articles as JSON Lines at `path`."""
    rows = [{"id": f"n{n}", "text": f"“Article {n} says this,” Dana Roe said. “And more,” she added."}
            for n in range(count)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def test_bulk_console_script_is_installed_as_the_cli() -> None:
    """`quote-service` (pyproject's console script) is `python -m service`."""
    from importlib.metadata import entry_points

    [script] = [e for e in entry_points(group="console_scripts") if e.name == "quote-service"]
    assert script.value == "service.__main__:main"


def test_bulk_reads_stdin_and_fails_with_status_1_when_an_article_failed(tmp_path: Path) -> None:
    """`-` is JSON Lines on stdin; the bad line is an error line, the summary is on stderr, no bar off a tty."""
    lines = [json.dumps({"id": "a", "text": TEXT}), "{oops", json.dumps({"id": "c", "text": "Nobody spoke."})]
    result = run_cli("bulk", "-", "--workers", "1", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "stdin:2", "c"]
    assert out[0]["quotes"][0]["speaker"]["name"] == "Trump" and out[1]["error"]["title"] == "Malformed JSON line"
    assert "bulk: 3 articles, 1 quotes, 1 errors" in result.stderr
    assert "article/s" not in result.stderr  # the progress bar stays off when stderr is not a terminal
    assert run_cli("bulk", "-", "--progress", "--workers", "1", stdin=lines[0]).stderr.count("article") >= 1


def test_bulk_refuses_resume_without_an_output_file() -> None:
    """--resume appends to --output: without one it is a usage error."""
    result = run_cli("bulk", "-", "--resume")
    assert result.returncode == 2 and "--resume needs --output" in result.stderr


def test_bulk_killed_then_resumed_gives_every_line_once(tmp_path: Path) -> None:
    """SIGKILL mid-run leaves whole lines (and maybe part of one); --resume finishes with no duplicates;
    SIGTERM stops with status 143 after whole lines."""
    source = tmp_path / "in.jsonl"
    rows = bulk_input(source, 3000)
    out = tmp_path / "out.jsonl"
    for signum in (signal.SIGKILL, signal.SIGTERM):
        out.unlink(missing_ok=True)
        process = subprocess.Popen([sys.executable, "-m", "service", "bulk", str(source), "-o", str(out),
                                    "--workers", "2"], cwd=REPO_ROOT, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == (-signum if signum == signal.SIGKILL else 143), stderr
        written = out.read_bytes()
        assert 0 < written.count(b"\n") < len(rows), "the run should have been stopped in the middle"
        if signum == signal.SIGTERM:
            assert written.endswith(b"\n") and b"--resume completes the run" in stderr
        resumed = run_cli("bulk", str(source), "-o", str(out), "--resume", "--workers", "2")
        assert resumed.returncode == 0, resumed.stderr
        ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
        assert ids == [r["id"] for r in rows]
        assert "already done" in resumed.stderr
