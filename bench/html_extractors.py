"""Compare HTML text extractors on news articles, as a CMS body and as a whole web page; prints a table.

Run by hand (the candidates that the project does not depend on must be installed first):

    .venv/bin/pip install trafilatura justext html-text inscriptis beautifulsoup4 selectolax
    .venv/bin/python bench/html_extractors.py [../shared/data/polnear/dev.jsonl] [--quotes]

The articles are real news texts (PolNeAR dev: 84 articles of seven US outlets), each rendered twice
the way newsrooms publish them: a CMS body (<p> paragraphs, typographic quotes as entities, links on
names, emphasis) and a whole page (head with scripts and styles, navigation, byline, a related-links
aside and a figure inside the article, a most-read sidebar, comments, footer). Known text makes the
agreement measurable: for each extractor, the share of the article's paragraphs found whole (recall),
the share of extracted lines that are the article's (precision), the bodies returned exactly, the
share of quotation marks kept, and milliseconds per document. With `--quotes`, the service's own
extraction runs on the original text and on each extractor's text: the share of the original's quotes
(words and speaker) found again.
"""
from __future__ import annotations

import html
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.html_text import html_to_text  # noqa: E402  (the project's own converter)

DEFAULT_ARTICLES = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def cms_body(text: str, rng: random.Random) -> str:
    """An article body as a CMS stores it: paragraphs, entities for typographic marks, links and emphasis."""
    out = []
    for paragraph in (p for p in text.split("\n") if p.strip()):
        escaped = html.escape(paragraph, quote=False)
        escaped = escaped.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("’", "&rsquo;")
        if rng.random() < 0.2:
            words = escaped.split(" ")
            if len(words) > 6:
                words[3] = f"<em>{words[3]}</em>"
                escaped = " ".join(words)
        escaped = NAME.sub(lambda m: f'<a href="/topic/{m[0].lower().replace(" ", "-")}">{m[0]}</a>', escaped, count=1)
        out.append(f"<p>{escaped}</p>")
    return "\n".join(out)


