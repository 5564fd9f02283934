"""A bulk run on a Dask cluster (and the per-partition function a Spark job maps): one model per worker process.

    from distributed import Client
    from service.bulk import BulkJob, run_on_dask
    tally = run_on_dask(Client("tcp://scheduler:8786"), BulkJob(("archive.jsonl",)), Path("out.jsonl"))

The client cuts the input into partitions (byte ranges of plain JSON Lines files, lists of text files,
shipped lines of gzip files); each worker reads its partitions from the shared file system, writes
`OUT.parts/part-NNNNNN.jsonl` (renamed into place when whole) and the client joins the parts in order.
A part already there is not computed again, so a stopped run started again finishes the rest.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from service.analysis import AnalysisOptions
from service.bulk.annotate import Tally, annotate, annotate_lines
from service.bulk.inputs import Partition, partitions
from service.bulk.local import BulkJob

# A worker with several threads shares one model; spaCy's pipeline is not made for concurrent calls.
_MODEL_LOCK = threading.Lock()


@functools.cache
def worker_pipeline() -> Language:
    """This process's pipeline, loaded on first use: once per Dask worker or Spark executor process."""
    from service.config import Settings
    from service.nlp import load_pipeline

    return load_pipeline(Settings.from_env().model)


def annotate_partition(lines: Iterable[str | bytes], options: AnalysisOptions | None = None) -> Iterator[str]:
    """Output lines (with newlines) for one partition of raw JSON Lines: `rdd.mapPartitions(annotate_partition)`."""
    with _MODEL_LOCK:
        yield from annotate_lines(lines, worker_pipeline(), options)


def run_on_dask(client: Any, job: BulkJob, output: Path, *, lines_per_partition: int = 2_000) -> Tally:
    """Run `job` on the cluster of `client` (a `distributed.Client`); writes `output` in input order."""
    parts_dir = output.with_name(output.name + ".parts")
    parts_dir.mkdir(parents=True, exist_ok=True)
    work = list(partitions(job.sources, lines_per_partition=lines_per_partition))
    futures = client.map(
        _run_partition, work, range(len(work)), job=job, parts_dir=str(parts_dir), pure=False
    )
    tally = Tally()
    for future in futures:
        tally.add(future.result())
    partial = output.with_name(output.name + ".partial")
    with open(partial, "wb") as joined:
        for index in range(len(work)):
            with open(_part_path(parts_dir, index), "rb") as part:
                shutil.copyfileobj(part, joined)
    os.replace(partial, output)
    shutil.rmtree(parts_dir)
    return tally


def _part_path(parts_dir: Path | str, index: int) -> Path:
    return Path(parts_dir) / f"part-{index:06d}.jsonl"


def _run_partition(partition: Partition, index: int, *, job: BulkJob, parts_dir: str) -> Tally:
    """On a worker: annotate one partition into its part file, unless a whole one is there already."""
    path = _part_path(parts_dir, index)
    if path.exists():
        return _tally_of(path)
    records = list(partition.records(job.max_chars))
    with _MODEL_LOCK:
        lines, tally = annotate(records, worker_pipeline(), job.options, omit=job.omit)
    written = path.with_suffix(".tmp")
    written.write_text("".join(lines), encoding="utf-8")
    os.replace(written, path)  # whole or absent: a part is never half there
    return tally


def _tally_of(path: Path) -> Tally:
    """The tally of a part written by an earlier run."""
    tally = Tally()
    with open(path, encoding="utf-8") as part:
        for line in part:
            row = json.loads(line)
            tally.articles += 1
            if "error" in row:
                tally.errors += 1
            else:
                tally.quotes += len(row["quotes"])
                tally.words += len(row.get("text", "").split())
    return tally
