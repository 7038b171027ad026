"""Extraction: one document's text in, its records out. Each module finds one kind of item;
this one runs them in order, each seeing what the earlier ones found."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from statement_kg.extract.anniversaries import find_anniversaries
from statement_kg.extract.articles import find_articles
from statement_kg.extract.body_names import body_names
from statement_kg.extract.characterisations import find_characterisations
from statement_kg.extract.dates import (
    dates_a_work,
    find_dates,
    find_yearless_dates,
    posting_stamp,
    when_said,
)
from statement_kg.extract.described import find_described
from statement_kg.extract.events import dated_events, placed_events
from statement_kg.extract.figures import find_figures
from statement_kg.extract.labels import label_numbers
from statement_kg.extract.links import find_links
from statement_kg.extract.mentions import find_mentions, group_of
from statement_kg.extract.numbers import find_numbers
from statement_kg.extract.quotations import Issued, find_quotations, quoted_spans, quoted_titles
from statement_kg.extract.referred_back import referred_back
from statement_kg.extract.responsibility import find_responsibilities
from statement_kg.extract.scope import Scope
from statement_kg.extract.spans import SentenceIndex, SpanSet, make_span
from statement_kg.extract.turns import find_turns
from statement_kg.extract.voice import Speakers, VoiceReader
from statement_kg.extract.voice_parse import folded
from statement_kg.language import Analysis, analyse
from statement_kg.language.margins import blanked, margin_numbers, note_numbers, unnumbered
from statement_kg.language.normalise import markup_spans
from statement_kg.lexicon import Lexicon
from statement_kg.records import (
    AnniversaryMention,
    ArticleCitation,
    DateMention,
    Document,
    Extraction,
    Figure,
    Link,
    Mention,
    PartialDate,
    Quotation,
    Span,
    TimeSpec,
    Voice,
)
from statement_kg.structure import document as structure
from statement_kg.structure.document import Structure

AGENT_TYPES = frozenset({"country", "organisation", "news_outlet", "collective", "person"})


def _issuer_names(document: Document, lexicon: Lexicon, read: Structure) -> tuple[str, ...]:
    """The names the issuer goes by: its sidecar entities', or what the text's letterhead,
    heading or signature says when there is no sidecar."""
    if document.meta.issuers:
        return tuple(
            name for issuer in document.meta.issuers for name in lexicon.entities[issuer].names
        )
    # The words that name an issuer with their title too ("the Ombudsman, NAME").
    return tuple(
        name
        for f in read.issuers
        for name in (
            f.value,
            " ".join(f.span.exact.split()),
            *(" ".join(s.exact.split()) for s in f.also),
        )
    )


def _issuer_ids(document: Document, read: Structure) -> frozenset[str]:
    """The issuers' entity ids: its sidecar's, or those the text's structure names, so that
    the words a relayed text quotes from its own issuer stay the issuer's."""
    if document.meta.issuers:
        return frozenset(document.meta.issuers)
    return frozenset(f.entity for f in read.issuers if f.entity is not None)


def _lead_speaker(read: Structure) -> tuple[int, int] | None:
    """Where a news report's lead names the one person whose words it reports."""
    if len(read.issuers) != 1 or read.issuers[0].kind != "relay sentence" or not read.relays:
        return None
    return read.issuers[0].span.start, read.issuers[0].span.end


def _relays(
    document: Document, lexicon: Lexicon, read: Structure
) -> tuple[frozenset[str], tuple[str, ...]]:
    """Who relayed the text, by id and by the words that name them."""
    if document.meta.relayed_by:
        ids = frozenset(document.meta.relayed_by)
        return ids, tuple(n for r in ids for n in lexicon.entities[r].names)
    found = read.relays
    return frozenset(f.entity for f in found if f.entity is not None), tuple(f.value for f in found)


