"""Extraction: one document's text in, its records out. Each module finds one kind of item;
this one runs them in order, each seeing what the earlier ones found."""

from __future__ import annotations

import re

from statement_kg.extract.anniversaries import find_anniversaries
from statement_kg.extract.articles import find_articles
from statement_kg.extract.characterisations import find_characterisations
from statement_kg.extract.dates import find_dates
from statement_kg.extract.events import dated_events, placed_events
from statement_kg.extract.figures import find_figures
from statement_kg.extract.links import find_links
from statement_kg.extract.mentions import find_mentions, group_of
from statement_kg.extract.numbers import find_numbers
from statement_kg.extract.quotations import find_quotations, quoted_spans
from statement_kg.extract.responsibility import find_responsibilities
from statement_kg.extract.spans import SentenceIndex, SpanSet
from statement_kg.lexicon import Lexicon
from statement_kg.records import Document, Extraction, Figure, Mention

AGENT_TYPES = frozenset({"country", "organisation", "news_outlet", "collective", "person"})
# Numbers that label rather than count: "No. 366", "p. 172", "366th".
_LABEL_NUMBER = re.compile(r"(?:\b(?:No|p|pp|para|Art|art)\.\s*)\d+|\d+(?:st|nd|rd|th)\b")


def _concerns(figure: Figure, events: list[Mention], index: SentenceIndex) -> str | None:
    start, end = index.around(figure.span.start)
    near = [
        (abs(m.span.start - figure.span.start), m.span.start, m.entity)
        for m in events
        if start <= m.span.start < end
    ]
    return min(near)[2] if near else None


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    text = document.text
    words = lexicon.claims
    index = SentenceIndex(text)
    links = find_links(text)
    link_spans = [(k.span.start, k.span.end) for k in links]
    in_links = SpanSet(link_spans)
    mentions = [m for m in find_mentions(text, lexicon, index) if not in_links.holds(m.span.start)]
    by_type = {m: lexicon.entities[m.entity].type for m in mentions}
    events = [m for m in mentions if group_of(by_type[m]) == "event"]
    works = [m for m in mentions if group_of(by_type[m]) == "work"]
    agents = [m for m in mentions if by_type[m] in AGENT_TYPES]
    articles = find_articles(text, [m for m in agents if by_type[m] == "news_outlet"])
    article_spans = [(a.span.start, a.span.end) for a in articles]
    # Titles of other documents ("Statement ... on the 30th anniversary of ...: https://...")
    # are their words, not this statement's.
    label_spans = [(k.label_span.start, k.label_span.end) for k in links if k.label_span]
    in_labels = SpanSet(label_spans)
    anniversaries = [
        a for a in find_anniversaries(text, events, index) if not in_labels.holds(a.span.start)
    ]
    all_dates = find_dates(text)
    in_articles = SpanSet(article_spans)
    dates = [
        d
        for d in dated_events(text, all_dates, events, anniversaries, mentions, lexicon, index)
        if not in_articles.holds(d.span.start)
    ]
    quotations = find_quotations(text, agents, works, words, lexicon.quotations, index)
    not_figures = [
        *((span.start, span.end) for _, span in all_dates),
        *((m.span.start, m.span.end) for m in mentions if group_of(by_type[m]) != "event"),
        *((a.span.start, a.span.end) for a in anniversaries),
        *link_spans,
        *article_spans,
        *label_spans,
        *(m.span() for m in _LABEL_NUMBER.finditer(text)),
    ]
    figures = [
        Figure(
            f.category,
            f.value,
            f.low,
            f.high,
            f.modifier,
            f.qualifiers,
            f.span,
            f.part_of,
            _concerns(f, events, index),
        )
        for f in find_figures(text, find_numbers(text, not_figures), words, index)
    ]
    figures += [
        Figure("anniversary", float(a.ordinal), None, None, "exact", (), a.span, concerns=a.event)
        for a in anniversaries
    ]
    figures.sort(key=lambda f: f.span.start)
    characterisations = find_characterisations(
        text,
        words,
        events,
        quotations,
        [*link_spans, *article_spans, *label_spans, *((w.span.start, w.span.end) for w in works)],
        index,
    )
    responsibilities = find_responsibilities(
        text, words, agents, events, placed_events(mentions, lexicon), quoted_spans(text), index
    )
    return Extraction(
        document,
        tuple(mentions),
        tuple(dates),
        tuple(anniversaries),
        tuple(figures),
        tuple(characterisations),
        tuple(responsibilities),
        tuple(quotations),
        tuple(articles),
        tuple(links),
    )
