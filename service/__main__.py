"""The CLI (`quote-service` or `python -m service`).

  extract FILE...           print the API's JSON for text files (one batch)
  bulk SOURCE...            an archive: JSON Lines in, JSON Lines out, one line per article, resumable
  variants OUT.jsonl        variant groups over a whole bulk output, one JSON line per group
  serve                     run gunicorn with service/gunicorn_conf.py
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

GUNICORN_CONF = Path(__file__).with_name("gunicorn_conf.py")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command named in `argv` (default: sys.argv[1:])."""
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return extract(args.files, variants=args.variants, min_similarity=args.min_similarity)
    if args.command == "bulk":
        from service.bulk_cli import bulk

        return bulk(args)
    if args.command == "variants":
        from service.bulk_cli import variants

        return variants(args)
    return serve(port=args.port, bind=args.bind)


def extract(files: Sequence[str], *, variants: bool, min_similarity: float | None) -> int:
    """Print the `POST /v1/quotes` response for `files` as one batch; `-` reads stdin."""
    # Imported here so `serve` and `--help` start without loading spaCy.
    from service.analysis import AnalysisOptions, ArticleInput, analyse
    from service.api.schemas import dump_analysis
    from service.app import cache_from_settings
    from service.config import Settings
    from service.nlp import load_pipeline
    from service.variants import DEFAULT_MIN_SIMILARITY

    names = ["stdin" if f == "-" else Path(f).name for f in files]
    # Article ids must be unique; two files of the same name keep their paths instead.
    ids = names if len(set(names)) == len(names) else list(files)
    articles = [ArticleInput(id=i, text=_read_text(f)) for i, f in zip(ids, files, strict=True)]
    options = AnalysisOptions(
        variants=variants,
        min_similarity=DEFAULT_MIN_SIMILARITY if min_similarity is None else min_similarity,
    )
    settings = Settings.from_env()
    analysis = analyse(
        articles, options, nlp=load_pipeline(settings.model), cache=cache_from_settings(settings)
    )
    json.dump(dump_analysis(analysis), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def serve(*, port: int | None, bind: str | None) -> int:
    """Replace this process with gunicorn using service/gunicorn_conf.py."""
    if port is not None:
        os.environ["PORT"] = str(port)
    if bind is not None:
        os.environ["BIND"] = bind
    argv = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)]
    os.execv(sys.executable, argv)
    return 1  # not reached: execv only returns by raising


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def _similarity(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {raw}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quote-service", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser("extract", help="print quotes of text files as the API's JSON")
    extract_cmd.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file, or - for stdin")
    extract_cmd.add_argument(
        "--no-variants", dest="variants", action="store_false", help="skip variant grouping"
    )
    extract_cmd.add_argument(
        "--min-similarity", type=_similarity, default=None, help="variant threshold, 0..1"
    )
    from service.bulk_cli import add_bulk_commands

    add_bulk_commands(commands, similarity=_similarity)
    serve_cmd = commands.add_parser("serve", help="run gunicorn with service/gunicorn_conf.py")
    serve_cmd.add_argument("--port", type=int, default=None, help="port on 127.0.0.1 (default $PORT or 8000)")
    serve_cmd.add_argument("--bind", default=None, help="host:port, overrides --port (default $BIND)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
