"""Who a text's first words name as its author: a by-line in the head ("By PETER
LINDGREN", "Posted on DATE by NAME", "By NAME, Caucasus Wire Service") and the subject
that opens a press release's first sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.heading import announces
from statement_kg.structure.line_dates import CELL_BARS
from statement_kg.structure.names import found, names_body, trim
from statement_kg.structure.zones import Zones

# How many of a text's first lines a participle's by-line may stand among.
EARLY_LINES = 15
# The dash that closes a dateline ("New York -- ...", "BAKU — ...").
_LEAD_DASHES = frozenset({"--", "—", "–"})


def byline(
    zones: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
    skip: list[tuple[int, int]],
    posted_only: bool = False,
) -> list[Found]:
    """The author a by-line names in the head ("By PETER LINDGREN", a petition's "Started
    by NAME"). Under a news site's header ("posted_only") a plain by-line names the site's
    reporter; one that says the text was posted by someone ("Posted on 3 March 2022 by
    NAME") names a blog's author, the issuer."""
    cues = lexicon.structure
    heads = cues.organisation_heads
    analysis = zones.analysis
    # A participle's by-line may stand among the first lines under a page's title, which
    # the head may not reach ("Created by NAME" under a project's name and tagline).
    early = [line for line in zones.lines[:EARLY_LINES] if line.start >= zones.body_start]
    lines = [*zones.head, *early]
    for n, line in enumerate(lines):
        # "ARCHBISHOP NAME, / BY THE GRACE OF GOD PRIMATE OF ...": a line that runs on from
        # the one above is no by-line.
        if n and lines[n - 1].text.endswith(","):
            continue
        tokens = analysis.tokens(line.start, line.end)
        # "Started by NAME", "Posted on 12.09.2019 by NAME": a participle, then the by-line
        # (on a line that may be a relay's date line too).
        posted = bool(tokens) and tokens[0].is_title and tokens[0].lower_ in cues.byline_participles
        # "r/IAmA • Posted by NAME on DATE": the by-line in a cell after a separator.
        cell = next(
            (
                n + 1
                for n, t in enumerate(tokens[:-1])
                if t.text in CELL_BARS
                and tokens[n + 1].is_title
                and tokens[n + 1].lower_ in cues.byline_participles
            ),
            None,
        )
        if not posted and cell is not None:
            tokens, posted = tokens[cell:], True
        if not posted and (line in early or any(a <= line.start < b for a, b in skip)):
            continue
        # Among the first lines, a line of its own, not a paragraph's wrapped line ("...
        # Heydar Aliyev Foundation, the").
        if line in early and (line.text.endswith(",") or tokens[-1].is_stop):
            continue
        if posted:
            # "Maintained by the **Artsakh Data Collective**": a markup's emphasis marks.
            tokens = [t for t in tokens if t.text.strip("*_")]
            by = [n for n, t in enumerate(tokens) if t.lower_ in cues.byline]
            tokens = tokens[by[0] :] if by else []
            # "Organised by the X PLATFORM": a body, after its article (not a part of one:
            # "by the Institute's Geneva office").
            named = names_body(tokens, heads) and not any(t.tag_ == "POS" for t in tokens)
            # "Organized by: NAME OF A BODY": a field's label, its colon no part of the name
            # (a person's field, "Submitted by: NAME", is a staff report's, no by-line).
            if named and len(tokens) > 1 and tokens[1].text == ":":
                tokens = [tokens[0], *tokens[2:]]
            if len(tokens) > 2 and tokens[1].lower_ == "the" and named:
                tokens = [tokens[0], *tokens[2:]]
        elif posted_only:
            # "By The Northern Press" under a paper's header: a wire's column the paper
            # carries, not its own reporter's or its staff's ("By The Editorial Board").
            wire = len(tokens) > 3 and tokens[0].lower_ in cues.byline and tokens[1].lower_ == "the"
            staff = any(t.lower_ in cues.own_staff for t in tokens)
            if wire and tokens[2].is_title and not staff:
                name = trim(tokens[2:])
                span = analysis.span_of(name)
                return [found(analysis.original, *span, "agency by-line", mentions, lexicon)]
            continue
        if (
            len(tokens) >= 3
            and tokens[0].lower_ in cues.byline
            and tokens[1].is_title | tokens[1].is_upper
        ):
            name = trim([t for t in tokens[1:] if not t.is_space])
            # The name ends at the first mark ("," or a separator such as "|"), not at the
            # hyphen inside a name ("Ter-Grigoryan"), or at a small word that goes on with
            # the line ("Posted by NAME on DATE").
            cut = next(
                (
                    n
                    for n, t in enumerate(name)
                    if (not any(c.isalpha() for c in t.text) and not _joins(t)) or _goes_on(t)
                ),
                len(name),
            )
            if name[:cut]:
                span = analysis.span_of(name[:cut])
                return [found(analysis.original, *span, "by-line", mentions, lexicon)]
    return []


# The parts of speech of a small word after a by-line's name ("on", "at").
_GOES_ON = frozenset({"ADP", "SCONJ"})


# "2", "2012/02/27", "12.09.2019": a day or a date in figures ("21st" is a name's).
_NUMERIC_DATE = re.compile(r"\d{1,4}(?:[./-]\d{1,2}){0,2}")


def _goes_on(token: Token) -> bool:
    """ "Posted by NAME on 2012/02/27": a small word before a date goes on with the line
    (the "for" in "the Centre for Peace" is the name's)."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    dated = following is not None and (
        following.ent_type_ == "DATE" or _NUMERIC_DATE.fullmatch(following.text) is not None
    )
    return token.is_lower and token.pos_ in _GOES_ON and dated


def _joins(token: Token) -> bool:
    """A hyphen set tight between two words, as in a double name."""
    return (
        token.text in {"-", "‐"}
        and not token.whitespace_
        and token.i > 0
        and not token.nbor(-1).whitespace_
    )


def byline_organisation(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "By NAME, Caucasus Wire Service": a reporter writing for a body the by-line names;
    the report is that body's own, even under a site's header."""
    cues = lexicon.structure
    analysis = zones.analysis
    for line in zones.head:
        tokens = [t for t in analysis.tokens(line.start, line.end) if not t.is_space]
        if len(tokens) < 4 or tokens[0].lower_ not in cues.byline:
            continue
        commas = [n for n, t in enumerate(tokens) if t.text == ","]
        body = trim(tokens[commas[0] + 1 :]) if commas else []
        if any(t.lower_ in cues.affiliations for t in body):
            continue
        if body and body[0].is_title and names_body(body, cues.organisation_heads):
            return [found(analysis.original, *analysis.span_of(body), "by-line", mentions, lexicon)]
    return []


def lead_subject(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """A press release that names its issuer nowhere else names it as the subject that
    opens its first sentence ("The Foreign Affairs Committee of the Parliament of X today
    heard ..."): the body that acts, in the active voice."""
    # Only a text that says it is a release ("Press release", "NEWS RELEASE" on a line or
    # column of its head): elsewhere a first sentence's subject may be anyone.
    cues = lexicon.structure
    if not any(announces(zones.analysis.tokens(h.start, h.end), cues) for h in zones.head):
        return []
    text = zones.analysis.original
    start, lead = zones.lead
    sentences = list(lead.doc.sents)
    if not sentences:
        return []
    for child in (c for t in sentences[0] for c in t.children if c.dep_ == "nsubj"):
        subject = [t for t in child.subtree if not t.is_space]
        # "New York -- Civil Liberties Watch today called ...": the dateline is no part of
        # the name.
        dashes = [n for n, t in enumerate(subject) if t.text in _LEAD_DASHES]
        opens = bool(subject) and subject[0].i <= 1
        subject = trim(subject[dashes[-1] + 1 :] if dashes else subject)
        named = opens and bool(subject) and (subject[0].is_title or subject[0].is_upper)
        if named and names_body(subject, cues.organisation_heads):
            first, last = lead.span_of(subject)
            lead_found = found(
                text, start + first, start + last, "lead sentence", mentions, lexicon
            )
            return [_spelled_in_head(zones, lead_found, mentions, lexicon)]
    return []


def _spelled_in_head(
    zones: Zones, named: Found, mentions: list[Mention], lexicon: Lexicon
) -> Found:
    """The lead's body where a line of the head spells out the same name (a letterhead in
    capitals over the release), else as the lead names it."""
    for line in zones.head:
        if " ".join(line.text.split()).casefold() == named.value.casefold():
            head = found(
                zones.analysis.original, line.start, line.end, "letterhead", mentions, lexicon
            )
            return replace(head, also=(named.span,))
    return named
