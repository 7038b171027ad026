"""The lines that name an organisation: the letterhead among the head's first lines
("MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF X", 'Public Union "..."'), and the body
that signs in the tail ("Embassy of the Republic of X / Brussels / DATE")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.bilingual import one_language
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.filing import forum
from statement_kg.structure.footer import link_rows
from statement_kg.structure.found import Found
from statement_kg.structure.heading import announces
from statement_kg.structure.names import (
    ARTICLES,
    found,
    letterhead_heads,
    names_body,
    says,
    trim,
    without_logo,
)
from statement_kg.structure.zones import (
    COLUMN_GAP,
    LINE,
    MENU_CELLS,
    Line,
    Zones,
    in_margin,
    is_menu,
)

# "PROTEST AT EMBASSY OF X": the parser may take a preposition in capitals for a name.
_PLACE_PREPOSITIONS = frozenset({"at", "in", "outside", "near", "before", "against"})
# The letterhead is among the first lines of the head.
LETTERHEAD_LINES = 3
_QUOTED = re.compile(r"[\"“](?P<name>[^\"”\n]{3,})[\"”]")


def _addressee(line: Line, cues: StructureCues) -> bool:
    """A line that opens with an honorific or a word of addressing ("The Honorable NAME",
    "To: ...", "H.E. Mr. NAME")."""
    words = [w.lower().strip(".:,") for w in line.text.split()[:2]]
    if words and words[0] == "the":
        words = words[1:]
    return bool(words) and (words[0] in cues.honorifics | cues.addressing or words[0] == "h.e")


def _addressed(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """ "Open letter to the Parliamentary Assembly", "Appeal to the Speaker": a document
    addressed to the body the line names."""
    tokens = zones.analysis.tokens(line.start, line.end)
    return any(
        t.lower_ in cues.document_nouns | cues.letter_nouns
        and n + 1 < len(tokens)
        and tokens[n + 1].lower_ == "to"
        for n, t in enumerate(tokens)
    )


def _names_organisation(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """A line that names a body: not a headline that opens with its meeting ("The Session
    of the Supreme Spiritual Council Concluded") or with what happened at the body ("PROTEST
    AT EMBASSY OF X": a preposition of place before the body's noun)."""
    tokens = zones.analysis.tokens(line.start, line.end)
    words = [t for t in tokens if t.is_alpha and t.lower_ not in ARTICLES]
    heads = letterhead_heads(line.text, cues)
    first = next((n for n, t in enumerate(words) if names_body([t], heads)), 0)
    headed = not any(t.lower_ in _PLACE_PREPOSITIONS for t in words[1:first])
    return (
        len(words) >= 2
        and headed
        and words[0].lemma_.lower() not in cues.meeting_nouns
        # "RESEARCH FELLOW (ARCHIVE DEPARTMENT)": a post, its unit in brackets.
        and names_body(_unbracketed(tokens), heads)
        and not announces(tokens, cues)
        and not says(tokens)
        and not any(t.like_num for t in tokens)
    )


def _unbracketed(tokens: Sequence[Token]) -> list[Token]:
    """The tokens outside round brackets."""
    depth, outside = 0, []
    for token in tokens:
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0 and token.text != ")":
            outside.append(token)
    return outside


def _known_body(zones: Zones, line: Line, mentions: list[Mention], lexicon: Lexicon) -> bool:
    """A line that is the name of an organisation the mappings list ("AMNESTY
    INTERNATIONAL"), though no word of it heads a body's name, over the kind of text it
    issues ("PUBLIC STATEMENT")."""
    following = next((n for n in zones.head if n.start > line.end), None)
    if following is None or not announces(
        zones.analysis.tokens(following.start, following.end), lexicon.structure
    ):
        return False
    start = line.start + len(line.text) - len(line.text.lstrip())
    end = line.start + len(line.text.rstrip())
    return any(
        m.span.start == start
        and m.span.end == end
        and lexicon.entities[m.entity].type == "organisation"
        for m in mentions
    )


def letterhead(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], skip: list[tuple[int, int]]
) -> list[Found]:
    """The organisation named on one of the first lines of the head, not in the address of
    a letter that opens with its addressee ("The Honorable NAME / Secretary of State /
    Department of State")."""
    fields = {line.start for line in zones.record_fields}
    placeholders = _placeholders(zones, lexicon.structure)
    # "Dear Colleagues,", "By NAME": a greeting's or a by-line's line.
    openers = lexicon.structure.greetings | lexicon.structure.byline
    # A menu set out in columns is read as cells, a line each: its row is no letterhead
    # (though a letterhead may set three short names apart: "OSCE   Minsk Group   Co-Chairs").
    text = zones.analysis.original
    menus = [
        (a, b)
        for a, b in menu_rows(zones, lexicon.structure)
        if len(COLUMN_GAP.split(text[a:b].strip())) > MENU_CELLS
    ]
    candidates = [
        line
        for line in zones.head
        if not any(a <= line.start < b for a, b in [*skip, *placeholders, *menus])
        and not _PAGE_MARK.fullmatch(line.text)
        and not _field(line, lexicon.claims.voice.field_labels)
        and not _field(line, lexicon.structure.caption_labels)
        and line.start not in fields
        and not in_margin(zones.analysis.original, line)
        and not lexicon.structure.mail_separator(line.text)
        and _first_word(line) not in openers
        and not is_menu(line, lexicon.structure)
    ]
    if candidates and _addressee(candidates[0], lexicon.structure):
        block_end = text.find("\n\n", candidates[0].start)
        block_end = len(text) if block_end < 0 else block_end
        candidates = [line for line in candidates if line.start > block_end]
    found = organisation_on(zones, lexicon, mentions, candidates[:LETTERHEAD_LINES], "letterhead")
    found = [
        _in_english(zones, lexicon, mentions, one_language(zones, lexicon, mentions, f))
        for f in found
        if not forum(zones, f.span, lexicon.structure)
    ]
    if found or not fields:
        return found
    # A database's record of the document over it ("Court: ...   Date of judgment: ..."):
    # the document's own heading follows, in capitals ("DISTRICT COURT OF X").
    following = [line for line in zones.lines if line.start > max(fields)]
    headings = [line for line in following[:LETTERHEAD_LINES] if line.text.isupper()]
    return organisation_on(zones, lexicon, mentions, headings[:1], "letterhead")