def _speakers(
    document: Document,
    lexicon: Lexicon,
    read: Structure,
    issuers: frozenset[str],
    agents: list[Mention],
    quotations: list[Quotation],
    places: tuple[Mention, ...],
) -> Speakers:
    """Who the issuer is, who relayed the text, and who else a sentence may make speak."""
    relays, relay_names = _relays(document, lexicon, read)
    return Speakers(
        issuers=issuers,
        issuer_names=_issuer_names(document, lexicon, read),
        agents=tuple(agents),
        quotations=tuple(quotations),
        places=places,
        relays=relays,
        relay_names=relay_names,
        nations=tuple(
            folded(name)
            for e in lexicon.entities.values()
            if e.type == "country"
            for name in e.names
            if len(name.split()) == 1
        ),
        turns=find_turns(document.text, *read.body, lexicon.claims.voice.field_labels),
    )


def _figure_voice(reader: VoiceReader, figure: Figure) -> Voice:
    """A part of a figure ("613, including 106 women") is in the voice of its whole, unless
    its own words give it another."""
    voice = reader.voice(figure.span.start, figure.span.end)
    if voice.own and figure.part_of is not None:
        return reader.voice(figure.part_of.start, figure.part_of.end)
    return voice


def _present(date: DateMention, issued: PartialDate | None) -> bool:
    """A day on or after the one the text was issued (the commemoration it announces, the
    day a proclamation names): the present the text speaks from, no event it recounts."""
    if issued is None or issued.precision != "day" or date.time.begin.precision != "day":
        return False
    return date.time.begin.iso > issued.iso


def _days(events: list[Mention], lexicon: Lexicon) -> frozenset[TimeSpec]:
    """The days (not the years or months) of the events the text names."""
    whens = (lexicon.entities[m.entity].when for m in events)
    return frozenset(
        w for w in whens if w is not None and w.end is None and w.begin.precision == "day"
    )


def _event_dates(
    text: str,
    analysis: Analysis,
    own: SpanSet,
    lexicon: Lexicon,
    written: list[tuple[TimeSpec, Span]],
    days: frozenset[TimeSpec] = frozenset(),
    issued: PartialDate | None = None,
) -> list[tuple[TimeSpec, Span]]:
    """The dates that may date an event: not the document's own date lines, not a day a
    statement was made ("said on 3 March"), not the year in a work's name ("the 1992
    report") nor the day of a work ("the Order of 22 February 2023"), unless it is the
    day of an event the text names (`days`: "its judgment of 22 April 2010", where the
    mappings know the judgment's delivery as an event)."""
    said = lexicon.structure.said_verbs
    yearless = [
        d
        for d in find_yearless_dates(text, written, issued.iso if issued else None)
        if not when_said(analysis, d[1], said)
    ]
    citations = lexicon.claims.citations
    works = frozenset(citations.works) | citations.title_nouns
    dated = lexicon.structure.dated_words
    # "the letter appeared in the Courier on Feb. 24": the day a text was printed.
    issuing = lexicon.structure.issued_verbs | lexicon.structure.reprint_verbs
    return sorted(
        (
            d
            for d in [*written, *yearless]
            if not own.holds(d[1].start)
            and not posting_stamp(text, d[1])
            and (d[0] in days or not dates_a_work(analysis, d[1], works, issuing, dated))
        ),
        key=lambda d: d[1].start,
    )


# How far before and after an address its element's tags may stand.
TAG_REACH = 40


def _cited_links(text: str, links: list[Link], body: tuple[int, int]) -> list[Link]:
    """The links that cite a document: not a site's address alone ("www.ombudsman.gov.az")
    on a letterhead or in a footer, the issuer's own site (in the running text, "see
    www.x.org" points to one); nor a feed's or a map's own addresses, inside a tag
    ('xmlns="http://..."') or the whole value of an element ("<link>https://...</link>")."""
    tags = SpanSet(markup_spans(text))
    return [
        k
        for k in links
        if not tags.overlaps(k.span.start, k.span.end)
        and not (
            text[max(0, k.span.start - TAG_REACH) : k.span.start].rstrip().endswith(">")
            and text[k.span.end : k.span.end + TAG_REACH].lstrip().startswith("<")
        )
        and (
            body[0] <= k.span.start < body[1]
            or urlsplit(k.url).path not in {"", "/"}
            or urlsplit(k.url).query
        )
    ]


