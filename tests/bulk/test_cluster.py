"""The bulk job on a real Dask LocalCluster (two worker processes) equals the one-machine run line for line."""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from spacy.language import Language

from service.bulk import BulkJob, annotate_partition, run_local, run_on_dask

TEXTS = (
    "“We have natural conflict,” Trump said. “We also have mutual love,” he added.",
    "The minister said the talks were “constructive” and would resume.",
    "“It is a good start,” said Mark Carney, the prime minister.",
)


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Client]:
    """Two worker processes, one thread each, on free ports."""
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, scheduler_port=0,
                     dashboard_address=":0") as cluster,  # the HTTP server starts anyway: 8787 may be taken
        Client(cluster) as client,
    ):
        yield client


def archive(folder: Path) -> list[str]:
    """Three inputs: a plain JSON Lines file (split into byte ranges), a gzip one, a directory of .txt files."""
    rows = [{"id": f"p{n}", "text": TEXTS[n % 3], "n": n} for n in range(23)]
    lines = [json.dumps(r) for r in rows]
    lines.insert(7, '{"id": "broken", "text": ')  # an error line inside a partition
    (folder / "plain.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "packed.jsonl.gz").write_bytes(gzip.compress(
        "".join(json.dumps({"text": t}) + "\n" for t in TEXTS * 3).encode()))
    texts = folder / "texts"
    texts.mkdir()
    for n, text in enumerate(TEXTS):
        (texts / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    return [str(folder / "plain.jsonl"), str(folder / "packed.jsonl.gz"), str(texts)]


def test_dask_output_equals_the_local_output(dask_client: Client, nlp: Language, tmp_path: Path) -> None:
    """Partitions of 4 lines read by the workers, written per partition, joined in order: the same bytes."""
    job = BulkJob(tuple(archive(tmp_path)))
    local = tmp_path / "local.jsonl"
    fd = os.open(local, os.O_WRONLY | os.O_CREAT)
    try:
        run_local(job, nlp, fd, workers=1)
    finally:
        os.close(fd)
    distributed = tmp_path / "dask.jsonl"
    tally = run_on_dask(dask_client, job, distributed, lines_per_partition=4)
    assert distributed.read_text(encoding="utf-8").splitlines() == local.read_text(encoding="utf-8").splitlines()
    assert tally.articles == 24 + 9 + 3 and tally.errors == 1
    assert not (tmp_path / "dask.jsonl.parts").exists()
    # Both worker processes took part: each loaded its own model.
    workers = {w["id"] for w in dask_client.scheduler_info()["workers"].values()}
    assert len(workers) == 2


def test_a_stopped_dask_run_reuses_its_finished_parts(dask_client: Client, nlp: Language, tmp_path: Path) -> None:
    """A part left by an earlier run is kept as it is; only the missing ones are computed."""
    job = BulkJob(tuple(archive(tmp_path)))
    out = tmp_path / "dask.jsonl"
    parts = tmp_path / "dask.jsonl.parts"
    parts.mkdir()
    marker = '{"id":"from-the-earlier-run","quotes":[]}\n'
    (parts / "part-000000.jsonl").write_text(marker, encoding="utf-8")
    tally = run_on_dask(dask_client, job, out, lines_per_partition=4)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[0] == marker and json.loads(lines[1])["id"] == "p4"
    assert tally.articles == 1 + (24 - 4) + 9 + 3


def test_the_spark_partition_function_gives_the_same_lines(nlp: Language, tmp_path: Path) -> None:
    """`annotate_partition` over raw lines (what `rdd.mapPartitions` hands it) writes the bulk lines."""
    rows = [json.dumps({"id": f"s{n}", "text": TEXTS[n]}) for n in range(3)]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    local = tmp_path / "local.jsonl"
    fd = os.open(local, os.O_WRONLY | os.O_CREAT)
    try:
        run_local(BulkJob((str(source),)), nlp, fd, workers=1)
    finally:
        os.close(fd)
    assert "".join(annotate_partition(iter(rows))) == local.read_text(encoding="utf-8")
