"""How long one long article keeps the other threads of a worker waiting, stage by stage.

    .venv/bin/python bench/gil_pauses.py [--root DIR] [--chars 100000] [--text char_lines|prose]

A ticker thread sleeps 1 ms in a loop while the article is parsed chunk by chunk, joined and extracted; its
longest pause in each stage is how long a /healthz in the same gthread worker would have waited for the GIL
(plus the machine's own scheduling noise: compare rows of one run). `--root` analyses with the code of another
checkout (e.g. `git archive main`), for a before/after table.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROSE = "The minister said on Tuesday that the plan would go ahead. “We will not wait,” she told reporters.\n"


class Ticker:
    """A thread that sleeps 1 ms at a time and records the gaps between its wake-ups."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            self.gaps.append(now - last)
            last = now

    def stage(self, work: Callable[[], Any]) -> tuple[Any, float, float]:
        """(result, seconds, longest pause) of `work`."""
        time.sleep(0.05)
        self.gaps.clear()
        start = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - start
        return result, seconds, max(self.gaps, default=seconds)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(ROOT), help="checkout whose service/ is measured")
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--text", choices=("char_lines", "prose"), default="char_lines")
    args = parser.parse_args()
    sys.path.insert(0, args.root)
    from spacy.tokens import Doc

    from service.nlp.extract import extract_quotes
    from service.nlp.pipeline import _parse_turn, chunk_bounds, load_pipeline

    unit = "a\n" if args.text == "char_lines" else PROSE
    text = (unit * (args.chars // len(unit) + 1))[: args.chars]
    nlp = load_pipeline()
    ticker = Ticker()
    bounds = chunk_bounds(text)
    parts, parse_s, parse_pause = ticker.stage(lambda: [d for s, e in bounds for d in _parse_turn(nlp, [text[s:e]])])
    doc, join_s, join_pause = ticker.stage(
        lambda: Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"]) if len(parts) > 1 else parts[0]
    )
    _, extract_s, extract_pause = ticker.stage(lambda: extract_quotes(doc, indirect=True))
    ticker.stop()
    print(f"{'root':<16}{'text':<11}{'chars':>8}{'chunks':>7}{'tok/chunk':>10}"
          f"{'parse s':>9}{'pause':>7}{'join s':>8}{'pause':>7}{'extract s':>10}{'pause':>7}")
    print(f"{Path(args.root).name:<16}{args.text:<11}{args.chars:>8}{len(bounds):>7}{max(len(p) for p in parts):>10}"
          f"{parse_s:>9.1f}{parse_pause:>7.3f}{join_s:>8.2f}{join_pause:>7.3f}{extract_s:>10.2f}{extract_pause:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