def _in_english(zones: Zones, lexicon: Lexicon, mentions: list[Mention], lettered: Found) -> Found:
    """ "AZƏRBAYCAN RESPUBLİKASI TƏHSİL NAZİRLİYİ" over "MINISTRY OF EDUCATION OF THE
    REPUBLIC OF AZERBAIJAN": a body named in its own language, then in the English the
    mappings name bodies in, on the line below; the first names it too."""
    text = zones.analysis.original
    if lettered.span.exact.isascii():
        return lettered
    below = next((n for n in zones.head if n.start > lettered.span.end), None)
    if below is None or text.count("\n", lettered.span.end, below.start) != 1:
        return lettered
    if not below.text.isascii() or not organisation_on(
        zones, lexicon, mentions, [below], lettered.kind
    ):
        return lettered
    english = found(text, below.start, below.end, lettered.kind, mentions, lexicon)
    return replace(english, also=(*lettered.also, lettered.span))


def _placeholders(zones: Zones, cues: StructureCues) -> list[tuple[int, int]]:
    """What a copy describes in brackets over a letterhead ("[Round seal: "NAME —
    Yerevan"]"), over one line or more: a seal's or a stamp's words, no letterhead.
    ("[NAME logo]" names the body whose emblem it stands for, "[Letterhead: NAME]" the
    body.)"""
    text = zones.analysis.original
    found: list[tuple[int, int]] = []
    for line in zones.head:
        label = line.text[1:].partition(":")[0].lower().split()
        described = line.text.startswith("[") and any(w in cues.impression_words for w in label)
        if described and not any(a <= line.start < b for a, b in found):
            end = text.find("]", line.start)
            found.append((line.start, len(text) if end < 0 else end + 1))
    return found


def _first_word(line: Line) -> str:
    """ "Dear Colleagues,", "Hi all,": the word a line opens with, as cues list it."""
    return line.text.split(maxsplit=1)[0].rstrip(":,").lower()


def _field(line: Line, labels: frozenset[str]) -> bool:
    """A labelled field, such as a mail header's ("From: Press Office <...>", "Subject:
    ..."): no letterhead."""
    label, colon, _ = line.text.partition(":")
    return bool(colon) and label.strip().lstrip("[(").lower() in labels


