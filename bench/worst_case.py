"""Cost per byte of adversarial inputs against prose: seconds per 100 KB and peak memory, one table.

    .venv/bin/python bench/worst_case.py [--sizes 10000,30000,100000] [--limit 60] [--cases prose,she_said,...]

Each case is generated at each size (characters) and extracted with `extract_batch` (parse + rules) in a fresh
child process, so its peak RSS is its own. A case that runs past --limit seconds is stopped and reported as
'> limit'; its larger sizes are skipped (they would only take longer). 'x prose' is the seconds per byte of the
case over that of prose at the same size, measured in the same run; 'CPU x' the same ratio of the child's CPU
seconds (getrusage), which other work on the machine hardly moves. The cases are the shapes a fault probe
found (ISSUE 15) plus the other constructions that stress a stage:
  prose         PolNeAR dev (or the seed articles) concatenated to the size
  she_said      P named people, then Q quotes “...,” she said (NameRegistry.recent_people was Q·P²)
  char_lines    one character a line ("a\\n" repeated): a token and a sentence every two characters; no quote
                mark, so (indirect off) it needs no parse
  quoted_lines  the same after one quoted sentence: the whole text is parsed (the per-token floor)
  long_line     prose with every line break replaced by a space: chunks must cut at sentence ends
  quote_marks   a quote mark every few words, never balanced
  no_spaces     one word of letters as long as the size (the tokenizer's long-run path)
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus import one_blas_thread  # noqa: E402

one_blas_thread()  # as the service's workers run: the per-byte costs are the service's
# ../shared beside the checkout, else beside the working directory (a checkout benchmarked from elsewhere).
SHARED = next((p for p in (ROOT.parent / "shared", Path.cwd().parent / "shared") if p.is_dir()), ROOT / "shared")
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"
SEED_ARTICLES = SHARED / "data" / "seeds" / "articles"
# Men ("Mr."), quoted as "she": no antecedent matches, so every quote scans every person mentioned before it.
FIRST = ("James", "Pedro", "Lars", "Tomas", "David", "Michael", "John", "Robert", "William", "Richard", "Thomas",
         "Paul")
# The registry knows people by surname: each person needs a surname of their own (1,000 made of syllables).
_SYLLABLES = (("Bar", "Kel", "Mor", "Dun", "Fal", "Gar", "Hol", "Lin", "Mar", "Ros"),
              ("den", "ford", "ley", "ton", "wick", "more", "by", "well", "stead", "ham"),
              ("", "s", "er", "ing", "man", "worth", "ridge", "field", "dale", "brook"))
LAST = tuple(a + b + c for c in _SYLLABLES[2] for b in _SYLLABLES[1] for a in _SYLLABLES[0])


def prose_corpus() -> str:
    """News text: PolNeAR dev when present, else the seed articles, else a fixed paragraph."""
    if POLNEAR_DEV.is_file():
        with POLNEAR_DEV.open(encoding="utf-8") as lines:
            return "\n\n".join(json.loads(line)["text"] for _, line in zip(range(400), lines, strict=False))
    if SEED_ARTICLES.is_dir():
        return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED_ARTICLES.glob("*.txt")))
    return "“We have natural conflict,” Trump said on Tuesday. Carney told reporters: “We have a plan.”\n\n" * 50


def repeat_to(text: str, size: int) -> str:
    """`text` repeated and cut to `size` characters."""
    return (text * (size // max(len(text), 1) + 1))[:size]


def prose(size: int) -> str:
    """Real news text of `size` characters."""
    return repeat_to(prose_corpus(), size)


def she_said(size: int) -> str:
    """Half the size naming distinct men, half quotes attributed to 'she'."""
    people: list[str] = []
    n = 0
    while sum(map(len, people)) < size // 2:
        people.append(f"Mr. {FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]} spoke at the meeting.\n")
        n += 1
    quote = "“We will keep working on this,” she said.\n"
    return repeat_to("".join(people), size // 2) + repeat_to(quote, size - size // 2)


def char_lines(size: int) -> str:
    """One letter per line."""
    return repeat_to("a\n", size)


def quoted_lines(size: int) -> str:
    """One quoted sentence, then one letter per line: the quote makes the whole article need its parse."""
    quote = "“We will keep working on this,” she said.\n"
    return quote + char_lines(size - len(quote))


def long_line(size: int) -> str:
    """Prose without a single line break."""
    return repeat_to(prose_corpus().replace("\n", " "), size)


def quote_marks(size: int) -> str:
    """Unbalanced quote marks among words."""
    return repeat_to("He said “the plan is ” a “ and ” then “ more words follow here ", size)


def no_spaces(size: int) -> str:
    """One long run of letters."""
    return repeat_to("abcdefghij", size)


CASES: dict[str, Callable[[int], str]] = {
    "prose": prose, "she_said": she_said, "char_lines": char_lines, "quoted_lines": quoted_lines,
    "long_line": long_line, "quote_marks": quote_marks, "no_spaces": no_spaces,
}


def measure(case: str, size: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """In a child: load the pipeline, extract one text of `case` at `size`; put (seconds, CPU seconds, peak RSS MB,
    RSS growth MB, quotes)."""
    from service.nlp import load_pipeline
    from service.nlp.extract import extract_batch

    nlp = load_pipeline()
    extract_batch(nlp, [prose(2000)])  # warm up
    text = CASES[case](size)
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    quotes = extract_batch(nlp, [text])[0]
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    queue.put((seconds, cpu, after.ru_maxrss / 1024, (after.ru_maxrss - before.ru_maxrss) / 1024, len(quotes)))


def run(case: str, size: int, limit: float) -> tuple[float, float, float, float, int] | None:
    """(seconds, CPU seconds, peak RSS MB, RSS growth MB, quotes) of one case, or None past `limit` seconds."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=measure, args=(case, size, queue))
    child.start()
    try:
        result: tuple[float, float, float, float, int] = queue.get(timeout=limit + 30)  # + model loading
    except Exception:
        result = None  # type: ignore[assignment]
    if child.is_alive():
        child.kill()
    child.join()
    if result is not None and result[0] > limit:
        return None
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,30000,100000", help="characters, comma-separated")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a case is stopped (default 60)")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated subset of: " + ", ".join(CASES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    cases = args.cases.split(",")
    prose_per_byte: dict[int, tuple[float, float]] = {}  # size -> (seconds, CPU seconds) per byte
    print(f"{'case':<12} {'chars':>9} {'seconds':>9} {'s/100KB':>9} {'x prose':>8} {'CPU s':>8} {'CPU x':>6} "
          f"{'peak MB':>8} {'+MB':>7} {'quotes':>7}")
    for case in (["prose"] if "prose" not in cases else []) + cases:
        stopped = False
        for size in sizes:
            if stopped:
                print(f"{case:<12} {size:>9} {'skipped':>9}")
                continue
            result = run(case, size, args.limit)
            if result is None:
                per_100kb = format(args.limit * 100_000 / size, ".1f")
                print(f"{case:<12} {size:>9} {'>' + format(args.limit, 'g'):>9} {'>' + per_100kb:>9}")
                stopped = True
                continue
            seconds, cpu, peak, grown, quotes = result
            if case == "prose":
                prose_per_byte[size] = (seconds / size, cpu / size)
            wall_ratio, cpu_ratio = ((seconds / size / prose_per_byte[size][0], cpu / size / prose_per_byte[size][1])
                                     if size in prose_per_byte else (float("nan"), float("nan")))
            print(f"{case:<12} {size:>9} {seconds:>9.2f} {seconds / size * 100_000:>9.2f} {wall_ratio:>8.2f} "
                  f"{cpu:>8.2f} {cpu_ratio:>6.2f} {peak:>8.0f} {grown:>7.0f} {quotes:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
