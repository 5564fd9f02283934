"""marshmallow schemas mirroring openapi.yaml: request loading (with limits) and response dumping."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

from service.analysis import OFFSET_UNITS, Analysis, AnalysisOptions, ArticleInput, ArticleResult
from service.api.errors import Problem
from service.config import Settings
from service.html_text import html_to_text
from service.nlp import PIPELINE_VERSION
from service.offsets import convert_spans, offset_converter
from service.variants.chronology import parse_rfc3339

MAX_ID_CHARS = 256
MAX_URL_CHARS = 2048
MAX_OUTLET_CHARS = 256

# Fields of an article that travel with it: echoed back unchanged, never read by extraction.
METADATA_FIELDS = ("url", "outlet", "published", "meta")


@dataclass(frozen=True)
class QuotesRequest:
    """A loaded `POST /v1/quotes` body: articles with ids assigned, and options."""

    articles: tuple[ArticleInput, ...]
    options: AnalysisOptions


def numbered_id(position: int) -> str:
    """The id of an article sent without one: its 1-based position."""
    return f"article-{position}"


class JSONBoolean(fields.Boolean):
    """A JSON `true`/`false` only: marshmallow's Boolean would also take "yes", 1 or "on"."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any
    ) -> Any:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class JSONNumber(fields.Float):
    """A JSON number only: marshmallow's Float would also take the string "0.5"."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any
    ) -> Any:
        if isinstance(value, str):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class UnicodeString(fields.String):
    """A string of valid Unicode: JSON's "\\ud800" escape decodes to a lone surrogate that spaCy cannot encode."""

    default_error_messages = {"surrogate": "Not valid Unicode: a lone surrogate at index {index}."}

    def _deserialize(
        self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any
    ) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise self.make_error("surrogate", index=exc.start) from None
        return text


class RFC3339String(UnicodeString):
    """An RFC 3339 date-time ("2024-05-01T09:30:00Z"), kept as sent."""

    default_error_messages = {"rfc3339": "Not an RFC 3339 date-time such as 2024-05-01T09:30:00Z."}

    def _deserialize(
        self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any
    ) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if parse_rfc3339(text) is None:
            raise self.make_error("rfc3339")
        return text


class JSONObject(fields.Dict):
    """Any JSON object, echoed back as sent; strings in it must be valid Unicode like the rest of the body."""

    default_error_messages = {
        "surrogate": "Not valid Unicode: a lone surrogate in the object.",
        "not_json": "Not JSON: NaN and Infinity cannot be sent back.",
    }

    def _deserialize(
        self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any
    ) -> Any:
        if not isinstance(value, dict):
            raise self.make_error("invalid")
        try:
            json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except UnicodeEncodeError:
            raise self.make_error("surrogate") from None
        except ValueError:  # Python's json reads NaN and Infinity, which JSON has not
            raise self.make_error("not_json") from None
        return value


class StrictSchema(Schema):
    """Unknown fields are an error, so a misspelt option is never silently ignored."""

    class Meta:
        unknown = RAISE


class OptionsSchema(StrictSchema):
    """`options`: what the request asks for beyond extraction."""

    variants = JSONBoolean()
    min_similarity = JSONNumber(validate=validate.Range(min=0.0, max=1.0))
    terms = JSONBoolean()
    offsets = fields.String(validate=validate.OneOf(OFFSET_UNITS))
    indirect = JSONBoolean()

    @post_load
    def _to_options(self, data: dict[str, Any], **kwargs: Any) -> AnalysisOptions:
        return AnalysisOptions(**data)


class ArticleInSchema(StrictSchema):
    """One article of a batch: `text` or `html`, an optional `id` (echoed back) and metadata that travels."""

    id = UnicodeString(validate=validate.Length(min=1, max=MAX_ID_CHARS))
    text = UnicodeString()
    html = UnicodeString()
    url = UnicodeString(validate=validate.Length(max=MAX_URL_CHARS))
    outlet = UnicodeString(validate=validate.Length(max=MAX_OUTLET_CHARS))
    published = RFC3339String()
    meta = JSONObject()

    @validates_schema
    def _text_or_html(self, data: dict[str, Any], **kwargs: Any) -> None:
        if ("text" in data) == ("html" in data):
            message = "Send exactly one of `text` and `html`."
            raise ValidationError({"text": [message], "html": [message]})


