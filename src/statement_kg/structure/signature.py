"""Signature blocks: a name over a title at the end of a letter or statement ("(Signed)
Rauf Mammadli / Ambassador / Permanent Representative", "Samira Huseynova / Commissioner
for Human Rights"), a name and its title on one line under the signing rule ("Daniel R.
Whitfield, Mayor"), several names side by side over their countries, or offices that sign
by title alone in the tail ("Minister of Foreign Affairs of the Republic of X")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import YEARLESS_DAY, yearless_day
from statement_kg.structure.names import (
    GIVEN_AND_FAMILY,
    NAME_WORDS,
    PERSON_NAME,
    found,
    names_body,
)
from statement_kg.structure.zones import (
    Line,
    Zones,
    column,
    indent,
    is_rule,
    line_around,
    row_cells,
    same_row,
)

# A person's name on a line of its own: two to four capitalised words, initials allowed.
_NAME = re.compile(rf"^\(?{PERSON_NAME}\)?$")
# A signature block sits within this many lines of its mark or of the title below it.
TITLE_LINES = 2
# "Daniel R. Whitfield, Mayor": a title after the name, a few words at most.
TITLE_WORDS = 4
# Cells of one column start within a few characters of each other.
COLUMN_SLACK = 3
# A closing line over a signature is short.
CLOSING_WORDS = 8
# The name, a title or two and the date under a closing line.
SIGNED_LINES = 4
# "Feb. 28", "27 February": a day a writer dates a letter by, its year left out.
_MONTH_DAY = re.compile(rf"\b{YEARLESS_DAY}\s*$")
# Where and when a writer signs: "Fresno", "Glendale, Calif.", "Baku, 20 February 2023".
_WHERE_AND_WHEN = frozenset({"GPE", "LOC", "DATE"})
# A place's name before its comma is a few words.
PLACE_WORDS = 3
# An office that signs by its title: from "Minister of Foreign Affairs" to "Minister of
# Foreign Affairs of the Islamic Republic of X" and a little longer.
OFFICE_WORDS = range(4, 15)


def _titled(zones: Zones, line: Line, titles: frozenset[str]) -> bool:
    words = [t.lower_ for t in zones.analysis.tokens(line.start, line.end)]
    return any(w in titles for w in words[:4])


def _title_below(zones: Zones, lines: list[Line], index: int, titles: frozenset[str]) -> bool:
    return any(_titled(zones, line, titles) for line in lines[index + 1 : index + 1 + TITLE_LINES])


def _title_end(zones: Zones, lines: list[Line], index: int, titles: frozenset[str]) -> int | None:
    """Where the title lines right under a signer's name end ("Ambassador, Permanent
    Representative"), if the next line is one."""
    text = zones.analysis.original
    end = None
    at = column(text, lines[index].start)
    # In columns of signers side by side, the title under each name, not the next cell.
    alone = len(row_cells(text, lines, index)) == 1
    below = [
        n for n in lines[index + 1 :] if alone or abs(column(text, n.start) - at) <= COLUMN_SLACK
    ]
    for line in below[:TITLE_LINES]:
        previous = end or lines[index].end
        if text.count("\n", previous, line.start) != 1 or not _titled(zones, line, titles):
            break
        end = line.end
    return end


def _name_cell(text: str, line: Line, marks: tuple[str, ...]) -> tuple[int, int] | None:
    """The name in a signature line, after a mark like "(Signed)"."""
    start, words = line.start, line.text
    for mark in marks:
        if words.lower().startswith(mark):
            cut = len(mark)
            start += cut + len(words[cut:]) - len(words[cut:].lstrip())
            words = words[cut:].strip()
            break
    if not _NAME.match(words):
        return None
    if words.startswith("(") and words.endswith(")"):
        return start + 1, start + len(words) - 1
    return start, start + len(words)


def name_and_title(zones: Zones, line: Line, titles: frozenset[str]) -> int | None:
    """Where the name ends in a line of a name and the signer's title after a comma."""
    name, comma, title = line.text.partition(",")
    words = title.split()
    if not comma or not _NAME.match(name.strip()) or not 0 < len(words) <= TITLE_WORDS:
        return None
    if not all(w[:1].isupper() for w in words) or not {w.lower() for w in words} & titles:
        return None
    return line.start + len(name.rstrip())


