"""The page at `/` in a real browser: paste articles, read the highlights, the speakers and the variant groups."""
from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.page.conftest import ARTIFACTS

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seeds" / "articles"

SAID = "We could renegotiate it, and that would be good, or we can just do different deals,"
WIRE = f"Washington: “{SAID}” Donald Trump said on Tuesday. 👍🏽 Reporters left.\n“We have natural conflict,” he added."
PAPER_HTML = (
    "<article><h1>Trump on trade</h1><p>Donald Trump told reporters: &ldquo;"
    + SAID.replace("could", "can")
    + "&rdquo;</p><p>&ldquo;It is a reset,&rdquo; said <a href='/p/mc'>Mark Carney</a>.</p></article>"
)


# WCAG 2 contrast ratio of each element's text colour against its background colour.
CONTRAST_JS = """marks => marks.map(m => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const linear = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const lum = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const style = getComputedStyle(m);
  const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
})"""


def fill_articles(page: Any, articles: list[dict[str, str]]) -> None:
    """Type each article into its own block of the form (adding blocks as needed)."""
    for index, article in enumerate(articles):
        if index > 0:
            page.get_by_role("button", name="Add an article").click()
        block = page.locator(".article-input").nth(index)
        for field in ("id", "outlet", "published"):
            if field in article:
                block.locator(f'[name="{field}"]').fill(article[field])
        block.locator("textarea").fill(article["content"])


def submit(page: Any) -> None:
    page.get_by_role("button", name="Find quotes").click()
    page.locator("#status", has_text=re.compile(r"^\d+ quotes? in \d+ articles?\.$")).wait_for(timeout=120_000)