def _article_input(item: Mapping[str, Any], article_id: str) -> ArticleInput:
    """An ArticleInput of a loaded article: HTML turned into text, metadata kept aside as sent."""
    from_html = "html" in item
    return ArticleInput(
        id=article_id,
        text=html_to_text(item["html"]) if from_html else item["text"],
        published=item.get("published"),
        metadata={key: item[key] for key in METADATA_FIELDS if key in item},
        from_html=from_html,
    )


class _RequestSchema(StrictSchema):
    options = fields.Nested(OptionsSchema, load_default=AnalysisOptions)


class BatchRequestSchema(_RequestSchema):
    """`{"articles": [{"id"?, "text"}, ...], "options"?}`."""

    articles = fields.List(fields.Nested(ArticleInSchema), required=True, validate=validate.Length(min=1))

    @post_load
    def _to_request(self, data: dict[str, Any], **kwargs: Any) -> QuotesRequest:
        # An absent id is the 1-based position, so the caller can still tell the articles apart.
        articles = tuple(
            _article_input(item, item.get("id", numbered_id(n))) for n, item in enumerate(data["articles"], start=1)
        )
        counts = Counter(a.id for a in articles)
        duplicates = {
            str(i): {"id": [f"Duplicate article id {a.id!r}; ids must be unique."]}
            for i, a in enumerate(articles)
            if counts[a.id] > 1
        }
        if duplicates:
            raise ValidationError({"articles": duplicates})
        return QuotesRequest(articles=articles, options=data["options"])


class SingleRequestSchema(_RequestSchema, ArticleInSchema):
    """The shorthand for one article: `{"id"?, "text" | "html", metadata?, "options"?}`."""

    id = UnicodeString(validate=validate.Length(min=1, max=MAX_ID_CHARS), load_default=numbered_id(1))

    @post_load
    def _to_request(self, data: dict[str, Any], **kwargs: Any) -> QuotesRequest:
        return QuotesRequest(articles=(_article_input(data, data["id"]),), options=data["options"])


def load_quotes_request(payload: Any, settings: Settings) -> QuotesRequest:
    """Load a decoded JSON body (either form); 422 on schema violations, 413 over the limits."""
    articles = payload.get("articles") if isinstance(payload, dict) else None
    # Count before validating, so an oversized batch is refused without walking all of it.
    if isinstance(articles, list) and len(articles) > settings.max_articles:
        raise Problem(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f"{len(articles)} articles sent; at most {settings.max_articles} per request.",
            {"articles": [f"At most {settings.max_articles} articles per request."]},
        )
    is_single = isinstance(payload, dict) and ("text" in payload or "html" in payload) and "articles" not in payload
    schema = SingleRequestSchema() if is_single else BatchRequestSchema()
    request: QuotesRequest = schema.load(payload)
    return _enforce_article_length(request, settings)


def load_text_request(text: str, settings: Settings) -> QuotesRequest:
    """A raw text/plain body: one article with the default id and options; 413 over the limit."""
    request = QuotesRequest(articles=(ArticleInput(id=numbered_id(1), text=text),), options=AnalysisOptions())
    return _enforce_article_length(request, settings)


def load_html_request(markup: str, settings: Settings) -> QuotesRequest:
    """A raw text/html body: one article, its text extracted, with the default id and options; 413 over the limit."""
    article = ArticleInput(id=numbered_id(1), text=html_to_text(markup), from_html=True)
    return _enforce_article_length(QuotesRequest(articles=(article,), options=AnalysisOptions()), settings)


def _enforce_article_length(request: QuotesRequest, settings: Settings) -> QuotesRequest:
    """`request` unchanged, or a 413 problem naming the first article over `max_article_chars`."""
    for index, article in enumerate(request.articles):
        if len(article.text) > settings.max_article_chars:
            raise Problem(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"Article {article.id!r} (index {index}) has {len(article.text)} characters; "
                f"at most {settings.max_article_chars} per article.",
                {"articles": {str(index): {"text": [f"Over {settings.max_article_chars} characters."]}}},
            )
    return request


