"""An article's text from HTML (service/html_text.py)."""
from __future__ import annotations

import pytest

from service.html_text import html_to_text


@pytest.mark.parametrize(
    "markup, expected",
    [
        # The CMS body: entities decoded, the link's words kept.
        ("&ldquo;We will win,&rdquo; <a>Jane Smith</a> said.", "“We will win,” Jane Smith said."),
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\nTwo & three."),
        ("<p>Line one<br>line two</p>", "Line one\nline two"),
        ("<p>  spread\n   over\tlines  </p>", "spread over lines"),
        ("<p>A&nbsp;B &#8220;C&#x201D; &eacute;</p>", "A\u00a0B “C” é"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("<blockquote><p>“Quoted,” she said.</p></blockquote><p>After.</p>", "“Quoted,” she said.\nAfter."),
        ("<p>Un<b>clos</b>ed <i>tags", "Unclosed tags"),
        ("<p>kept</p><script>var quote = '“no”';</script><style>p{}</style>", "kept"),
        ("<pre>  two\n  lines</pre>", "  two\n  lines"),
        ("", ""),
        ("\ufeff<p>x</p>", "x"),
        ("<table><tr><td>a<td>b</table>", "a\nb"),
        ("<p></p><div> </div>", ""),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_a_whole_page_gives_its_article_without_the_furniture() -> None:
    page = """<!DOCTYPE html><html><head><title>T | Outlet</title><script>x()</script></head><body>
    <header><nav><a href="/">Home</a><a href="/politics">Politics</a></nav></header>
    <div class="ad-slot">Advertisement</div>
    <article><header><h1>Mayor quits</h1></header>
    <p class="byline">By A. Writer</p>
    <p>&ldquo;I am done,&rdquo; the mayor said.</p>
    <figure><img src="x.jpg"><figcaption>The mayor, on Monday.</figcaption></figure>
    <div class="share-tools">Share on Facebook</div>
    <p>She leaves on Friday.</p></article>
    <aside><h2>Most read</h2><a href="/1">Another story</a></aside>
    <section class="comments"><p>First!</p></section>
    <footer>&copy; Outlet</footer></body></html>"""
    assert html_to_text(page) == "Mayor quits\n“I am done,” the mayor said.\nShe leaves on Friday."


@pytest.mark.parametrize("names", ['class="story ad-free"', 'id="tags-politics"', 'class="related-coverage main"'])
def test_a_furniture_name_does_not_drop_the_article_itself(names: str) -> None:
    body = f"<div {names}><p>&ldquo;We will win,&rdquo; she said.</p><p>She left at noon.</p></div>"
    assert html_to_text(f"<body>{body}<div class='share'>Share</div></body>") == (
        "“We will win,” she said.\nShe left at noon."
    )


def test_deep_nesting_is_not_a_recursion_error() -> None:
    assert html_to_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep"
