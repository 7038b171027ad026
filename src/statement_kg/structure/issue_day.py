"""The document's own date, chosen among its date lines (as structure.datelines reads them),
or else the day the text says it marks."""

from __future__ import annotations

from statement_kg.extract.dates import find_dates
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated
from statement_kg.structure.zones import Zones, line_around

# How far after a date the verb that makes it the day a text marks may come.
OCCASION_REACH = 40


def _occasion(zones: Zones, cues: StructureCues) -> Dated | None:
    """The day a text says it marks ("February 26, 2020 marks the 28th anniversary")."""
    analysis = zones.analysis
    for time, span in find_dates(analysis.original):
        if time.end is not None or time.begin.precision != "day":
            continue
        # The date is what marks the occasion: the verb right after it ("February 26, 2020
        # marks the 28th anniversary"), not a date elsewhere in a long sentence.
        after = analysis.tokens(span.end, span.end + OCCASION_REACH)
        verbs = [t for t in after if t.pos_ in {"VERB", "AUX"}]
        if not verbs or verbs[0].lemma_.lower() not in cues.occasion_verbs:
            continue
        objects = {
            t.lemma_.lower() for c in verbs[0].children if c.dep_ == "dobj" for t in c.subtree
        }
        if objects & cues.occasion_nouns:
            return Dated(time.begin, span, "occasion", (span.start, span.end))
    return None


def issue_date(zones: Zones, cues: StructureCues, dated: list[Dated]) -> Dated | None:
    """The document's date, from its date lines (`dated`, as own_dates reads them): the
    most telling one; a dateline in the head before one in the tail; else the distribution
    date, else the day the text says it marks."""
    found = [d for d in dated if d.kind not in {"distribution", "annex", "running", "column"}]
    if not found:
        # A running head that repeats the title is the only date line left: it dates it.
        fallback = [d for d in dated if d.kind == "distribution"] + [
            d for d in dated if d.kind == "running"
        ]
        return fallback[0] if fallback else _occasion(zones, cues)
    text = zones.analysis.original
    best = found[0]
    if best.kind == "dateline":
        head_lines = [d for d in found if d.kind == "dateline" and d.line[1] <= zones.body_start]
        best = head_lines[0] if head_lines else best
        # "Posted: DATE" over the text's own "Baku, DATE": the text's day, not the page's.
        placed = [d for d in head_lines if d.place is not None]
        posting = text[best.line[0] : best.span.start].split()[:1]
        if placed and posting and posting[0].rstrip(":").lower() in cues.posting_words:
            best = placed[0]
    # "June 1993" on the title page, "Yerevan, 15 June 1993" over the signatures; "Spring
    # 2025" over "Syllabus version: January 8, 2025": the day. A running head's year and
    # the foot's "Published February 2026.": the month.
    days = [
        d
        for d in found
        if d.kind in {"dateline", "signed"}
        and _finer(d.date.precision, best.date.precision)
        # A year's day in the head: not the first class of a syllabus's schedule.
        and (
            best.date.precision == "month"
            or d.line[1] <= zones.body_start
            or _last_word(text[d.line[0] : d.span.start]) in cues.posting_words
        )
        and d.date.iso.startswith(best.date.iso)
    ]
    return days[0] if days else _last_of_record(zones.analysis.original, best, found)


# How much a date says, by its precision.
_PRECISION = {"year": 0, "month": 1, "day": 2}


def _finer(precision: str, than: str) -> bool:
    """Whether a date of `precision` says more than one of `than`."""
    return _PRECISION[precision] > _PRECISION[than]


def _last_word(words: str) -> str:
    return (words.split() or [""])[-1].lower()


def _last_of_record(text: str, best: Dated, found: list[Dated]) -> Dated:
    """ "Adopted by the House ... February 14, 2013 / Adopted by the Senate ... February 20,
    2013": rows of one record of adoption under the same word; the last day completes it."""
    row = line_around(text, *best.line)
    label = text[row[0] : best.span.start].split()[:1]
    if not label or not label[0].isalpha():
        return best
    rows = {line_around(text, *d.line): d for d in found if d.kind == best.kind}
    last = best
    while row[1] < len(text):
        below = line_around(text, row[1] + 1, row[1] + 1)
        following = rows.get(below)
        if following is None or text[below[0] : following.span.start].split()[:1] != label:
            return last
        row, last = below, max(last, following, key=lambda d: d.date.iso)
    return last
