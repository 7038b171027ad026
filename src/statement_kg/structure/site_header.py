"""A news site's header: its name on the heading line ("CASPIAN HERALD | Politics") over
its date line ("10:05, 26 Feb 2016"), or beside it ("SITE | Society | 27.02.2024, 14:25").
The site relays what it reproduces; it is never the issuer."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from statement_kg.extract.dates import NUMBER_MARK
from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.datelines import POSTED_ROWS, RELAY_LINES
from statement_kg.structure.filing import forum
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.letterhead import runs_on
from statement_kg.structure.line_dates import CLOCK, stamped
from statement_kg.structure.names import (
    announces_issuer,
    found,
    names_body,
    says,
    trim,
    without_logo,
)
from statement_kg.structure.zones import Line, Zones, first_rows, line_around, same_row

# Enough of a line to read its first word.
POSTING_CHARS = 20
# A news site's name on the heading line is a few words at most.
SITE_WORDS = 6
# "No. 712", "Doc. 15241": a document's number.
_NUMBER_LABEL = re.compile(NUMBER_MARK + r"\d", re.IGNORECASE)
# "T.C." over a university's name: a state's initials, which head its bodies' papers (as
# "REPUBLIC OF TÜRKİYE" does) and name no site.
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# A page's language switcher: "AZ | EN | NL", "EN · RU", "HY / EN" (not "RFE/RL").
_LANGUAGES = re.compile(r"[A-Za-z]{2,3}(?:(?:[ \t]*[|·•][ \t]*|[ \t]+/[ \t]+)[A-Za-z]{2,3})+")
# A running head's page number stands this far right of its other cells.
PAGE_GAP = 8
# A printed page's number in its running head: "A12", "B3".
_PAGE = re.compile(r"[A-Z]{1,2}\d{1,3}")
# A site's address alone on its line: "president.az", "www.mfa.am".
_DOMAIN = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/?", re.IGNORECASE)


def page_number(text: str, left: Line, right: Line) -> bool:
    """Whether `right` is a page's number set far right on the row of `left`, last on it."""
    gap = text[left.end : right.start]
    return (
        right.text.isdigit()
        and same_row(text, left, right)
        and len(gap) >= PAGE_GAP
        and not gap.strip()
        and not text[right.end : line_around(text, right.start, right.end)[1]].strip()
    )


def first_cell_end(text: str, line: Line, cues: StructureCues) -> int:
    """Where the first cell of a header's line ends: at its first separator ("CASPIAN
    HERALD | Politics", "AsylumLibrary.eu – country of origin ..."), its spaces left out."""
    cut = cues.separators.search(text, line.start + 1, line.end)
    end = cut.start() if cut else line.end
    return line.start + len(text[line.start : end].rstrip())


def _first_word(text: str, start: int, marks: str) -> str:
    """The first word of the line at `start`, without the marks that may close it."""
    words = text[start : start + POSTING_CHARS].split()
    return words[0].strip(marks).lower() if words else ""


def _issue_line(text: str, start: int, cues: StructureCues) -> bool:
    """Whether the line at `start` is a periodical's issue line ("Vol. LVII, No. 9 · DATE")."""
    return _first_word(text, start, ".") in cues.volume_words


def _posting(text: str, start: int, cues: StructureCues) -> bool:
    """Whether the line at `start` is a page's posting line ("Published: ...", "By NAME")."""
    return _first_word(text, start, ":") in cues.posting_words