def signatures(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], letter: bool = False
) -> list[Found]:
    """Signers: a name after a signature mark ("(Signed)", "Sd/-") anywhere, or a name
    over a title, or names side by side, in the tail; in a `letter` to a paper, or under
    a title, a name over the place (and day) it was written."""
    cues = lexicon.structure
    text = zones.analysis.original
    lines = list(zones.lines)
    signed: list[Found] = []
    pending = 0
    attesting = False
    for index, line in enumerate(lines):
        lowered = line.text.lower()
        if lowered.rstrip(":") in cues.attest_marks:
            attesting = True  # the next name attests the signature
            continue
        if attesting:
            attesting = False
            continue
        if _over_name(lowered, cues):
            # The name is on the next line; marks side by side on a row, a name under each
            # ("Respectfully, / (Signed)" stacked over one name are one).
            beside = pending > 0 and same_row(text, lines[index - 1], line)
            pending = pending + 1 if beside else 1
            continue
        marked = pending > 0 or any(lowered.startswith(m) for m in cues.signature_marks)
        was_pending, pending = pending > 0, max(pending - 1, 0)
        if (
            not marked
            and line.start < zones.body_end
            and not _signs_off(zones, lines, index, cues, letter)
        ):
            continue
        span = _name_cell(text, line, cues.signature_marks)
        # Under its mark, a name before a title of any length.
        named_end = (
            None
            if span
            else name_and_title(zones, line, cues.titles)
            or (_name_before_title(line) if was_pending else None)
        )
        if named_end is not None:
            # The signer by name, anchored with the title signed beside it; or the body set
            # out over the one who signs for it.
            body = _signing_body(zones, lines, index, cues)
            signer = found(text, line.start, named_end, "signature", mentions, lexicon)
            signed.append(
                found(text, *body, "signature", mentions, lexicon)
                if body is not None
                else replace(signer, span=make_span(text, line.start, line.end))
            )
            continue
        if span is None:
            if _office(zones, lines, index, cues.titles, cues.signature_marks):
                signed.append(found(text, line.start, line.end, "signature", mentions, lexicon))
            continue
        span = _untitled(zones, span, cues.titles)
        words = {t.lower_ for t in zones.analysis.tokens(*span)}
        if words & (cues.organisation_heads | cues.titles | cues.document_nouns):
            continue
        # A name over the body it belongs to ("Dr. NAME / Department of History, X College")
        # signs for itself: the body is where the signer works, no issuer.
        affiliated = line.start >= zones.body_end and _names_body_below(zones, lines, index, cues)
        side_by_side = _beside(text, lines, index)
        if (
            marked
            or affiliated
            or _title_below(zones, lines, index, cues.titles)
            or side_by_side
            or _placed_sign_off(zones, lines, index, cues, letter)
        ):
            signer = found(text, *span, "signature", mentions, lexicon)
            body = _body_below(zones, lines, index, cues)
            title_end = _title_end(zones, lines, index, cues.titles)
            if body is None and title_end is not None and not side_by_side:
                # The signer is anchored with the title signed under the name (a name alone
                # where signers stand side by side).
                signer = replace(signer, span=make_span(text, span[0], title_end))
            signed.append(signer)
            if body is not None:
                signed.append(found(text, *body, "signature", mentions, lexicon))
    return signed


def _signing_body(
    zones: Zones, lines: list[Line], index: int, cues: StructureCues
) -> tuple[int, int] | None:
    """ "Civic Rights Centre (Yerevan) / ____Lusine Avetisyan, Director": a list of the
    bodies that sign, each with the one who signs for it set in under its name; the body
    is the signer (without the city in brackets)."""
    if index == 0:
        return None
    text = zones.analysis.original
    above, line = lines[index - 1], lines[index]
    set_in = len(indent(text, line)) > len(indent(text, above))
    if text.count("\n", above.end, line.start) != 1 or not set_in:
        return None
    end = above.start + len(above.text.split(" (")[0].rstrip())
    tokens = zones.analysis.tokens(above.start, end)
    words = [t for t in tokens if t.is_alpha]
    # A body's name: by its noun, or in capitalised words a list of bodies sets out
    # ("Armenian Lawyers for Justice (Paris)"); not a closing ("On behalf of the Board",
    # "Respectfully Yours", "Signed in Baku").
    named = len(words) >= GIVEN_AND_FAMILY and all(
        t.is_title or t.is_upper or (t.is_stop and t.is_lower) for t in words
    )
    if (
        not named
        or " ".join(above.text.lower().rstrip(",").split()) in cues.closings
        or "," in above.text
        or any(t.like_num or t.pos_ in {"VERB", "ADV", "PRON"} for t in tokens)
        or tokens[0].pos_ in {"ADP", "SCONJ"}
    ):
        return None
    return above.start, end


