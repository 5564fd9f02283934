"""`python -m service extract` prints the API's JSON for files and stdin."""
from __future__ import annotations

import json
import subprocess
import sys
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