def whole_page(title: str, outlet: str, body: str, rng: random.Random) -> str:
    """A news page around `body`: the furniture every outlet adds."""
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("Politics", "World", "Business", "Opinion",
                                                                       "Sport", "Culture", "Video", "Podcasts"))
    paragraphs = body.split("\n")
    cut = max(1, len(paragraphs) // 2)
    aside = ('<aside class="related"><h3>Related</h3><ul><li><a href="/a">Senate braces for a long night</a></li>'
             '<li><a href="/b">What the polls got wrong</a></li></ul></aside>')
    figure = ('<figure><img src="/i.jpg" alt="">'
              '<figcaption>Supporters wait outside. (Photo: Staff)</figcaption></figure>')
    most_read = "".join(f"<li><a href='/m{n}'>Most read story number {n} of the day</a></li>" for n in range(1, 6))
    comments = ("<section id='comments'><h2>Comments</h2><div class='comment'><p>Great piece, thanks!</p></div>"
                "<div class='comment'><p>I disagree with most of this.</p></div></section>")
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {outlet}</title>
<style>body{{font-family:serif}} .ad{{display:block}}</style>
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script></head>
<body><header><a class="logo" href="/">{outlet}</a><nav><ul>{nav}</ul></nav>
<form><input type="search" placeholder="Search"><button>Go</button></form></header>
<div class="ad">Advertisement</div>
<main><article><h1>{html.escape(title)}</h1><p class="byline">By Staff Writer | {rng.randint(1, 28)} Nov 2016</p>
{chr(10).join(paragraphs[:cut])}
{figure}{aside}
{chr(10).join(paragraphs[cut:])}
<p class="share">Share on Facebook | Share on Twitter | Email</p></article></main>
<aside class="sidebar"><h2>Most read</h2><ol>{most_read}</ol></aside>{comments}
<footer><p>&copy; 2016 {outlet}. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<script>console.log("tracking")</script></body></html>"""


def _trafilatura(markup: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True) or ""


def _justext(markup: str) -> str:
    import justext

    kept = [p.text for p in justext.justext(markup.encode(), justext.get_stoplist("English")) if not p.is_boilerplate]
    return "\n".join(kept)


def _html_text(markup: str) -> str:
    import html_text

    return str(html_text.extract_text(markup, guess_layout=True))


def _inscriptis(markup: str) -> str:
    import inscriptis

    return str(inscriptis.get_text(markup))


def _beautifulsoup(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n")


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "service.html_text (selectolax)": html_to_text,
    "trafilatura": _trafilatura,
    "justext": _justext,
    "html-text": _html_text,
    "inscriptis": _inscriptis,
    "beautifulsoup get_text": _beautifulsoup,
}


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def score(original: str, extracted: str) -> tuple[float, float, bool, float]:
    """Paragraph recall, line precision, exact body, share of quotation marks kept."""
    paragraphs = _lines(original)
    got = _lines(extracted)
    got_set, para_set = set(got), set(paragraphs)
    recall = sum(p in got_set for p in paragraphs) / len(paragraphs)
    precision = sum(g in para_set for g in got) / len(got) if got else 0.0
    marks = sum(original.count(c) for c in "“”\"")
    kept = min(marks, sum(extracted.count(c) for c in "“”\"")) / marks if marks else 1.0
    return recall, precision, got == paragraphs, kept


def quote_agreement(docs: list[tuple[str, str, str]]) -> None:
    """Quotes (words, speaker) of the original texts found again in the texts each extractor gives."""
    from service.nlp import extract_batch, load_pipeline

    nlp = load_pipeline()

    def found(texts: list[str]) -> list[set[tuple[str, str | None]]]:
        batches = extract_batch(nlp, texts)
        return [{(q.text, q.speaker.name if q.speaker else None) for q in quotes} for quotes in batches]

    originals = found([doc[0] for doc in docs])
    total = sum(len(quotes) for quotes in originals)
    print(f"\nquotes of the original texts found again ({total} quotes)")
    for name in ("service.html_text (selectolax)", "trafilatura"):
        for form, index in (("body", 1), ("page", 2)):
            again = found([EXTRACTORS[name](doc[index]) for doc in docs])
            kept = sum(len(a & b) for a, b in zip(originals, again, strict=True))
            extra = sum(len(b - a) for a, b in zip(originals, again, strict=True))
            print(f"{name:32} {form:5} kept {kept / total:6.3f}  new {extra:4d}")


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(arguments[0]) if arguments else DEFAULT_ARTICLES
    articles = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    rng = random.Random(14)
    docs = []
    for article in articles:
        body = cms_body(article["text"], rng)
        page = whole_page(article.get("title", ""), article.get("publisher", ""), body, rng)
        docs.append((article["text"], body, page))
    print(f"{len(docs)} articles from {path.name}, each as a CMS body and as a whole page\n")
    print(f"{'extractor':32} {'form':5} {'recall':>7} {'precis':>7} {'exact':>6} {'marks':>6} {'ms/doc':>7} {'x':>6}")
    baseline: dict[str, float] = {}
    for name, extract in EXTRACTORS.items():
        for form, index in (("body", 1), ("page", 2)):
            results, seconds = [], []
            for doc in docs:
                started = time.perf_counter()
                text = extract(doc[index])
                seconds.append(time.perf_counter() - started)
                results.append(score(doc[0], text))
            ms = 1000 * statistics.mean(seconds)
            baseline.setdefault(form, ms)
            recall, precision, exact, marks = (statistics.mean(float(r[k]) for r in results) for k in range(4))
            print(f"{name:32} {form:5} {recall:7.3f} {precision:7.3f} {exact:6.2f} {marks:6.3f} {ms:7.2f} "
                  f"{ms / baseline[form]:6.1f}")
    if "--quotes" in sys.argv:
        quote_agreement(docs)


if __name__ == "__main__":
    main()
