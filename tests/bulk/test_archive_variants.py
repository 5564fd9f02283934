"""`quote-service variants` over a bulk output: the API's groups, members ordered by `published`."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from spacy.language import Language

from service.bulk import BulkJob, run_local
from service.bulk.archive_variants import write_archive_groups

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seeds" / "articles"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/data/seeds")
def test_groups_of_a_bulk_output_are_the_apis_ordered_by_published(
    nlp: Language, client: FlaskClient, tmp_path: Path
) -> None:
    """Same groups and members as one API request over the articles; the earliest published is canonical."""
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in names}
    # The last article was published first: published order is the reverse of the order of the files.
    published = {name: f"2025-05-0{len(names) - n}T12:00:00Z" for n, name in enumerate(names)}
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": texts[n], "published": published[n]}) + "\n"
                              for n in names), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    fd = os.open(out, os.O_WRONLY | os.O_CREAT)
    try:
        run_local(BulkJob((str(source),), omit=frozenset({"text"})), nlp, fd, workers=1)
    finally:
        os.close(fd)
    written = io.StringIO()
    count, quotes = write_archive_groups([str(out)], written, min_similarity=0.6, workers=2)
    lines = [json.loads(line) for line in written.getvalue().splitlines()]
    api = client.post("/v1/quotes", json={"articles": [{"id": n, "text": texts[n]} for n in names]}).get_json()
    assert count == len(lines) == len(api["variant_groups"]) > 3
    assert quotes == sum(len(a["quotes"]) for a in api["articles"])
    for line, group in zip(lines, api["variant_groups"], strict=True):
        assert line["id"] == group["id"] and line["speaker_conflict"] == group["speaker_conflict"]
        assert line["fullest_quote_id"] == group["canonical_quote_id"]
        api_members = {m["quote_id"]: m for m in group["members"]}
        assert {m["quote_id"] for m in line["members"]} == set(api_members)
        for member in line["members"]:
            extra = {"article_id", "published", "text"}
            assert {k: v for k, v in member.items() if k not in extra} == api_members[member["quote_id"]]
            assert member["published"] == published[member["article_id"]]
            assert member["quote_id"].startswith(member["article_id"] + "#")
        order = [m["published"] for m in line["members"]]
        assert order == sorted(order) and line["canonical_quote_id"] == line["members"][0]["quote_id"]
    assert any(line["canonical_quote_id"] != line["fullest_quote_id"] for line in lines)
