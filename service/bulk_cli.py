"""The `bulk` and `variants` commands of the CLI; heavy imports wait until a command runs."""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

# Extraction options of `POST /v1/quotes` that the bulk command takes as flags (`--terms`, `--indirect`).
OPTION_FLAGS = {
    "terms": "also return scare quotes and labels (kind 'term'), as the API's options.terms",
    "indirect": "also return reported speech (kind 'indirect'), as the API's options.indirect",
}
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
EXIT_FAILED_ARTICLES = 1
EXIT_USAGE = 2


def add_bulk_commands(commands: Any, *, similarity: Callable[[str], float]) -> None:
    """Add `bulk` and `variants` to the CLI's subcommands."""
    bulk_cmd = commands.add_parser(
        "bulk", help="quotes of an archive: JSON Lines in, JSON Lines out, one line per article",
        description="Quotes of every article, one output line each, in input order, with the input's other "
        "fields and the API's `quotes` (or an `error`). Exit status 1 when an article failed.",
    )
    bulk_cmd.add_argument("sources", nargs="+", metavar="SOURCE",
                          help="JSON Lines file (.jsonl, gzip read as such), directory of .txt files, or -")
    bulk_cmd.add_argument("-o", "--output", default="-", help="output JSON Lines file (default: stdout)")
    bulk_cmd.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                          help="worker processes (default: the cores)")
    bulk_cmd.add_argument("--resume", action="store_true",
                          help="skip articles whose id is already in --output and append the rest")
    bulk_cmd.add_argument("--progress", action="store_true",
                          help="show the progress bar even when stderr is no terminal")
    bulk_cmd.add_argument("--drop-text", action="store_true", help="leave each article's `text` out of the output")
    bulk_cmd.add_argument("--scheduler", metavar="ADDRESS",
                          help="run on the Dask cluster at ADDRESS (tcp://HOST:8786); needs quote-service[dask]")
    for name, help_text in OPTION_FLAGS.items():
        bulk_cmd.add_argument(f"--{name}", action="store_true", help=help_text)

    variants_cmd = commands.add_parser(
        "variants", help="variant groups over a bulk output, one JSON line per group",
        description="Groups the quotes of a whole bulk output with the API's engine; with `published` fields the "
        "members are ordered by it, the earliest first.",
    )
    variants_cmd.add_argument("inputs", nargs="+", metavar="OUT.jsonl", help="output of `bulk` (gzip read as such)")
    variants_cmd.add_argument("-o", "--output", default="-", help="groups as JSON Lines (default: stdout)")
    variants_cmd.add_argument("--min-similarity", type=similarity, default=None, help="variant threshold, 0..1")
    variants_cmd.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                              help="worker processes (default: the cores)")


def bulk(args: argparse.Namespace) -> int:
    """Run the `bulk` command; prints a summary on stderr."""
    # One BLAS thread per process, set before numpy loads: N workers with a thread per core each fight
    # over the cores (bench/bulk.py on 2 workers: 2.2 x raw spaCy's words/s with the default, 4.2 x so).
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    from service.analysis import AnalysisOptions
    from service.bulk import BulkJob
    from service.bulk.local import Interrupted
    from service.config import Settings

    if args.resume and args.output == "-":
        print("error: --resume needs --output FILE", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings.from_env()
    job = BulkJob(
        sources=tuple(args.sources),
        options=AnalysisOptions(variants=False, terms=args.terms, indirect=args.indirect),
        omit=frozenset({"text"}) if args.drop_text else frozenset(),
        max_chars=settings.max_article_chars,
    )
    started = time.perf_counter()
    skipped = 0
    try:
        if args.scheduler:
            tally = _bulk_on_dask(args, job)
        else:
            tally, skipped = _bulk_here(args, job, settings.model)
    except KeyboardInterrupt:
        _stop("bulk: interrupted; the lines written are whole, --resume completes the run", 130)
    except Interrupted:
        _stop("bulk: stopped by SIGTERM; the lines written are whole, --resume completes the run", 143)
    _summary(tally, skipped, time.perf_counter() - started)
    return EXIT_FAILED_ARTICLES if tally.errors else 0


def _stop(message: str, status: int) -> NoReturn:
    """End a stopped run now. Its lines are written and the output closed; the interpreter's own exit would join
    the worker pool's threads, which can wait for ever on a pipe to a worker already terminated (seen under
    load in tests/test_cli.py: the message printed, the process alive a minute later)."""
    print(message, file=sys.stderr, flush=True)
    os._exit(status)


def _bulk_here(args: argparse.Namespace, job: Any, model: str) -> tuple[Any, int]:
    from service.bulk import completed_ids, run_local
    from service.nlp import load_pipeline

    skip = completed_ids(Path(args.output)) if args.resume else None
    nlp = load_pipeline(model)
    progress = args.progress or sys.stderr.isatty()
    if args.output == "-":
        return run_local(job, nlp, sys.stdout.fileno(), workers=args.workers, progress=progress), 0
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if args.resume else os.O_TRUNC)
    fd = os.open(args.output, flags, 0o644)
    try:
        tally = run_local(job, nlp, fd, workers=args.workers, skip=skip, progress=progress)
    finally:
        os.close(fd)
    return tally, sum(skip.values()) if skip else 0


def _bulk_on_dask(args: argparse.Namespace, job: Any) -> Any:
    if args.output == "-":
        raise SystemExit("error: --scheduler needs --output FILE (the workers write its parts)")
    try:
        from distributed import Client
    except ImportError:
        raise SystemExit("error: --scheduler needs Dask: pip install 'quote-service[dask]'") from None
    from service.bulk import run_on_dask

    with Client(args.scheduler) as client:  # type: ignore[no-untyped-call]
        return run_on_dask(client, job, Path(args.output))


def _summary(tally: Any, skipped: int, seconds: float) -> None:
    rate = tally.words / seconds if seconds > 0 else 0.0
    resumed = f", {skipped} already done" if skipped else ""
    print(f"bulk: {tally.articles} articles, {tally.quotes} quotes, {tally.errors} errors{resumed}; "
          f"{tally.words} words in {seconds:.1f} s ({rate:,.0f} words/s)", file=sys.stderr)


def variants(args: argparse.Namespace) -> int:
    """Run the `variants` command: one JSON line per group of the whole output."""
    from service.bulk.archive_variants import write_archive_groups
    from service.variants import DEFAULT_MIN_SIMILARITY

    min_similarity = DEFAULT_MIN_SIMILARITY if args.min_similarity is None else args.min_similarity
    started = time.perf_counter()
    if args.output == "-":
        count, quotes = write_archive_groups(args.inputs, sys.stdout, min_similarity=min_similarity,
                                             workers=args.workers)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            count, quotes = write_archive_groups(args.inputs, out, min_similarity=min_similarity,
                                                 workers=args.workers)
    print(f"variants: {count} groups over {quotes} quotes in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def _positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {raw}")
    return value