def _articles(
    text: str, works: list[Mention], agents: list[Mention], by_type: dict[Mention, str]
) -> list[ArticleCitation]:
    """The articles cited by outlet, but for one a recogniser read in fuller words ("his
    interview to X on DAY", a note that cites it): it is cited there, once."""
    read = [m.span for m in works if by_type[m] == "news_article"]
    return [
        a
        for a in find_articles(text, [m for m in agents if by_type[m] == "news_outlet"])
        if not any(r.start < a.span.end and a.span.start < r.end for r in read)
    ]


def _anniversaries(
    text: str, events: list[Mention], index: SentenceIndex, in_labels: SpanSet
) -> list[AnniversaryMention]:
    """The anniversaries the text counts, outside the titles of other documents; ordinals
    are read as if a margin's line numbers were blank ("27th / 37  anniversary")."""
    return [
        replace(a, span=make_span(text, a.span.start, a.span.end))
        for a in find_anniversaries(unnumbered(text), events, index)
        if not in_labels.holds(a.span.start)
    ]


def _mentions(
    text: str, lexicon: Lexicon, index: SentenceIndex, in_links: SpanSet
) -> list[Mention]:
    """The entities the text names, outside its links, and the works it refers back to."""
    mentions = [m for m in find_mentions(text, lexicon, index) if not in_links.holds(m.span.start)]
    return mentions + referred_back(text, mentions, lexicon)