def api_answer(live_server: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{live_server}/v1/quotes", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer: dict[str, Any] = json.load(response)
    return answer


def highlighted(page: Any) -> dict[str, list[str]]:
    """quote id -> texts of its marks in the page, in document order."""
    marks: list[dict[str, str]] = page.eval_on_selector_all(
        "mark.quote", "marks => marks.map(m => ({id: m.dataset.quoteId, text: m.textContent}))"
    )
    found: dict[str, list[str]] = {}
    for mark in marks:
        found.setdefault(mark["id"], []).append(mark["text"])
    return found


def assert_page_shows(page: Any, answer: dict[str, Any]) -> None:
    """Every quote of the API's answer is highlighted with exactly its segments, and nothing else is."""
    expected = {
        quote["id"]: [segment["text"] for segment in quote["segments"]]
        for article in answer["articles"]
        for quote in article["quotes"]
    }
    assert expected, "the articles have quotes"
    assert highlighted(page) == expected
    for group in answer["variant_groups"]:
        section = page.locator(f'.variant-group[data-group-id="{group["id"]}"]')
        rendered = section.locator(".rendering").evaluate_all("nodes => nodes.map(n => n.dataset.quoteId)")
        assert rendered == [m["quote_id"] for m in group["members"]]


@pytest.mark.browser
def test_seed_articles_are_highlighted_as_the_api_answers(page: Any, live_server: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here: {SEEDS}")
    articles = [{"id": path.name, "content": path.read_text()} for path in sorted(SEEDS.glob("*.txt"))]
    fill_articles(page, articles)
    page.select_option('select[name="offsets"]', "utf8")  # the page maps UTF-8 offsets to its own
    submit(page)
    sent = [{"id": a["id"], "text": a["content"]} for a in articles]
    answer = api_answer(live_server, {"articles": sent, "options": {"offsets": "utf8"}})
    assert_page_shows(page, answer)
    across = [g for g in answer["variant_groups"] if len({m["quote_id"].split("#")[0] for m in g["members"]}) > 1]
    assert across, "the seeds quote one utterance in two articles"
    group = page.locator(f'.variant-group[data-group-id="{across[0]["id"]}"]')
    words = group.locator(".rendering .words").all_inner_texts()
    texts = {q["id"]: q["text"] for a in answer["articles"] for q in a["quotes"]}
    assert words == [texts[m["quote_id"]] for m in across[0]["members"]]  # both renderings, side by side
    first = page.locator("mark.quote").first
    first.hover()
    speaker = next(q for a in answer["articles"] for q in a["quotes"])["speaker"]
    assert page.locator("#tip").is_visible()
    if speaker and speaker["name"]:
        assert speaker["name"] in page.locator("#tip").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page-seeds.png"), full_page=True)


@pytest.mark.browser
def test_html_metadata_offsets_and_variants_in_the_page(page: Any, live_server: str) -> None:
    articles = [
        {"id": "paper", "outlet": "The Paper", "published": "2024-05-02T08:00:00Z", "content": PAPER_HTML},
        {"id": "wire", "outlet": "Wire", "published": "2024-05-01T23:00:00-05:00", "content": WIRE},
    ]
    fill_articles(page, articles)
    page.select_option('select[name="offsets"]', "codepoint")  # an emoji makes code points differ from JS's units
    submit(page)
    body = {
        "articles": [
            {"id": "paper", "outlet": "The Paper", "published": articles[0]["published"], "html": PAPER_HTML},
            {"id": "wire", "outlet": "Wire", "published": articles[1]["published"], "text": WIRE},
        ],
        "options": {"offsets": "codepoint"},
    }
    answer = api_answer(live_server, body)
    assert_page_shows(page, answer)
    # The HTML article is shown as the text the API extracted, without markup.
    paper_text = page.locator('[data-article-id="paper"] .article-text').inner_text()
    assert paper_text == answer["articles"][0]["text"] and "<a" not in paper_text
    assert "The Paper" in page.locator('[data-article-id="paper"] .article-meta').first.inner_text()
    # The earliest published rendering comes first and is canonical; the changed word is marked.
    [group] = [g for g in answer["variant_groups"] if len(g["members"]) == 2]
    assert group["members"][0]["quote_id"] == group["canonical_quote_id"] == "wire#q1"
    section = page.locator(f'.variant-group[data-group-id="{group["id"]}"]')
    assert section.locator(".rendering").first.locator(".badge").first.inner_text() == "canonical"
    assert sorted(section.locator("mark.changed").all_inner_texts()) == ["can", "could"]  # marked on both sides
    # Readable: every highlight's text against its fill passes WCAG AA (4.5:1) with room to spare.
    ratios = page.eval_on_selector_all("mark.quote, mark.changed", CONTRAST_JS)
    assert ratios and min(ratios) >= 7.0, ratios
    # Keyboard: Tab from the button reaches the first quote, which shows its card.
    page.get_by_role("button", name="Find quotes").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.quoteId") == "paper#q1"
    assert "Donald Trump" in page.locator("#tip").inner_text()
    # A quote takes focus and shows its speaker, mention and cue; Escape hides it.
    mark = page.locator('mark.quote[data-quote-id="paper#q2"]')
    mark.focus()
    tip = page.locator("#tip").inner_text()
    assert "Mark Carney" in tip and "Cue" in tip and "Confidence" in tip
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page-variants.png"), full_page=True)  # with the focused quote's card
    page.keyboard.press("Escape")
    assert not page.locator("#tip").is_visible()
    # The speakers list names each speaker with a quote that leads to its highlight.
    carney = page.locator('.speaker-list > li[data-speaker="Mark Carney"]')
    carney.get_by_role("button").first.click()
    assert page.evaluate("document.activeElement.dataset.quoteId") == "paper#q2"


REPORTED = (
    "Mark Carney told reporters that talks with Washington would resume next week. "
    "“We are not there yet,” he said."
)


@pytest.mark.browser
def test_reported_speech_is_shown_when_asked_for(page: Any, live_server: str) -> None:
    fill_articles(page, [{"id": "wire", "content": REPORTED}])
    submit(page)
    assert page.locator("mark.quote.reported").count() == 0  # off by default, as in the API
    page.get_by_label("Reported speech").check()
    submit(page)
    answer = api_answer(live_server, {"articles": [{"id": "wire", "text": REPORTED}], "options": {"indirect": True}})
    assert_page_shows(page, answer)
    indirect = [q for q in answer["articles"][0]["quotes"] if q["kind"] == "indirect"]
    assert indirect, "the API reports the paraphrase"
    reported = page.locator("mark.quote.reported")
    assert reported.evaluate_all("marks => marks.map(m => m.dataset.quoteId)") == [q["id"] for q in indirect]
    assert page.locator("mark.quote:not(.reported)").count() == len(answer["articles"][0]["quotes"]) - len(indirect)
    reported.first.focus()
    assert "reported speech" in page.locator("#tip").inner_text()
    assert "Mark Carney" in page.locator("#tip").inner_text()


@pytest.mark.browser
def test_a_problem_is_shown_as_its_title_and_detail(page: Any) -> None:
    fill_articles(page, [{"published": "yesterday", "content": "“Fine,” she said."}])
    page.get_by_role("button", name="Find quotes").click()
    problem = page.get_by_role("alert")
    problem.wait_for()
    text = problem.inner_text()
    assert "422" in text and "articles.0.published" in text
    assert not page.locator("#results").is_visible()
