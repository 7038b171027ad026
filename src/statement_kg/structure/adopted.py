"""A document's title and closing sentences that date it: "European Parliament resolution
of 14 March 2024 on ...", "This statement was read out and adopted by the Assembly on 24
February 2022."."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Token

from statement_kg.extract.dates import NUMBER_MARK
from statement_kg.language import Analysis
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated
from statement_kg.structure.line_dates import Dates, in_lines, single
from statement_kg.structure.zones import Line, Zones

# The sentences at the end of a text that may say when it was adopted.
CLOSING_SENTENCES = 3
# The words that make a document noun the text's own: "the following statement".
_THIS = frozenset({"following", "this", "present"})


# A journal's volume and number ("Vol. 14, No. 2").
_VOLUME = re.compile(r"\bVol(?:ume)?\.?\s*\d+", re.IGNORECASE)
# "of February 17, 2012 No. 31": the act's number after its date.
_NUMBER = re.compile(r"\s*" + NUMBER_MARK + r"\s*\d", re.IGNORECASE)
# How far into its line a record's sitting line names the sitting.
SITTING_WORDS = 3


def titled_dates(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """ "European Parliament resolution of 14 March 2024 on ...": a heading that names the
    document by its kind and date, or the sitting a record is of and its day."""
    found = []
    above_of = dict(zip(zones.head[1:], zones.head, strict=False))
    for line, date, span in in_lines(zones.head, dates):
        words = [t for t in zones.analysis.tokens(line.start, span.start) if not t.is_space]
        # "RESOLUTION OF THE CABINET OF MINISTERS OF X / of February 17, 2012 No. 31": an
        # act's heading in the post-Soviet form, its date on a line of its own under its kind.
        above = above_of.get(line)
        numbered = _NUMBER.match(zones.analysis.original, span.end, line.end) is not None
        if above is not None and [w.lower_ for w in words] == ["of"] and numbered:
            words = [*_words(zones, above)[:1], *words]
        # Not a sentence a field's value runs into ("STATUS: Confidential. Released by
        # Board decision of DATE"): a heading.
        titled = (
            len(words) >= 2
            and words[-1].lower_ == "of"
            and words[-2].lemma_.lower() in (cues.document_nouns)
            and ". " not in zones.analysis.original[line.start : span.start]
        )
        # "1st Session, 42nd Parliament -- Tuesday 26 February 2019": a record's sitting, named
        # first on its line (not a speech's heading "Statement by X at the 40th session").
        sitting = date.precision == "day" and any(
            t.lemma_.lower() in cues.meeting_nouns for t in words[:SITTING_WORDS]
        )
        # "Summary record of the 2987th meeting / Held at X, on Tuesday, 13 August 2024": a
        # record's meeting, and the line that says when it was held.
        held = (
            date.precision == "day"
            and above is not None
            and bool(words)
            and words[0].lemma_.lower() == "hold"
            and any(t.lemma_.lower() in cues.meeting_nouns for t in _words(zones, above))
        )
        # "Journal of X, Vol. 14, No. 2 (2012), pp. 211-238": a journal's issue.
        bracketed = zones.analysis.original[span.start - 1 : span.end + 1] == f"({span.exact})"
        issue = _VOLUME.search(line.text) is not None and bracketed
        # "PRESENTER'S SCRIPT — rev. 3 (final) — 23.02.2026": the day of the revision the
        # document is (its word and number), closing its line.
        closes = not zones.analysis.original[span.end : line.end].strip(" .")
        marks = [w for w in words if not w.is_punct]
        revised = closes and any(
            w.lower_.rstrip(".") in cues.revision_words and n.like_num
            for w, n in itertools.pairwise(marks)
        )
        if titled or sitting or held or issue or revised:
            found.append(Dated(date, span, "titled", (line.start, line.end)))
    return found


def _words(zones: Zones, line: Line) -> list[Token]:
    return [t for t in zones.analysis.tokens(line.start, line.end) if not t.is_space]


def adoption_sentences(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """ "This statement was read out and adopted by the Assembly on 24 February 2022.": a
    closing sentence that says when the document itself was adopted or issued; or the
    body's first paragraph, parsed on its own, that introduces it ("The following statement
    was issued by X on DATE.")."""
    analysis = zones.analysis
    closing = list(analysis.doc.sents)[-CLOSING_SENTENCES:]
    if not closing:
        return []
    opening = analysis.span_of(list(closing[0]))[0]
    start, end = zones.body_start, zones.lead_end
    found = []
    for time, span in dates:
        date = single(time)
        if date is None:
            continue
        # The lead is parsed (a second time) only for a date inside it.
        introduced = start <= span.start and span.end <= end
        if introduced:
            tokens = zones.lead[1].tokens(span.start - start, span.end - start)
        else:
            tokens = analysis.tokens(span.start, span.end) if span.start >= opening else []
        parsed = zones.lead[1] if introduced else analysis
        if tokens and _issued_then(parsed, tokens[0], cues, this=introduced):
            found.append(Dated(date, span, "adopted", (span.start, span.end)))
    return found


def _issued_then(analysis: Analysis, token: Token, cues: StructureCues, this: bool = False) -> bool:
    """Whether the date hangs under a verb of issuing whose subject is a document (with
    `this`, the document that follows: "The following statement", "This statement")."""
    # The verbs the date hangs under ("adopted ... at its sitting on DATE"), and the verbs
    # they are coordinated with ("was read out and adopted"), in its paragraph (the parser
    # may run a sentence on past a blank line).
    paragraph = analysis.paragraph(token)
    path = [
        t
        for t in token.ancestors
        if t.pos_ in {"VERB", "AUX"} and analysis.paragraph(t) == paragraph
    ]
    verbs = [*path, *(c for v in path for c in v.children if c.dep_ == "conj")]
    verbs += [v.head for v in path if v.dep_ == "conj"]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubjpass"]
    if this:
        subjects = [s for s in subjects if any(c.lower_ in _THIS for c in s.children if c.i < s.i)]
    return any(v.lemma_.lower() in cues.issued_verbs for v in verbs) and any(
        s.lemma_.lower() in cues.document_nouns for s in subjects
    )