def signing_organisation(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The organisation that signs in the tail ("Embassy of the Republic of X / Brussels /
    26 February 2023"), not one a page's links name ("Tags: Khojaly, Milli Majlis")."""
    cues = lexicon.structure
    # "Given at the Diocesan Centre, Beirut, on the 13th day of ...": where it was signed;
    # "Similar apps →" over a list of other pages: their makers (a list holds no day, which
    # a signature's block may: "Recommended / NAME / DATE" is a sign-off).
    text = zones.analysis.original
    linked = [(a, b) for a, b in link_rows(zones, cues) if not _DAY_LINE.search(text, a, b)]
    lines = [
        line
        for line in zones.tail
        if not _field(line, cues.link_lists)
        and not _witnessing(zones, line, cues)
        and not any(a <= line.start < b for a, b in linked)
    ]
    return organisation_on(zones, lexicon, mentions, lines, "signature")


def _part_of(zones: Zones, line: Line, before: list[Token], cues: StructureCues) -> bool:
    """ "A project of the X", "An initiative of the X": the line opens with an article and a
    body's noun in small letters, what the body named after "of" runs (not "A Council of
    Europe programme", "A member of the X")."""
    article = zones.analysis.tokens(line.start, line.end)[:1]
    return (
        bool(article)
        and article[0].lower_ in ARTICLES - {"the"}
        and any(t.is_lower and t.lower_ in cues.organisation_heads for t in before)
    )


def _witnessing(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """A line that opens with a formula of giving or sealing ("Given at ...")."""
    tokens = zones.analysis.tokens(line.start, line.end)
    return bool(tokens) and tokens[0].lemma_.lower() in cues.witness_words


# A line that a year closes ("27 February 2023").
_DAY_LINE = re.compile(r"\b(?:1[89]|20)\d\d[ \t]*$", re.MULTILINE)
# "Page 1 of 2": a page's number in a copy's head.
_PAGE_MARK = re.compile(r"page\s+\d+(?:\s+of\s+\d+)?", re.IGNORECASE)
# "Paid for by", "Sponsored by": the words before a body's name that say what it did.
BY_WORDS = 4


def organisation_on(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], candidates: list[Line], kind: str
) -> list[Found]:
    """The body the first of the lines that names one names, as a letterhead or a
    signature gives it."""
    cues = lexicon.structure
    text = zones.analysis.original
    for line in candidates:
        if (
            line.text[0].islower()
            or _first_word(line) in cues.addressing
            or _addressed(zones, line, cues)
            or is_menu(line, cues)
            # "In partnership with X" names who supports the issuer; a caption credits a
            # picture ("Photo: from the personal archive of NAME").
            or line.text.lower().startswith(cues.cooperation_openings)
            or _field(line, cues.caption_labels)
            or not (
                _names_organisation(zones, line, cues)
                or _known_body(zones, line, mentions, lexicon)
            )
        ):
            continue
        quoted = _QUOTED.search(text, line.start, line.end)
        if quoted:
            inner = zones.analysis.tokens(*quoted.span("name"))
            if names_body(inner, cues.organisation_heads):
                return [found(text, *quoted.span("name"), kind, mentions, lexicon)]
        end = runs_on(zones, line, cues)
        name = without_logo(trim(zones.analysis.tokens(line.start, end)))
        # "Paid for by the X Association": the body after the participle's "by".
        by = next((n for n, t in enumerate(name[:BY_WORDS]) if t.lower_ == "by"), None)
        if by and all(t.pos_ in {"VERB", "ADP"} for t in name[:by]):
            name = trim(name[by + 1 :])
        # "A project of the Sumgait Memory Foundation, Yerevan": the body it is part of.
        of = next((n for n, t in enumerate(name[:BY_WORDS]) if t.lower_ == "of"), None)
        if of and _part_of(zones, line, name[:of], cues):
            name = trim(name[of + 1 :])
            # ", Yerevan": the city it is in, after a comma.
            comma = next((n for n, t in enumerate(name) if t.text == ","), None)
            if comma and len(name) == comma + 2 and name[-1].pos_ == "PROPN":
                name = trim(name[:comma])
        while name and name[-1].lower_ in cues.image_words:
            name = trim(name[:-1])
        if " ".join(t.lower_ for t in name) in cues.section_labels:
            continue
        return [found(text, *zones.analysis.span_of(name), kind, mentions, lexicon)]
    return []


def menu_rows(zones: Zones, cues: StructureCues) -> list[tuple[int, int]]:
    """The rows of the head that are a site's menus, whole (a menu set out in columns is
    read as one row)."""
    text = zones.analysis.original
    rows = [Line(m.start(), m.end(), m.group()) for m in LINE.finditer(text, 0, zones.body_start)]
    return [(row.start, row.end) for row in rows if is_menu(row, cues)]


def runs_on(zones: Zones, line: Line, cues: StructureCues) -> int:
    """Where a letterhead's name ends: its line, or the next when that opens with a
    preposition ("EMBASSY OF THE REPUBLIC OF X / IN THE KINGDOM OF Y")."""
    following = next((n for n in zones.lines if n.start > line.end), None)
    if following is None or zones.analysis.original.count("\n", line.end, following.start) != 1:
        return line.end
    first = zones.analysis.tokens(following.start, following.end)[:1]
    if is_menu(following, cues):
        return line.end  # "About | Countries | Reports": a menu's first item
    if first and first[0].pos_ == "ADP" and first[0].is_upper == line.text.isupper():
        return following.end
    return line.end
