"""A body's release that another body's site carries: under the headline, a line of the
issuing body's name and the day it issued the text ("Republic Of Türkiye Ministry Of
Foreign Affairs 26.02.2024" on an embassy's page)."""

from __future__ import annotations

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.names import found, names_body, says
from statement_kg.structure.zones import Zones

# A body's name in such a line runs to a few words at least ("Ministry Of Foreign Affairs").
SOURCE_WORDS = 3
# The line stands among the page's first lines.
SOURCE_LINES = 15


def dated_source(
    zones: Zones, dated: list[Dated], lexicon: Lexicon, mentions: list[Mention]
) -> Found | None:
    """The body a line of its name and a day names, among the first lines and not the
    first (a site's own header), in capitalised words without a verb."""
    text = zones.analysis.original
    cues = lexicon.structure
    early = zones.lines[1:SOURCE_LINES]
    for d in dated:
        line = next((n for n in early if n.start <= d.span.start and d.span.end <= n.end), None)
        if line is None or text[d.span.end : line.end].strip(" .") or d.place is not None:
            continue
        tokens = [t for t in zones.analysis.tokens(line.start, d.span.start) if not t.is_space]
        words = [t for t in tokens if t.is_alpha]
        if (
            len(words) < SOURCE_WORDS
            or len(words) != len(tokens)
            or not all(t.is_title or t.is_upper or t.is_stop for t in words)
            or not names_body(words, cues.organisation_heads)
            or says(words)
            or any(t.pos_ in {"VERB", "AUX"} or t.tag_ == "VBN" for t in words)
            # "Meeting of the Board ... DATE" says when a body met; "Permanent Mission of X
            # to the United Nations DATE" addresses a letter.
            or any(t.lower_ in cues.meeting_nouns or t.lower_ == "to" for t in words)
        ):
            continue
        return found(text, *zones.analysis.span_of(words), "source line", mentions, lexicon)
    return None