def _over_name(lowered: str, cues: StructureCues) -> bool:
    """A line whose name is on the next: a mark alone ("(Signed)"), a closing ("Sincerely,")
    or a mark that labels the line below ("Signed by (Minister or Parliamentary
    Secretary):")."""
    labels = lowered.endswith(":") and any(lowered.startswith(m) for m in cues.signature_marks)
    return lowered in cues.signature_marks or _closing(lowered, cues) or labels


def _name_before_title(line: Line) -> int | None:
    """Under its mark, where the name ends before a title of any length ("The Hon. NAME,
    Parliamentary Secretary to the Minister of ...")."""
    name, comma, _ = line.text.partition(",")
    name = name.rstrip()
    return line.start + len(name) if comma and _NAME.match(name) else None


def _signs_off(
    zones: Zones, lines: list[Line], index: int, cues: StructureCues, letter: bool
) -> bool:
    """A paragraph of the body that is a name alone over its title ("Tural Hasanzade /
    Ambassador of ... to the United Kingdom"), or over where it was written: a letter
    signed off, though a site's chrome runs on below it as text."""
    line, text = lines[index], zones.analysis.original
    paragraph = index > 0 and text.count("\n", lines[index - 1].end, line.start) > 1
    # "Director of the museum / Dr. NAME / Baku, DATE": the title may head the block.
    paragraph = paragraph or (
        _title_above(zones, lines, index, cues)
        and text.count("\n", lines[index - 2].end, lines[index - 1].start) > 1
    )
    return (
        zones.body_start < line.start
        and paragraph
        and _NAME.match(line.text) is not None
        and (
            _title_end(zones, lines, index, cues.titles) is not None
            or _placed_sign_off(zones, lines, index, cues, letter)
        )
    )


def _title_above(zones: Zones, lines: list[Line], index: int, cues: StructureCues) -> bool:
    return index > 1 and _titled(zones, lines[index - 1], cues.titles)


def _placed_sign_off(
    zones: Zones, lines: list[Line], index: int, cues: StructureCues, letter: bool
) -> bool:
    """A name over a place signs a letter to a paper, or signs under its title; elsewhere a
    name over a town is a caption's or a reporter's."""
    return (letter or _title_above(zones, lines, index, cues)) and _placed(zones, lines, index)


def _placed(zones: Zones, lines: list[Line], index: int) -> bool:
    """ "Aram Kazanjian / Fresno, Feb. 28", "NAME / Pasadena": a writer's name over where
    (and when) they wrote, as a letter to a paper is signed: a place's few proper nouns,
    then a day or a region's name; not a second signer's full name."""
    below = lines[index + 1 : index + 2]
    text = zones.analysis.original
    if not below or text.count("\n", lines[index].end, below[0].start) != 1:
        return False
    place, comma, _ = below[0].text.partition(",")
    start = below[0].start
    named = _words(zones, start, start + len(place))
    after = _words(zones, start + len(place) + 1, below[0].end) if comma else []
    if not 0 < len(named) <= PLACE_WORDS or any(t.pos_ != "PROPN" for t in named):
        return False
    if len(named) > 1 and all(t.ent_type_ == "PERSON" for t in named):
        return False
    return (not comma or bool(after)) and all(
        t.ent_type_ in _WHERE_AND_WHEN or t.pos_ == "PROPN" for t in after
    )


def _words(zones: Zones, start: int, end: int) -> list[Token]:
    return [t for t in zones.analysis.tokens(start, end) if not (t.is_punct or t.is_space)]


def _closing(lowered: str, cues: StructureCues) -> bool:
    """ "Sincerely,", "With prayers and love in Christ,": a closing line over the signer."""
    words = lowered.rstrip(",").split()
    if not lowered.endswith(",") or not words or len(words) > CLOSING_WORDS:
        return False
    return " ".join(words) in cues.closings or words[0] in cues.closing_starts


# What joins the parts of a double name ("TER-GRIGORIAN", "O'NEILL").
_JOINS = frozenset({"-", "‐", "'", "’"})


def _untitled(zones: Zones, span: tuple[int, int], titles: frozenset[str]) -> tuple[int, int]:
    """ "Bishop Hovakim MANUKYAN": the name after the title it opens with."""
    tokens = zones.analysis.tokens(*span)
    if tokens[0].lower_ not in titles:
        return span
    # "Bishop ASHOT TER-GRIGORIAN": a name's words capitalised, its hyphens between them.
    words = [t for t in tokens[1:] if t.is_alpha]
    if not all(t.text[:1].isupper() for t in words) or len(words) not in NAME_WORDS:
        return span
    if any(not (t.is_alpha or t.text in _JOINS) for t in tokens[1:]):
        return span
    return zones.analysis.span_of(words)[0], span[1]


