"""Archive runs: JSON Lines in, JSON Lines out (one line per article, in input order), on worker processes or Dask.

    quote-service bulk archive.jsonl.gz articles/ -o quotes.jsonl --workers 2 --resume
    quote-service variants quotes.jsonl -o groups.jsonl

Layout: `inputs` (files -> partitions -> records, errors as records), `annotate` (records -> the API's
quotes as output lines), `local` (worker processes, order, resume), `cluster` (Dask and Spark),
`archive_variants` (variant groups over a whole output).
"""
from service.bulk.annotate import Tally, annotate, annotate_lines
from service.bulk.cluster import annotate_partition, run_on_dask, worker_pipeline
from service.bulk.inputs import InputError, InputRecord, partitions
from service.bulk.local import BulkJob, completed_ids, run_local

__all__ = [
    "BulkJob",
    "InputError",
    "InputRecord",
    "Tally",
    "annotate",
    "annotate_lines",
    "annotate_partition",
    "completed_ids",
    "partitions",
    "run_local",
    "run_on_dask",
    "worker_pipeline",
]
