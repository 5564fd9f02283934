"""What the benchmarks share: the texts they time and the thread setting the service's processes run with."""
from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_ARTICLES = SHARED / "data" / "seeds" / "articles"
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """One BLAS thread per process, as gunicorn_conf.py and `quote-service bulk` set it; call before numpy loads
    (the model's matrix maths runs on numpy only then, see service/nlp/pipeline.py)."""
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def load_texts(path: Path, limit: int = 0) -> list[str]:
    """The `text` of each line of a JSON Lines file, or the seed articles when it is absent; the first `limit`."""
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(SEED_ARTICLES.glob("*"))]
    return texts[:limit] if limit else texts
