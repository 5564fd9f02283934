"""Benchmark of variant grouping on synthetic quotes with planted variants.

    .venv/bin/python bench/variants.py --quotes 5000 [--seed 7]
    .venv/bin/python bench/variants.py --quotes 1000000 --archive [--workers 2]   # as `quote-service variants`
    .venv/bin/python bench/variants.py --polnear ../shared/data/polnear   # threshold evidence

Synthetic mode builds N quotes from a vocabulary of a few thousand made-up content words plus real
English function words (so unrelated quotes share "the", "we", "have"), plants families of quotes
that render one utterance (identical copies, fragments, rewordings, stitched quotes, a copy with
another speaker), groups them in-process and scores pairs: a planted pair is two quotes of one
family. Time is the best of a few runs. The last line printed is one JSON object:
{"quotes": N, "seconds": S, "groups": G, "planted_recall": R, "planted_precision": P}.

PolNeAR mode prints, per relation and number of content words, how many quote pairs link within one
week of news against across weeks (chance, scaled to the number of within-week pairs): the data the
thresholds in service/variants/match.py were chosen on.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.variants import QuoteRef, VariantGroup, group_variants  # noqa: E402
from service.variants.archive import group_archive_variants  # noqa: E402
from service.variants.groups import DEFAULT_MIN_SIMILARITY, candidate_pairs  # noqa: E402
from service.variants.normalise import normalise  # noqa: E402

# Real function words, most frequent first: every quote has some, so they must not make candidates.
FUNCTION_WORDS = (
    "the we to and a of have that it is in will be they i you not for on are this with our do can "
    "was but going at so just all would very there what about them he she his her from by or if "
    "more been were has had could should an as up out no when who which than then now also us me "
    "my your their its how"
).split()

_ONSETS = "b c d f g h j k l m n p r s t v w z br cl dr fl gr pl pr st tr sk sp".split()
_VOWELS = "a e i o u ai ea ou".split()
_CODAS = ["", "", "n", "r", "s", "t", "l", "m"]


@dataclass
class Synthetic:
    """Generated quotes with their planted families (quote indices that render one utterance)."""

    quotes: list[QuoteRef] = field(default_factory=list)
    families: list[list[int]] = field(default_factory=list)
    kinds: dict[int, str] = field(default_factory=dict)  # planted relation of each variant

    def planted_pairs(self) -> set[tuple[str, str]]:
        """Unordered pairs of quote ids that share a family."""
        pairs: set[tuple[str, str]] = set()
        for family in self.families:
            ids = sorted({self.quotes[i].quote_id for i in family})
            pairs.update(combinations(ids, 2))
        return pairs


class _Generator:
    """Seeded generator of words, sentences and planted variants."""

    def __init__(self, seed: int, vocabulary: int = 3000) -> None:
        self.rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            syllables = self.rng.choice((2, 2, 3))
            words.add(
                "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) for _ in range(syllables))
                + self.rng.choice(_CODAS)
            )
        self.content = sorted(words)
        self.rng.shuffle(self.content)
        # Zipf-like weights: a few content words are everywhere, most are rare.
        # Cumulative weights, as random.choices computes them from weights (same draws, without the
        # O(vocabulary) sum on every call that made a million quotes take hours to generate).
        self.content_weights = list(itertools.accumulate(1 / (rank + 5) for rank in range(len(self.content))))
        self.function_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(FUNCTION_WORDS))))
        self.speakers = [f"Speaker {k}" for k in range(60)]

    def words(self, length: int) -> list[str]:
        """A run of words, about half of them function words."""
        out: list[str] = []
        for _ in range(length):
            if self.rng.random() < 0.45:
                out.append(self.rng.choices(FUNCTION_WORDS, cum_weights=self.function_weights)[0])
            else:
                out.append(self.rng.choices(self.content, cum_weights=self.content_weights)[0])
        return out

    def length(self, low: int, high: int) -> int:
        """A quote length, skewed short: most quotes are a clause or a sentence."""
        return min(high, low + int(self.rng.expovariate(1 / 12)))

    def render(self, words: Sequence[str]) -> str:
        """Print words as a quote: capital first letter, a comma now and then, maybe a full stop."""
        parts = list(words)
        for k in range(1, len(parts) - 1):
            if self.rng.random() < 0.07:
                parts[k] += ","
        text = " ".join(parts)
        text = text[:1].upper() + text[1:]
        return text + self.rng.choice((".", ",", "", "."))

    def speaker(self) -> str:
        """A speaker name from a small pool."""
        return self.rng.choice(self.speakers)


def _content_positions(words: Sequence[str]) -> list[int]:
    """Indices of content words (not function words)."""
    return [k for k, w in enumerate(words) if w not in FUNCTION_WORDS]


def _fragment(gen: _Generator, words: list[str]) -> list[str] | None:
    """A contiguous piece with at least two content words, shorter than the whole."""
    for _ in range(20):
        size = gen.rng.randint(3, min(12, len(words) - 1))
        start = gen.rng.randint(0, len(words) - size)
        piece = words[start : start + size]
        if len(_content_positions(piece)) >= 2:
            return piece
    return None


def _reword(gen: _Generator, words: list[str]) -> list[str] | None:
    """Swap one inner content word; sometimes also drop a function word or contract "we have"."""
    content = _content_positions(words)
    if len(content) < 5:
        return None
    out = list(words)
    out[gen.rng.choice(content[1:-1])] = gen.rng.choice(gen.content)
    if gen.rng.random() < 0.5:
        inner = [k for k in range(1, len(out) - 1) if out[k] in FUNCTION_WORDS]
        if inner:
            del out[gen.rng.choice(inner)]
    text = " ".join(out).replace("we have", "we’ve").replace("do not", "don’t")
    return text.split(" ")


def synthesise(n: int, seed: int = 7) -> Synthetic:
    """N quotes: about a third in planted families, the rest unrelated sentences."""
    gen = _Generator(seed)
    data = Synthetic()
    bases: dict[str, list[tuple[list[str], int]]] = defaultdict(list)  # speaker -> utterance words, family

    def add(text: str, speaker: str | None, kind: str, *families: int) -> None:
        index = len(data.quotes)
        data.quotes.append(QuoteRef(f"a{index % 97:02d}#q{index}", text, speaker, f"a{index % 97:02d}"))
        data.kinds[index] = kind
        for family in families:
            data.families[family].append(index)

    while len(data.quotes) < n:
        if gen.rng.random() < 0.65:
            add(gen.render(gen.words(gen.length(2, 60))), gen.speaker(), "unrelated")
            continue
        words = gen.words(gen.length(8, 60))
        if len(_content_positions(words)) < 5:
            continue
        speaker = gen.speaker()
        family = len(data.families)
        data.families.append([])
        add(gen.render(words), speaker, "full", family)
        for _ in range(gen.rng.randint(1, 4)):
            roll = gen.rng.random()
            if roll < 0.25:
                add(gen.render(words), speaker, "identical", family)
            elif roll < 0.55:
                piece = _fragment(gen, words)
                if piece:
                    add(gen.render(piece), gen.rng.choice((speaker, speaker, None)), "fragment", family)
            elif roll < 0.8:
                reworded = _reword(gen, words)
                if reworded:
                    add(gen.render(reworded), speaker, "reworded", family)
            elif roll < 0.92:
                same_speaker = bases[speaker]
                if same_speaker:
                    other_words, other_family = gen.rng.choice(same_speaker)
                    head = words[: gen.rng.randint(4, max(4, len(words) // 2))]
                    tail = other_words[-gen.rng.randint(4, max(4, len(other_words) // 2)) :]
                    if len(_content_positions(head)) >= 2 and len(_content_positions(tail)) >= 2:
                        text = gen.render(head).rstrip(".,") + " … " + " ".join(tail)
                        add(text, speaker, "stitched", family, other_family)
            elif len(_content_positions(words)) >= 4:
                add(gen.render(words), gen.speaker(), "misattributed", family)
        bases[speaker].append((words, family))
    data.quotes = data.quotes[:n]
    data.families = [[i for i in f if i < n] for f in data.families]
    return data


def predicted_pairs(groups: Sequence[VariantGroup]) -> set[tuple[str, str]]:
    """Unordered pairs of quote ids that share a predicted group."""
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        pairs.update(combinations(sorted({m.quote_id for m in group.members}), 2))
    return pairs


def score(data: Synthetic, groups: Sequence[VariantGroup]) -> tuple[float, float]:
    """Planted recall and precision over quote pairs."""
    planted = data.planted_pairs()
    predicted = predicted_pairs(groups)
    hits = len(planted & predicted)
    recall = hits / len(planted) if planted else 1.0
    precision = hits / len(predicted) if predicted else 1.0
    return recall, precision


def run_synthetic(n: int, seed: int, *, archive: bool = False, workers: int = 1) -> dict[str, float | int]:
    """Generate, group, print a small table, return the summary.

    `archive` groups with `group_archive_variants` (what `quote-service variants` runs) on `workers`
    processes instead of the request's `group_variants`; the groups are the same.
    """
    data = synthesise(n, seed)
    rss_before = _peak_rss_mb()
    # Best of a few runs, as timeit does: the machine is shared, and the minimum is the run that
    # other processes disturbed least. Each run starts from a collected heap.
    seconds = float("inf")
    cpu = float("inf")
    steps: dict[str, float] = {}
    for _ in range(7 if n <= 1000 else 5 if n <= 10000 else 1):
        gc.collect()
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        if archive:
            groups = group_archive_variants(data.quotes, workers=workers, stats=steps)
        else:
            groups = group_variants(data.quotes)
        seconds = min(seconds, time.perf_counter() - start)
        cpu = min(cpu, _cpu_seconds() - start_cpu)
    peak = _peak_rss_mb()
    recall, precision = score(data, groups)
    if archive:
        candidates = int(steps["candidates"])  # counted by the run itself: a second pass would double the wait
    else:
        candidates = len(candidate_pairs([normalise(q.text) for q in data.quotes]))
    # Recall by planted relation: a variant counts as found when it shares a group with its full quote.
    together = predicted_pairs(groups)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for family in data.families:
        full = data.quotes[family[0]].quote_id
        for index in family[1:]:
            kind = data.kinds[index]
            total[kind] += 1
            found[kind] += tuple(sorted((full, data.quotes[index].quote_id))) in together
    relations = Counter(m.relation for g in groups for m in g.members[1:])
    print(
        f"quotes {n}  seed {seed}  candidates {candidates}  groups {len(groups)}  "
        f"conflicts {sum(g.speaker_conflict for g in groups)}  {seconds:.2f}s"
    )
    print(f"{'planted variant':<16}{'found':>8}{'of':>8}")
    for kind in sorted(total):
        print(f"{kind:<16}{found[kind]:>8}{total[kind]:>8}")
    print("members by relation: " + ", ".join(f"{r} {c}" for r, c in sorted(relations.items())))
    if archive:
        print("steps (wall / CPU s): " + ", ".join(
            f"{name} {steps[name + '_seconds']:.1f} / {steps[name + '_cpu']:.1f}"
            for name in ("normalise", "candidates", "match", "group")
        ) + f"; linked pairs {int(steps['linked'])}")
    print(f"peak RSS {peak} MB (after generating the quotes: {rss_before} MB); CPU {cpu:.1f} s, this process "
          f"and its workers; load {os.getloadavg()[0]:.1f}")
    return {
        "quotes": n,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 1),
        "peak_rss_mb": peak,
        "groups": len(groups),
        "planted_recall": round(recall, 4),
        "planted_precision": round(precision, 4),
    }


def _peak_rss_mb() -> int:
    """The largest resident set of this process, or of one of its finished workers, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) // 1024


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished workers: on a shared machine, what the work cost."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_polnear(folder: Path) -> None:
    """Links within one week versus across weeks, by relation and content words (chance baseline)."""
    import datetime
    import re

    from service.variants.groups import _speakers_compatible
    from service.variants.match import relate

    quoted = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]")
    pronouns = {"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "this", "that", "who"}
    rows: list[tuple[tuple[int, int], str, str | None, str]] = []
    for name in ("train.jsonl", "dev.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            week = datetime.date.fromisoformat(article["date"]).isocalendar()[:2]
            for attribution in article["attributions"]:
                if not attribution["direct"]:
                    continue
                # PolNeAR sources are local mentions; a capitalised word stands in for the speaker.
                names = [
                    w
                    for s in attribution["source"]
                    for w in re.findall(r"[A-Z][\w’'-]+", s["text"])
                    if w.lower() not in pronouns
                ]
                speaker = names[-1] if names else None
                for span in attribution["content"]:
                    for m in quoted.finditer(span["text"]):
                        rows.append((week, article["id"], speaker, m.group(1)))
    normalised = [normalise(r[3]) for r in rows]
    weeks = Counter(r[0] for r in rows)
    within_pairs = sum(v * (v - 1) // 2 for v in weeks.values())
    across_pairs = len(rows) * (len(rows) - 1) // 2 - within_pairs
    ruled: Counter[tuple[bool, str, int]] = Counter()  # with the evidence rules of match.py
    loose: Counter[tuple[bool, str, int]] = Counter()  # similarity threshold alone
    reworded: list[tuple[bool, float]] = []  # long rewordings under the rules, for the threshold sweep
    for a, b in candidate_pairs(normalised):
        if rows[a][1] == rows[b][1]:
            continue  # one article quoting itself is not evidence
        member, container = sorted((a, b), key=lambda i: (-len(normalised[i]), i), reverse=True)
        within = rows[a][0] == rows[b][0]
        content = min(normalised[member].content_count, 4)
        compatible = _speakers_compatible(rows[member][2], rows[container][2])
        for strict, counts in ((True, ruled), (False, loose)):
            match = relate(
                normalised[member],
                normalised[container],
                min_similarity=0.5,
                speakers_compatible=compatible,
                strict=strict,
            )
            if match is None:
                continue
            if strict and match.relation == "reworded" and content == 4:
                reworded.append((within, match.similarity))
            if match.similarity >= DEFAULT_MIN_SIMILARITY:
                counts[(within, match.relation, content)] += 1
    scale = within_pairs / across_pairs
    print(f"{len(rows)} quotes; {within_pairs} pairs within a week, {across_pairs} across")
    print(f"links at min_similarity {DEFAULT_MIN_SIMILARITY}; chance = links across weeks scaled to one week's pairs")
    print(f"{'relation':<10}{'content':>8}{'within':>8}{'chance':>8}{'no rules':>10}{'chance':>8}")
    for relation in ("identical", "fragment", "reworded", "stitched"):
        for content in range(1, 5):
            key_in, key_out = (True, relation, content), (False, relation, content)
            label = f"{content}+" if content == 4 else str(content)
            print(
                f"{relation:<10}{label:>8}{ruled[key_in]:>8}{ruled[key_out] * scale:>8.1f}"
                f"{loose[key_in]:>10}{loose[key_out] * scale:>8.1f}"
            )
    print("reworded, 4+ content words, with the rules, by min_similarity:")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        kept_in = sum(1 for w, sim in reworded if w and sim >= threshold)
        kept_out = sum(1 for w, sim in reworded if not w and sim >= threshold)
        print(f"  >= {threshold:.1f}: within {kept_in:>3}  chance {kept_out * scale:.1f}")


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: --quotes N [--seed S], or --polnear FOLDER."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--polnear", type=Path, help="folder with PolNeAR train.jsonl and dev.jsonl")
    parser.add_argument("--archive", action="store_true",
                        help="group as `quote-service variants` does (group_archive_variants), part by part")
    parser.add_argument("--workers", type=int, default=2, help="worker processes with --archive (default 2)")
    args = parser.parse_args(argv)
    if args.polnear:
        run_polnear(args.polnear)
        return
    print(json.dumps(run_synthetic(args.quotes, args.seed, archive=args.archive, workers=args.workers)))


if __name__ == "__main__":
    main()