# --- responses -------------------------------------------------------------------------------------


class TextSpanSchema(Schema):
    """A span of the article (a segment, mention or cue): `text == article[start:end]`."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class SpeakerSchema(Schema):
    """Who said a quote."""

    name = fields.String(allow_none=True)
    mention = fields.Nested(TextSpanSchema, allow_none=True)
    type = fields.String()
    role = fields.String(allow_none=True)
    resolution = fields.String()
    confidence = fields.Float()
    rule = fields.String()
    name_rule = fields.String()
    id = fields.String(allow_none=True)


class QuoteSchema(Schema):
    """One quotation; its `id` comes from the article (see ArticleResultSchema)."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    segments = fields.List(fields.Nested(TextSpanSchema))
    kind = fields.String()
    speaker = fields.Nested(SpeakerSchema, allow_none=True)
    cue = fields.Nested(TextSpanSchema, allow_none=True)
    content = fields.Nested(TextSpanSchema)


_QUOTES = QuoteSchema(many=True)


class ArticleResultSchema(Schema):
    """One article's quotes, each with its request-wide id (metadata and extracted text: see dump_analysis)."""

    id = fields.String()
    quotes = fields.Method("_numbered_quotes")

    def _numbered_quotes(self, article: ArticleResult) -> list[dict[str, Any]]:
        # The id depends on the quote's position in its article, which a quote does not know.
        return [
            {"id": article.quote_id(n), **dumped}
            for n, dumped in enumerate(_QUOTES.dump(article.quotes))
        ]


class ChangeSchema(Schema):
    """One edit between a member's wording and the canonical quote's."""

    op = fields.String()
    from_ = fields.String(data_key="from", attribute="from", allow_none=True)
    to = fields.String(allow_none=True)


class MemberSchema(Schema):
    """A quote in a variant group and how it relates to the canonical quote."""

    quote_id = fields.String()
    relation = fields.String()
    similarity = fields.Float()
    changes = fields.List(fields.Nested(ChangeSchema))


class VariantGroupSchema(Schema):
    """Quotes of the request that render one utterance."""

    id = fields.String()
    canonical_quote_id = fields.String()
    fullest_quote_id = fields.String()
    members = fields.List(fields.Nested(MemberSchema))
    speaker_conflict = fields.Boolean()


class SpeakerEntrySchema(Schema):
    """One distinct speaker of the request, across its articles."""

    id = fields.String()
    name = fields.String()
    type = fields.String()
    roles = fields.List(fields.String())
    mentions = fields.List(fields.String())
    article_ids = fields.List(fields.String())
    quote_ids = fields.List(fields.String())


class AnalysisSchema(Schema):
    """The `POST /v1/quotes` response body (without `pipeline_version`, added by dump_analysis)."""

    articles = fields.List(fields.Nested(ArticleResultSchema))
    variant_groups = fields.Method("_variant_groups")
    speakers = fields.List(fields.Nested(SpeakerEntrySchema))

    def _variant_groups(self, analysis: Analysis) -> list[dict[str, Any]]:
        groups: list[dict[str, Any]] = _VARIANT_GROUPS.dump([g.to_dict() for g in analysis.variant_groups])
        return groups


_VARIANT_GROUPS = VariantGroupSchema(many=True)
_ANALYSIS = AnalysisSchema()


def dump_analysis(analysis: Analysis) -> dict[str, Any]:
    """The JSON document for `analysis`, shared by the API and the CLI.

    Each article also gets the `text` its offsets refer to when that was extracted from HTML, and
    its metadata as sent; offsets are counted in `options.offsets`.
    """
    document: dict[str, Any] = _ANALYSIS.dump(analysis)
    unit = analysis.options.offsets
    for dumped, article in zip(document["articles"], analysis.articles, strict=True):
        if unit != "codepoint":
            to_unit = offset_converter(article.text, unit)
            dumped.update(convert_spans({k: v for k, v in dumped.items() if k != "id"}, to_unit))
        if article.from_html:
            dumped["text"] = article.text
        dumped.update(article.metadata)
    document["offsets"] = unit
    document["pipeline_version"] = PIPELINE_VERSION
    return document