def _courts(agents: list[Mention], lexicon: Lexicon) -> frozenset[str]:
    """The agents named that are courts, by a word of their name."""
    court_words = lexicon.claims.citations.court_words
    return frozenset(
        m.entity
        for m in agents
        if court_words & set(lexicon.entities[m.entity].label.lower().split())
    )


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    text = document.text
    words = lexicon.claims
    index = SentenceIndex(text)
    links = find_links(text)
    link_spans = [(k.span.start, k.span.end) for k in links]
    in_links = SpanSet(link_spans)
    mentions = _mentions(text, lexicon, index, in_links)
    by_type = {m: lexicon.entities[m.entity].type for m in mentions}
    events = [m for m in mentions if group_of(by_type[m]) == "event"]
    works = [m for m in mentions if group_of(by_type[m]) == "work"]
    agents = [m for m in mentions if by_type[m] in AGENT_TYPES]
    articles = _articles(text, works, agents, by_type)
    # The words that cite an article, or a work read from the text itself ("X v. Y, no. N,
    # 16 June 2015"), hold the work's date, no event's.
    article_spans = [(a.span.start, a.span.end) for a in articles] + [
        (m.span.start, m.span.end) for m in works if lexicon.entities[m.entity].recognised
    ]
    # Titles of other documents ("Statement ... on the 30th anniversary of ...: https://...")
    # are their words, not this statement's.
    label_spans = [(k.label_span.start, k.label_span.end) for k in links if k.label_span]
    in_labels = SpanSet(label_spans)
    anniversaries = _anniversaries(text, events, index, in_labels)
    # The document's own date lines (dateline, relay line, letter head) date no event.
    read = structure.read_structure(text, lexicon)
    # A page's menus and footer date nothing either.
    own = (*read.own_spans, *read.chrome)
    in_own = SpanSet(list(own))
    analysis = analyse(text)
    written = find_dates(text)
    issued = document.meta.issued.date or (read.date.date if read.date else None)
    all_dates = _event_dates(
        text, analysis, in_own, lexicon, written, _days(events, lexicon), issued
    )
    in_articles = SpanSet(article_spans)
    dates = [
        d
        for d in dated_events(text, all_dates, events, anniversaries, mentions, lexicon, index)
        if not in_articles.holds(d.span.start) and not _present(d, issued)
    ]
    people = [m for m in agents if by_type[m] == "person"]
    issuers = _issuer_ids(document, read)
    # A relayed text in quotation marks, paragraphs long, is the issuer's text itself, not a
    # quotation in it. (A title in quotation marks that a note cites is a work: no quote.)
    quotations = [
        q
        for q in find_quotations(
            text,
            agents,
            works,
            words,
            lexicon.quotations,
            index,
            analysis,
            people,
            Issued(
                min(issuers) if len(issuers) == 1 else None,
                read.issuers[0].value if len(read.issuers) == 1 else None,
                _lead_speaker(read),
                lexicon.structure.reads_nouns,
                lexicon.structure.reads_verbs,
            ),
        )
        if not (q.speaker in issuers and "\n\n" in q.span.exact)
    ]
    placed = placed_events(mentions, lexicon)
    placed_spans = {(m.span.start, m.span.end) for m in placed}
    scope = Scope(
        analysis,
        tuple(events),
        tuple(placed),
        tuple(
            m
            for m in mentions
            if by_type[m] == "place" and (m.span.start, m.span.end) not in placed_spans
        ),
        tuple(all_dates),
        {e.id: e.when for e in lexicon.entities.values() if e.when is not None},
    )
    not_figures = [
        *own,
        *((span.start, span.end) for _, span in all_dates),
        # A work's date ("822 (1993)", "the 1992 report") dates no event and counts nothing.
        *((span.start, span.end) for _, span in written),
        *((m.span.start, m.span.end) for m in mentions if group_of(by_type[m]) != "event"),
        *((a.span.start, a.span.end) for a in anniversaries),
        *link_spans,
        *article_spans,
        *label_spans,
        *label_numbers(text),
    ]
    # Figures are read as if a margin's line numbers and the notes' numbers after a number
    # were blank ("roughly twenty / 16 percent", "1,000.14 The"); their spans keep the
    # received words.
    margins = [*margin_numbers(text), *note_numbers(text)]
    plain = blanked(text, margins)
    towns = SpanSet([(m.span.start, m.span.end) for m in mentions if by_type[m] == "place"])
    numbers = find_numbers(plain, not_figures)
    figures = [
        Figure(
            f.category,
            f.value,
            f.low,
            f.high,
            f.modifier,
            f.qualifiers,
            make_span(text, f.span.start, f.span.end),
            make_span(text, f.part_of.start, f.part_of.end) if f.part_of else None,
            scope.clause_event(f.span.start, f.span.end),
        )
        for f in find_figures(plain, numbers, words, SentenceIndex(plain), analysis, towns)
    ]
    figures += [
        Figure("anniversary", float(a.ordinal), None, None, "exact", (), a.span, concerns=a.event)
        for a in anniversaries
    ]
    figures.sort(key=lambda f: f.span.start)
    quotes = quoted_spans(text)
    characterisations = find_characterisations(
        text,
        words,
        [
            *link_spans,
            *article_spans,
            *label_spans,
            *((w.span.start, w.span.end) for w in works),
            *quoted_titles(text, quotes),
            *read.chrome,
            *body_names(
                analysis, lexicon.structure.organisation_heads, lexicon.structure.document_nouns
            ),
        ],
        index,
        analysis,
    )
    responsibilities = find_responsibilities(text, words, agents, events, placed, quotes, index)
    places = tuple(m for m in mentions if by_type[m] == "place")
    reader = VoiceReader(
        analysis,
        words.voice,
        _speakers(document, lexicon, read, issuers, agents, quotations, places),
    )
    figures = [
        f if f.category == "anniversary" else replace(f, voice=_figure_voice(reader, f))
        for f in figures
    ]
    characterisations = [
        replace(
            c,
            voice=reader.voice(c.span.start, c.span.end),
            event=scope.event(c.span.start, c.span.end),
        )
        for c in characterisations
    ]
    responsibilities = [
        replace(r, voice=reader.voice(r.span.start, r.span.end)) for r in responsibilities
    ]
    links = _cited_links(text, links, read.body)
    cited = [
        *works,
        *(Mention("article", a.span) for a in articles),
        *(Mention("link", k.span) for k in links),
    ]
    described = find_described(analysis, words.citations, cited, agents, _courts(agents, lexicon))
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
        tuple(described),
    )