def relay_header(
    zones: Zones, dated: list[Dated], lexicon: Lexicon, mentions: list[Mention]
) -> list[Found]:
    """The news site named on the first line, when a news site's date line follows it."""
    # A site's date line: numbers apart ("16:48 | 25.02.2021"), a date line with the time
    # or a bar ("Baku, 26 February 2024, 09:15", "Published: 10 April 2022 | By NAME"), or an
    # agency's dateline ("YEREVAN, September 19. /Hayastan Today/."), among the first lines
    # (a tagline or a rule between).
    text = zones.analysis.original
    cues = lexicon.structure
    head = [
        line
        for line in zones.head
        if line.text.lower() not in cues.skip_links and not _LANGUAGES.fullmatch(line.text)
    ]
    # A newspaper page's running head: "A12   THE GULF COAST LEDGER   WEDNESDAY, DATE",
    # the page's number, the paper's name and the day in cells of one row.
    running = len(head) > 1 and _PAGE.fullmatch(head[0].text) and same_row(text, head[0], head[1])
    head = head[1:] if running else head
    relay_lines = [
        d.line
        for d in dated
        if (running and same_row(text, head[0], Line(d.line[0], d.line[1], "")))
        or d.kind == "relay"
        or d.agency is not None
        or stamped(text[d.line[0] : d.line[1]], CLOCK)
        or "|" in text[d.line[0] : d.line[1]]
        or _posting(text, d.line[0], cues)
        or _issue_line(text, d.line[0], cues)
    ]
    # "ARMDOC LOS ANGELES 2026  ·  ...  ·  DATES            34": a printed page's running
    # head, its number set far right, names the publication's publisher, no site.
    numbered = len(head) > 1 and page_number(text, head[0], head[1])
    if not head or not relay_lines or numbered:
        return []
    # Among the first lines: the heading lines, or the running text an agency's dateline
    # opens; a page's posting line ("Published: ...", "By NAME | ...") under its headline
    # and by-line may stand lower. A site's menus and section paths are no rows of their
    # own.
    first, date_line = head[0], min(a for a, _ in relay_lines)
    # A mail's sender ("From: Press Office <press@example.org>") is no site, nor is a line
    # that names someone by a handle ("Thread by @name on ...").
    # Nor is a page's number ("- 14 -"), the head of a scanned page.
    if (
        "@" in first.text
        or cues.mail_separator(first.text)
        or _INITIALS.fullmatch(first.text)
        or not any(c.isalpha() for c in first.text)
    ):
        return []
    rows = POSTED_ROWS if _posting(text, date_line, cues) else RELAY_LINES
    last_line = first_rows(zones, zones.lines, rows, cues)[-1]
    # "ASTANA EVENING | Society | 27.02.2024, 14:25": the site, then its date, on one line.
    same = [d for d in dated if d.line[0] == first.start]
    cells = bool(same) and any(s in text[first.start : same[0].span.start] for s in "|•·")
    if date_line > last_line.end or (first.start == date_line and not cells):
        return []
    end = first_cell_end(text, first, cues)
    words = [t for t in zones.analysis.tokens(first.start, end) if not t.is_punct]
    # A body's own site says so ("... | Official website"): its name may be long.
    below = head[1].end if len(head) > 1 else first.end
    official = any(w in text[end:below].lower() for w in cues.site_labels)
    line_end = text.find("\n", date_line)
    line_end = len(text) if line_end < 0 else line_end
    # A body's name that runs on to the line below ("EMBASSY OF THE REPUBLIC OF X / TO THE
    # KINGDOM OF Y") is the letterhead of its own page, no site's; a parish's or an
    # archive's name in capitals heads its own newsletter ("ST. GREGORY PARISH NEWSLETTER").
    runs = runs_on(zones, first, cues) > first.end and names_body(words, cues.organisation_heads)
    own_paper = first.text.isupper() and names_body(words, cues.capital_heads)
    # A site's name is short, and is none of these: a heading that announces a document
    # ("Statement of the Ministry ... on the anniversary"); a document's number, or a date
    # line that gives one ("Written declaration No. 712 | Doc. 15241 | DATE"); a section's
    # label ("OPINION") or a path's root ("Home > Press Centre"); a headline, which says
    # something ("Yerevan rejects Baku's claims") or stands right over the by-line.
    if (
        runs
        or own_paper
        or (len(words) > SITE_WORDS and not official)
        or announces_issuer(words, cues)
        or _numbered(words, cues)
        or (
            _NUMBER_LABEL.search(text, date_line, line_end)
            and not _issue_line(text, date_line, cues)
        )
        or " ".join(t.lower_ for t in words) in cues.section_labels | cues.path_roots
        or says(words)
        or _over_byline(head, cues)
        # A court's name over the application filed with it.
        or forum(zones, make_span(text, first.start, end), cues)
    ):
        return []
    named = _named_below(text, head, cues)
    if named is not None:
        site = found(text, *named, "relay header", mentions, lexicon)
        return [replace(site, also=(make_span(text, first.start, first.end),))]
    cell = trim(zones.analysis.tokens(first.start, end))
    named_words = without_logo(cell)
    start = zones.analysis.span_of(named_words)[0] if named_words != cell else first.start
    site = found(text, start, end, "relay header", mentions, lexicon)
    # The site's address on the line below names it too ("president.az").
    if len(head) > 1 and _DOMAIN.fullmatch(head[1].text):
        site = replace(site, also=(make_span(text, head[1].start, head[1].end),))
    return [site]


def _named_below(text: str, head: list[Line], cues: StructureCues) -> tuple[int, int] | None:
    """ "caucasusmonitor.eu" over "CAUCASUS MONITOR — independent news ...": the site's
    address, then its name in the first cell of the line below, in the address's letters."""
    if len(head) < 2 or not _DOMAIN.fullmatch(head[0].text):
        return None
    host = head[0].text.split("//")[-1].removeprefix("www.").split(".")[0].casefold()
    end = first_cell_end(text, head[1], cues)
    letters = "".join(c for c in text[head[1].start : end].casefold() if c.isalnum())
    return (head[1].start, end) if letters == host else None


def _numbered(words: list[Token], cues: StructureCues) -> bool:
    return any(t.like_num for t in words) and any(
        t.lemma_.lower() in cues.document_nouns for t in words
    )


def _over_byline(head: list[Line], cues: StructureCues) -> bool:
    """An article's title right over its by-line ("Khojaly and the Politics of Denial" /
    "By NAME, ..."): a site's name stands over the title, not over the by-line."""
    words = head[1].text.split()[:1] if len(head) > 1 else []
    return bool(words) and words[0].lower() in cues.byline