def _names_body_below(zones: Zones, lines: list[Line], index: int, cues: StructureCues) -> bool:
    below = lines[index + 1 : index + 2]
    if not below or zones.analysis.original.count("\n", lines[index].end, below[0].start) != 1:
        return False
    tokens = zones.analysis.tokens(below[0].start, below[0].end)
    return bool(tokens) and tokens[0].is_title and names_body(tokens, cues.organisation_heads)


def _office(
    zones: Zones, lines: list[Line], index: int, titles: frozenset[str], marks: tuple[str, ...]
) -> bool:
    """A line of the tail that is an office alone, "TITLE of the X", under no signer's name
    (a name's title line is the name's, signed with a mark or not: "+ Archbishop NAME")."""
    line = lines[index]
    tokens = [t for t in zones.analysis.tokens(line.start, line.end) if not t.is_space]
    if line.start < zones.body_end or len(tokens) not in OFFICE_WORDS:
        return False
    if tokens[0].lower_ not in titles or tokens[1].lower_ not in {"of", "for"}:
        return False
    if any(t.pos_ in {"VERB", "AUX"} or t.like_num or t.is_punct for t in tokens):
        return False
    # "Curator of the exhibition / Dr. NAME": the title of the name under it.
    near = [lines[n] for n in (index - 1, index + 1) if 0 <= n < len(lines)]
    return all(_name_cell(zones.analysis.original, n, marks) is None for n in near)


def _body_below(
    zones: Zones, lines: list[Line], index: int, cues: StructureCues
) -> tuple[int, int] | None:
    """The body a signer signs for, after the title on the line below ("Chair, Council of
    Azerbaijani-Canadian Associations"), named by a noun that is no title ("Ambassador,
    Permanent Representative" is two titles); not the body a signer only works at
    ("Department of History, X College")."""
    heads = cues.organisation_heads - cues.titles
    below = lines[index + 1 : index + 2]
    if not below or "," not in below[0].text:
        return None
    title, _, body = below[0].text.partition(",")
    if not {w.lower() for w in title.split()} & cues.titles:
        return None
    start = below[0].start + len(title) + 1
    start += len(body) - len(body.lstrip())
    tokens = zones.analysis.tokens(start, below[0].end)
    if not tokens or not tokens[0].is_title or not names_body(tokens, heads):
        return None
    return start, below[0].end


def _beside(text: str, lines: list[Line], index: int) -> bool:
    """Names side by side in columns (a joint statement's signers over their countries)."""
    row = row_cells(text, lines, index)
    return len(row) > 1 and all(_NAME.match(c.text) for c in row)


def closed_lines(zones: Zones, cues: StructureCues) -> list[Line]:
    """The lines right under a closing formula ("With prayers and love in Christ,"), or
    under a signer's name over a title that closes a part of the text (a foreword signed
    over a rule, before the report's sections): the signer's name, title and the day
    signed, wherever the text goes on after them. A signed note the text quotes and goes
    on from dates that note only."""
    lines = list(zones.lines)
    under: list[Line] = []
    for index, line in enumerate(lines):
        if _closing(line.text.lower(), cues) or (
            _signs_off(zones, lines, index, cues, False) and _closes_part(lines, index)
        ):
            under += lines[index + 1 : index + 1 + SIGNED_LINES]
    return under


def _closes_part(lines: list[Line], index: int) -> bool:
    """Whether a rule, or the end of the text, follows the signer's block (its name, title
    and the place and day)."""
    after = lines[index + 1 : index + 2 + TITLE_LINES]
    return len(after) <= TITLE_LINES or any(is_rule(line) for line in after)


def signed_day(zones: Zones, signer: Found, printed: Dated) -> Dated | None:
    """ "Aram Kazanjian / Fresno, Feb. 28": the day under a letter's writer, its year the
    paper's that printed it (the year before, for a day after the paper's)."""
    text = zones.analysis.original
    line_end = text.find("\n", signer.span.end + 1)
    below = text[signer.span.end : len(text) if line_end < 0 else line_end]
    day = _MONTH_DAY.search(below)
    if day is None or printed.date.precision != "day":
        return None
    when = yearless_day(day, printed.date)
    if when is None:
        return None
    start = signer.span.end + day.start()
    span = make_span(text, start, signer.span.end + day.end())
    return Dated(when, span, "signed", line_around(text, start, span.end))
