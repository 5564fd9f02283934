// The page at `/`: collects articles and options, calls POST /v1/quotes, and shows the answer.
// Plain browser JavaScript, no build step, no library: the page uses the public API only.
"use strict";

const PALETTE_SIZE = 8; // .s0 ... .s7 in page.css
const HTML_LIKE = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

const $ = (selector, root = document) => root.querySelector(selector);
const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// --- the form -----------------------------------------------------------------------------------

function addArticle(text = "") {
  const fieldset = $("#article-template").content.firstElementChild.cloneNode(true);
  $("textarea", fieldset).value = text;
  $(".remove", fieldset).addEventListener("click", () => {
    if (document.querySelectorAll(".article-input").length > 1) fieldset.remove();
    numberArticles();
  });
  $("#articles").append(fieldset);
  numberArticles();
  return fieldset;
}

function numberArticles() {
  document.querySelectorAll(".article-input").forEach((fieldset, index) => {
    $(".number", fieldset).textContent = String(index + 1);
    $("textarea", fieldset).setAttribute("aria-label", `Article ${index + 1}: text or HTML`);
  });
}

function requestBody() {
  const form = $("#check");
  const articles = [];
  const sent = [];
  for (const fieldset of document.querySelectorAll(".article-input")) {
    const value = (name) => $(`[name="${name}"]`, fieldset).value;
    const content = value("text");
    const format = value("format") === "auto" ? (HTML_LIKE.test(content) ? "html" : "text") : value("format");
    const article = { [format]: content };
    for (const name of ["id", "outlet", "published"]) {
      if (value(name).trim()) article[name] = value(name).trim();
    }
    articles.push(article);
    sent.push({ format, content });
  }
  const options = {
    variants: form.elements.variants.checked,
    terms: form.elements.terms.checked,
    indirect: form.elements.indirect.checked,
    offsets: form.elements.offsets.value,
  };
  const similarity = form.elements.min_similarity.value.trim();
  if (similarity !== "") options.min_similarity = Number(similarity);
  return { body: { articles, options }, sent };
}

async function submit(event) {
  event.preventDefault();
  const { body, sent } = requestBody();
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const key = $("#check").elements.api_key.value.trim();
  if (key) headers.Authorization = `Bearer ${key}`;
  const button = $("#submit");
  button.disabled = true;
  $("#status").textContent = "Reading…";
  hideProblem();
  try {
    const response = await fetch("/v1/quotes", { method: "POST", headers, body: JSON.stringify(body) });
    const answer = await response.json().catch(() => null);
    if (!response.ok || answer === null) {
      showProblem(answer || { title: `HTTP ${response.status}`, detail: "The service sent no readable answer." });
      $("#status").textContent = "";
      return;
    }
    render(answer, sent);
    const count = answer.articles.reduce((total, article) => total + article.quotes.length, 0);
    $("#status").textContent = `${plural(count, "quote")} in ${plural(answer.articles.length, "article")}.`;
  } catch (error) {
    showProblem({ title: "No answer from the service", detail: String(error) });
    $("#status").textContent = "";
  } finally {
    button.disabled = false;
  }
}

// --- errors as the problem's title and detail -----------------------------------------------------

function problemLines(errors, path = []) {
  if (Array.isArray(errors)) return errors.map((message) => `${path.join(".") || "body"}: ${message}`);
  if (errors && typeof errors === "object") {
    return Object.entries(errors).flatMap(([key, value]) => problemLines(value, [...path, key]));
  }
  return [];
}

function showProblem(problem) {
  const box = $("#problem");
  box.replaceChildren(
    element("h2", {}, problem.title || "Error", problem.status ? ` (${problem.status})` : ""),
    element("p", {}, problem.detail || ""),
  );
  const lines = problemLines(problem.errors);
  if (lines.length) box.append(element("ul", {}, ...lines.map((line) => element("li", {}, line))));
  box.hidden = false;
  $("#results").hidden = true;
}

