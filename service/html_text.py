"""An article's text from its HTML: a CMS body or a whole news page, entities decoded, paragraphs as lines.

No Flask or I/O. Parsing is selectolax's Lexbor engine (an HTML5 parser: entities, unclosed tags and
stray markup as a browser reads them). What is kept:

- The article: the page's one `<article>` (or one `<main>`), else the whole body.
- Its prose: text of everything but scripts, styles, forms, media and figures, navigation, asides,
  footers and elements whose class or id names page furniture (share tools, related links, ads,
  bylines, comments) unless it holds much of the text; inside the article, the `<header>` stays
  (headline, standfirst), outside it goes.
- Every block (paragraph, heading, list item, quotation, table row, ...) and every `<br>` is a line
  break; other whitespace collapses to one space as a browser renders it. A `<pre>` keeps its own.

    >>> html_to_text("<p>&ldquo;We will win,&rdquo; <a href='/js'>Jane Smith</a> said.</p><p>Next.</p>")
    '“We will win,” Jane Smith said.\\nNext.'
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose text is not the article's prose.
SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "embed",
     "video", "audio", "canvas", "img", "picture", "form", "button", "input", "select", "textarea", "label",
     "nav", "aside", "footer", "dialog", "figure", "-comment"}
)

# A class or id naming page furniture rather than prose ("share-tools", "related-links", "ad-slot").
# Whole words only: "article-body", "headline" and "loaded" are prose containers.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|comments?|related|promo|newsletter|subscribe|advert|ad|ads|sponsored"
    r"|byline|breadcrumbs?|tags|most-read|popular|recirc|paywall)(?:$|[\s_-])",
    re.IGNORECASE,
)

# Elements that start and end a line of text.
BLOCKS = frozenset(
    {"address", "article", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section",
     "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul", "body", "html", "caption", "center"}
)

# The most of the article's text an element named as furniture may hold and still be left out.
MAX_FURNITURE_SHARE = 0.2

# HTML's white space (not NBSP, which is a character of the text).
_SPACES = re.compile(r"[ \t\n\r\f]+")


def html_to_text(markup: str) -> str:
    """The article text of `markup`: one paragraph per line, no markup, entities decoded, no blank lines."""
    tree = LexborHTMLParser(markup.removeprefix("\ufeff"))  # a byte-order mark is no text of the page
    root = _article_root(tree)
    if root is None:
        return ""
    root_chars = len(root.text(deep=True) or "")
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip(" ")
        if line:
            lines.append(line)
        current.clear()

    # Depth-first, without recursion: an article nested ten thousand <div>s deep is still an article.
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            end_line()
            continue
        if tag == "-text":
            current.append(node.text_content or "")
        elif tag == "br":
            end_line()
        elif tag == "pre":
            end_line()
            lines.extend(line for line in (node.text(deep=True) or "").splitlines() if line.strip())
        elif tag not in SKIPPED and not _is_furniture(node, root, root_chars):
            if tag in BLOCKS:
                end_line()
                stack.append((node, True))
            children = list(_children(node))
            stack.extend((child, False) for child in reversed(children))
    end_line()
    return "\n".join(lines)


def _article_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The one <article> of the page, else its one <main>, else its body."""
    for selector in ("article", "main"):
        found = tree.css(selector)
        if len(found) == 1:
            return found[0]
    return tree.body


def _is_furniture(node: LexborNode, root: LexborNode, root_chars: int) -> bool:
    """A page header outside the article, or an element whose class or id names furniture.

    A named element holding much of the article's text is kept whatever its name says: the article of
    `<div class="story ad-free">` or `<section class="post tags-politics">` is not an advert.
    """
    if node is root:
        return False
    if node.tag == "header" and not _inside_article(node):
        return True
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    if not names.strip() or _FURNITURE.search(names) is None:
        return False
    return len(node.text(deep=True) or "") <= root_chars * MAX_FURNITURE_SHARE


def _inside_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def _children(node: LexborNode) -> list[LexborNode]:
    children = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children