function hideProblem() {
  $("#problem").hidden = true;
}

// --- offsets: the API's unit to JavaScript's (UTF-16) string indices ----------------------------

function indexConverter(text, unit) {
  if (unit === "utf16") return (offset) => offset;
  const toJs = new Map([[0, 0]]);
  let units = 0;
  let js = 0;
  for (const char of text) {
    const point = char.codePointAt(0);
    units += unit === "utf8" ? (point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4) : 1;
    js += char.length;
    toJs.set(units, js);
  }
  return (offset) => {
    const index = toJs.get(offset);
    if (index === undefined) throw new Error(`offset ${offset} is not on a character boundary`);
    return index;
  };
}

// --- speakers and their colours -------------------------------------------------------------------

function speakerKey(quote) {
  return quote.speaker && quote.speaker.name ? quote.speaker.name.toLowerCase() : null;
}

function colourClasses(answer) {
  const classes = new Map();
  for (const article of answer.articles) {
    for (const quote of article.quotes) {
      const key = speakerKey(quote);
      if (key !== null && !classes.has(key)) classes.set(key, `s${classes.size % PALETTE_SIZE}`);
    }
  }
  return (quote) => classes.get(speakerKey(quote)) || "s-none";
}

// --- the article texts with their quotes ---------------------------------------------------------

function quoteSegments(article, toJs) {
  const segments = [];
  for (const quote of article.quotes) {
    for (const segment of quote.segments) {
      segments.push({ start: toJs(segment.start), end: toJs(segment.end), quote });
    }
  }
  return segments.sort((a, b) => a.start - b.start || b.end - a.end);
}

// Marks nest when one quote lies inside another (a term inside a full quote); a partial overlap,
// which the API does not produce, would keep the first mark only.
function highlightedText(text, segments, colourOf) {
  const root = element("div", { class: "article-text" });
  const stack = [{ node: root, end: Infinity }];
  let position = 0;
  const top = () => stack[stack.length - 1];
  const closeUntil = (limit) => {
    while (stack.length > 1 && top().end <= limit) {
      top().node.append(text.slice(position, top().end));
      position = top().end;
      stack.pop();
    }
  };
  for (const segment of segments) {
    closeUntil(segment.start);
    if (segment.end > top().end || segment.start < position) continue;
    top().node.append(text.slice(position, segment.start));
    position = segment.start;
    const mark = element("mark", {
      // Reported speech is the writer's wording: marked apart from quoted words (dashed, not solid).
      class: `quote ${colourOf(segment.quote)}${segment.quote.kind === "indirect" ? " reported" : ""}`,
      tabindex: 0,
      "data-quote-id": segment.quote.id,
      "aria-describedby": "tip",
    });
    mark.quoteData = segment.quote;
    top().node.append(mark);
    stack.push({ node: mark, end: segment.end });
  }
  closeUntil(Infinity);
  root.append(text.slice(position));
  return root;
}

function articleHeading(article) {
  const details = [article.outlet, article.published, article.url].filter(Boolean).join(" · ");
  return [
    element("h3", {}, article.id),
    details ? element("p", { class: "article-meta" }, details) : null,
    element("p", { class: "article-meta" }, plural(article.quotes.length, "quote")),
  ];
}

// --- hover and focus: speaker, mention, cue, rule, confidence ------------------------------------

function tipRows(quote) {
  const speaker = quote.speaker;
  const rows = [["Speaker", speaker && speaker.name ? speaker.name : "nobody named"]];
  if (speaker) {
    if (speaker.role) rows.push(["Role", speaker.role]);
    if (speaker.type) rows.push(["Type", speaker.type]);
    rows.push(["Mention", speaker.mention ? `“${speaker.mention.text}”` : "none"]);
  }
  rows.push(["Cue", quote.cue ? `“${quote.cue.text}”` : "none"]);
  if (speaker && speaker.rule) rows.push(["Rule", speaker.rule]);
  if (speaker && speaker.name_rule) rows.push(["Name rule", speaker.name_rule]);
  if (speaker && typeof speaker.confidence === "number") {
    rows.push(["Confidence", `${Math.round(speaker.confidence * 100)}%`]);
  }
  rows.push(["Kind", quote.kind === "indirect" ? "indirect (reported speech)" : quote.kind]);
  return rows;
}

function showTip(mark) {
  const tip = $("#tip");
  tip.replaceChildren(
    element("dl", {}, ...tipRows(mark.quoteData).flatMap(([term, value]) => [element("dt", {}, term), element("dd", {}, value)])),
  );
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  tip.style.left = `${Math.max(8, box.left + window.scrollX)}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hideTip() {
  $("#tip").hidden = true;
}

// --- the speakers list ----------------------------------------------------------------------------

function speakerEntries(answer) {
  // The API's own speakers table when it has one; else the speakers named by the quotes.
  // The table may sit beside the articles or in each article: both are read, neither is required.
  const entries = new Map();
  const tables = [answer.speakers, ...answer.articles.map((article) => article.speakers)];
  for (const table of tables.filter(Array.isArray)) {
    for (const speaker of table) {
      if (speaker && typeof speaker.name === "string" && !entries.has(speaker.name.toLowerCase())) {
        entries.set(speaker.name.toLowerCase(), { name: speaker.name, info: speaker, quotes: [] });
      }
    }
  }
  for (const article of answer.articles) {
    for (const quote of article.quotes) {
      const key = speakerKey(quote);
      if (!entries.has(key)) {
        entries.set(key, { name: key === null ? "Nobody named" : quote.speaker.name, info: quote.speaker, quotes: [] });
      }
      entries.get(key).quotes.push(quote);
    }
  }
  return [...entries.values()].sort((a, b) => b.quotes.length - a.quotes.length);
}

function focusQuote(quoteId) {
  const mark = document.querySelector(`mark.quote[data-quote-id="${CSS.escape(quoteId)}"]`);
  if (!mark) return;
  document.querySelectorAll("mark.selected").forEach((node) => node.classList.remove("selected"));
  mark.classList.add("selected");
  mark.focus();
  mark.scrollIntoView({ block: "center" });
}

function speakersList(answer, colourOf) {
  const list = element("ul", { class: "speaker-list" });
  for (const entry of speakerEntries(answer)) {
    const colour = entry.quotes.length ? colourOf(entry.quotes[0]) : "s-none";
    const info = entry.info || {};
    const about = [info.type, info.role].filter(Boolean).join(", ");
    const quotes = element("ul", {});
    for (const quote of entry.quotes) {
      const button = element("button", { type: "button", class: "link" }, `“${quote.text}”`);
      button.addEventListener("click", () => focusQuote(quote.id));
      quotes.append(element("li", {}, button, element("span", { class: "hint" }, ` ${quote.id}`)));
    }
    list.append(
      element(
        "li",
        { "data-speaker": entry.name },
        element("span", { class: `swatch ${colour}`, "aria-hidden": "true" }),
        " ",
        element("strong", {}, entry.name),
        about ? element("span", { class: "hint" }, ` (${about})`) : null,
        element("span", { class: "hint" }, ` · ${plural(entry.quotes.length, "quote")}`),
        quotes,
      ),
    );
  }
  return list;
}

// --- variant groups side by side ------------------------------------------------------------------

function markedWords(text, phrases) {
  // Each phrase marked where it next occurs, in order; a phrase not found is left unmarked.
  const words = element("span", { class: "words" });
  let position = 0;
  for (const phrase of phrases) {
    let at = text.indexOf(phrase, position);
    if (at < 0) at = text.toLowerCase().indexOf(phrase.toLowerCase(), position);
    if (!phrase || at < 0) continue;
    words.append(text.slice(position, at), element("mark", { class: "changed" }, text.slice(at, at + phrase.length)));
    position = at + phrase.length;
  }
  words.append(text.slice(position));
  return words;
}

function variantGroups(answer) {
  const byId = new Map();
  for (const article of answer.articles) {
    for (const quote of article.quotes) byId.set(quote.id, { quote, article });
  }
  const container = element("div", {});
  if (!answer.variant_groups.length) {
    container.append(element("p", { class: "hint" }, "No two quotes of these articles render one utterance."));
  }
  for (const group of answer.variant_groups) {
    const fullest = group.fullest_quote_id || group.canonical_quote_id;
    const others = group.members.filter((member) => member.quote_id !== fullest);
    const fromWords = others.flatMap((member) => member.changes.filter((c) => c.from).map((c) => c.from));
    const renderings = element("div", { class: "renderings" });
    for (const member of group.members) {
      const found = byId.get(member.quote_id);
      if (!found) continue;
      const { quote, article } = found;
      const isFullest = member.quote_id === fullest;
      const added = member.changes.filter((c) => c.to).map((c) => c.to);
      const dropped = member.changes.filter((c) => c.op === "delete").map((c) => c.from);
      const label = [article.id, article.outlet, article.published].filter(Boolean).join(" · ");
      renderings.append(
        element(
          "div",
          { class: "rendering", "data-quote-id": member.quote_id },
          element("div", { class: "label" }, label),
          element(
            "div",
            { class: "label" },
            member.relation,
            ` · similarity ${member.similarity}`,
            member.quote_id === group.canonical_quote_id ? element("span", { class: "badge" }, "canonical") : null,
            isFullest ? element("span", { class: "badge" }, "fullest") : null,
          ),
          element("p", {}, "“", markedWords(quote.text, isFullest ? fromWords : added), "”"),
          dropped.length
            ? element("p", { class: "label" }, "Leaves out: ", ...dropped.map((w) => element("del", { class: "dropped" }, w)))
            : null,
        ),
      );
    }
    container.append(
      element(
        "section",
        { class: "variant-group", "data-group-id": group.id, "aria-label": `Variant group ${group.id}` },
        element("h3", {}, `${group.id}: ${plural(group.members.length, "rendering")}`),
        group.speaker_conflict ? element("p", { class: "conflict" }, "The renderings name different speakers.") : null,
        renderings,
      ),
    );
  }
  return container;
}

// --- the whole answer -----------------------------------------------------------------------------

function render(answer, sent) {
  const colourOf = colourClasses(answer);
  const articles = $("#result-articles");
  articles.replaceChildren();
  answer.articles.forEach((article, index) => {
    const text = typeof article.text === "string" ? article.text : sent[index].content;
    const toJs = indexConverter(text, answer.offsets || "codepoint");
    articles.append(
      element(
        "article",
        { class: "article-result", "data-article-id": article.id },
        ...articleHeading(article),
        highlightedText(text, quoteSegments(article, toJs), colourOf),
      ),
    );
  });
  $("#speakers").replaceChildren(speakersList(answer, colourOf));
  $("#variant-groups").replaceChildren(variantGroups(answer));
  $("#raw").textContent = JSON.stringify(answer, null, 2);
  $("#results").hidden = false;
}

// --- wiring ---------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  addArticle();
  $("#add-article").addEventListener("click", () => $("textarea", addArticle()).focus());
  $("#check").addEventListener("submit", submit);
  $("#check").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("#check").requestSubmit();
  });
  const results = $("#results");
  for (const [type, handler] of [["mouseover", showTip], ["focusin", showTip]]) {
    results.addEventListener(type, (event) => {
      const mark = event.target.closest && event.target.closest("mark.quote");
      if (mark) handler(mark);
    });
  }
  results.addEventListener("mouseout", (event) => {
    if (event.target.closest && event.target.closest("mark.quote")) hideTip();
  });
  results.addEventListener("focusout", hideTip);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideTip();
  });
});
