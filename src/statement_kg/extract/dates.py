"""Finds date expressions in English text (and months named in Russian, Azerbaijani or
Turkish) and reads them at the precision they are given:
"25-26 February 1992", "February 25–26, 1992", "the 25 to 26 February 1992",
"October 1991", "April-May 1992", "27 February to 15 March 1992", "1993", "from 2008 to
2018", "between 1988 and 1990", "22 April 2010"."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from statement_kg.extract.numbers import ORDINAL_UNITS, ORDINAL_WORDS
from statement_kg.extract.scanned_digits import digit_view, joined_view, month_view, unpadded
from statement_kg.extract.spans import SpanSet, make_span
from statement_kg.language import Analysis
from statement_kg.records import PartialDate, Span, TimeSpec

if TYPE_CHECKING:
    from spacy.tokens import Token

# Month names, whole and abbreviated ("Feb. 25-26, 1992", "3 Mar 2016"), lower case: the one
# table every date reader uses.
MONTHS = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
    # Both sides' documents quote passages in the region's languages: the months in
    # Russian (as a date writes them, and alone), Azerbaijani and Turkish.
    | {
        name: number
        for names in (
            "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
            "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
            "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
            "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
        )
        for number, name in enumerate(names.split(), 1)
    }
)
# Turkish writes "MAYIS" for "mayıs" and "NİSAN" for "nisan": names are looked up with the
# dotted and dotless i folded together.
_FOLDED_MONTHS = {name.replace("ı", "i"): number for name, number in MONTHS.items()}
# The last day of a month.
MAX_DAY = 31


def month_number(name: str) -> int:
    """The number of a month named in any case and in any of the languages read; 0 for a
    word that names none (no day of it exists)."""
    return _FOLDED_MONTHS.get(name.lower().replace("i̇", "i").replace("ı", "i"), 0)


_NAMES = sorted(MONTHS, key=len, reverse=True)
_MONTH = r"(?P<month>" + "|".join(_NAMES) + r")\.?"
_MONTH2 = r"(?P<month2>" + "|".join(_NAMES) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_YEAR2 = r"(?P<year2>1[89]\d\d|20\d\d)"
# Days written as ordinal words, as a sermon or a proclamation writes them, always before
# "of" and the month ("the twenty-fifth of February", "the first day of March").
ORDINAL_DAYS = (
    {word: n for word, n in ORDINAL_WORDS.items() if n <= MAX_DAY}
    | {f"twenty-{word}": 20 + n for word, n in ORDINAL_UNITS.items()}
    | {"thirty-first": 31}
)
_DAY_WORDS = "|".join(w.replace("-", r"[-\s]") for w in sorted(ORDINAL_DAYS, key=len, reverse=True))
# A day's digits, before its suffix ("26th").
_DIGITS = re.compile(r"\d+")
_WORD_DAY = (
    rf"(?<![\w-])(?:{_DAY_WORDS})"
    r"(?=\s+(?:(?:day\s+)?of|(?:and|to)\s+(?:the\s+)?[\w-]+\s+(?:day\s+)?of)\b)"
)
# "26", "26th"; "the 24th day of February", "the 26th of February" (legislative style).
_DAY = rf"(?P<day>[0-3]?\d(?:st|nd|rd|th)?|{_WORD_DAY})"
_DAY2 = rf"(?P<day2>[0-3]?\d(?:st|nd|rd|th)?|{_WORD_DAY})"
# "с 25 на 26 февраля", "25 və 26 fevral", "25 ve 26 Şubat": the night or days between.
_TO = r"\s*(?:[-‐–—/]|to|and|на|по|и|və|ve)\s*"
# Spaces or one line break between a date's words, not the gap between two columns.
# Thin spaces stand where a cut word was joined (scanned_digits.joined_view).
_S = r"(?:[ \t\u00a0]{1,4}\u2009*|[ \t]*\n[ \t]*)"
_OF = r"(?:" + _S + r"(?:day" + _S + r")?of)?"

_IN_YEAR = (
    r"in" + _S + r"the" + _S + r"year" + _S + r"(?:of" + _S + r"our" + _S + r"Lord" + _S + r")?"
)
_MONTH_YEAR = _MONTH + r",?" + _S + _YEAR
_MONTH_YEAR2 = _MONTH2 + r",?" + _S + _YEAR2
_UNTIL = _S + r"(?:and|to|until|through)" + _S
# ", 28 and ": the days listed between the first and the last.
_LISTED_DAYS = r"(?:," + _S + r"[0-3]?\d(?:st|nd|rd|th)?)+,?" + _S + "and" + _S

# ISO 8601, as data exports write it ("1992-02-26", "1991-10/1992-05",
# "1988-02-27/1988-02-29"): a month's number, then the day's.
_ISO_MONTH = _YEAR + r"-(?P<mnum>0[1-9]|1[0-2])"
_ISO_MONTH2 = _YEAR2 + r"-(?P<mnum2>0[1-9]|1[0-2])"
_ISO_DAY = r"-(?P<day>0[1-9]|[12]\d|3[01])"
_ISO_DAY2 = r"-(?P<day2>0[1-9]|[12]\d|3[01])"

# Most specific first: a longer expression wins over the parts it contains.
_PATTERNS = [
    _ISO_MONTH + _ISO_DAY + "/" + _ISO_MONTH2 + _ISO_DAY2,
    _ISO_MONTH + "/" + _ISO_MONTH2 + r"(?!-\d)",
    _ISO_MONTH + _ISO_DAY + r"(?!-\d)",
    r"(?:between|from)" + _S + _MONTH_YEAR + _UNTIL + _MONTH_YEAR2,  # from Oct 1991 to Feb 1992
    # "27, 28 and 29 February 1988": the days listed are one span.
    _DAY + _LISTED_DAYS + _DAY2 + _S + _MONTH_YEAR,
    _DAY + _S + _MONTH + _TO + _DAY2 + _S + _MONTH2 + r",?" + _S + _YEAR,  # 27 Feb to 15 March 1992
    _MONTH + _S + _DAY + _TO + _MONTH2 + _S + _DAY2 + r"," + _S + _YEAR,  # Feb 25 - March 2, 1992
    # 25-26 February 1992, the 27th to the 29th of February 1988
    _DAY + _TO + r"(?:the" + _S + r")?" + _DAY2 + _OF + _S + _MONTH + r",?" + _S + _YEAR,
    _MONTH + _S + _DAY + _TO + _DAY2 + r"," + _S + _YEAR,  # February 25-26, 1992
    _DAY + _OF + _S + _MONTH + r",?" + _S + _YEAR,  # 22 April 2010, the 22nd day of April, 2010
    # «10» February 2014: the day in quotation marks, as letters in the Russian manner date.
    r"[«\"“„]" + _DAY + r"[»\"”]" + _S + _MONTH + r",?" + _S + _YEAR,
    # "the 20th day of February, in the year of our Lord 2018": a formal act's formula.
    _DAY + _OF + _S + _MONTH + r",?" + _S + _IN_YEAR + _YEAR,
    _MONTH + _S + _DAY + r",?" + _S + _YEAR,  # February 26, 2023; February 26 2023
    r"from" + _S + _YEAR + _S + r"(?:to|until)" + _S + _YEAR2,  # from 2008 to 2018
    r"between" + _S + _YEAR + _S + r"and" + _S + _YEAR2,  # between 1988 and 1990
    _YEAR + _S + r"(?:to|until)" + _S + _YEAR2,  # the events of 1988 to 1994
    _YEAR + r"\s*[–—-]\s*" + _YEAR2,  # 1988–1994
    r"(?:the\s+)?end\s+of\s+" + _YEAR + r"\s+and\s+(?:early|the\s+beginning\s+of)\s+" + _YEAR2,
    r"(?:winter|summer|spring|autumn)\s+of\s+" + _YEAR + r"[\s/–-]+" + _YEAR2,
    _MONTH + r"\s*[–—-]\s*" + _MONTH2 + r",?" + _S + _YEAR,  # April-May 1992
    _MONTH + _UNTIL + _MONTH2 + r",?" + _S + _YEAR,  # July and August 1993
    _MONTH + r",?" + _S + _YEAR,  # October 1991
    # 1993, not the year that opens a number ("Grant number 2023-00417").
    _YEAR + r"(?!-\d{3})",
]
_COMPILED = [
    # A year between a hyphen after letters and one before more of a code is part of the
    # code ("AZ-KM-2012-031", "icon-1899-C62828"), not a date ("KHOJALY-1992" is one).
    re.compile(r"(?<![\w/,.])(?!(?<=[A-Za-z]-)\d{4}-\w)" + p + r"(?![\w/]|[,.]\d)", re.IGNORECASE)
    for p in _PATTERNS
]


# "NAME (talk) 18:03, 27 February 2024 (UTC)": a signed comment's stamp, the hour after
# the signature's link and before the day, the time zone after it.
_HOUR_BEFORE = re.compile(r"\)\s*[0-2]?\d:[0-5]\d,\s*$")
_ZONE_AFTER = re.compile(r"\s*\((?:UTC|GMT)\)")
STAMP_REACH = 20
# "asked Mar 3, 2021 at 10:22   NAME", "– NAME Mar 4, 2021 at 07:15", a feed's "Mon, 26 Feb
# 2024 09:30:00 +0300": a post's or a comment's stamp, its hour closing the line or its
# cell (an event's hour goes on with its sentence: "on 25 February 1992 at 23:00 the ...").
_ZONE = r"(?:[+-]\d{4}|UTC|GMT|[AaPp]\.?[Mm]\.?)"
_HOUR_AFTER = re.compile(
    r"(?:,? at)?[ \t]+[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:[ \t]*" + _ZONE + r")?"
    r"(?:[ \t]{2,}|[ \t]*(?:<|\n|$))"
)


def posting_stamp(text: str, span: Span) -> bool:
    """Whether a date is the stamp of a signed comment or a post, not an event's day."""
    reach = max(0, span.start - STAMP_REACH)
    signed = _HOUR_BEFORE.search(text, reach, span.start) and _ZONE_AFTER.match(text, span.end)
    return bool(signed or _HOUR_AFTER.match(text, span.end))


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists (not 30 February)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _day(year: str, month: str, day: str) -> PartialDate | None:
    number = month_number(month)
    digits = _DIGITS.match(day)
    day_number = int(digits.group()) if digits else ORDINAL_DAYS["-".join(day.lower().split())]
    if not valid_day(int(year), number, day_number):
        return None
    return PartialDate(f"{year}-{number:02d}-{day_number:02d}")


def _read(match: re.Match[str]) -> TimeSpec | None:
    """The time a match gives, or None for an impossible one (30 February, 26-25 May)."""
    parts = {k: v for k, v in match.groupdict().items() if v is not None}
    return _iso(parts) if "mnum" in parts else _read_parts(parts)


def _read_parts(parts: dict[str, str]) -> TimeSpec | None:
    year, month = parts["year"], parts.get("month")
    if "year2" in parts:
        return _years(parts)
    if month is None:
        return TimeSpec(PartialDate(year))
    month2 = parts.get("month2", month)
    if "day" not in parts:
        first, last = month_number(month), month_number(month2)
        if last < first:
            return None
        begin_month = PartialDate(f"{year}-{first:02d}")
        return TimeSpec(begin_month, PartialDate(f"{year}-{last:02d}") if last > first else None)
    begin = _day(year, month, parts["day"])
    end = _day(year, month2, parts["day2"]) if "day2" in parts else begin
    if begin is None or end is None or end.iso < begin.iso or (end == begin and "day2" in parts):
        return None
    return TimeSpec(begin, None if end == begin else end)


def _iso(parts: dict[str, str]) -> TimeSpec | None:
    """An ISO 8601 day, or an interval of days or of months; none for an impossible day or
    an interval that ends before it begins."""
    ends = [("year", "mnum", "day")]
    if "year2" in parts:
        ends.append(("year2", "mnum2", "day2"))
    dates = []
    for year, month, day in ends:
        y, m = int(parts[year]), int(parts[month])
        if day in parts and not valid_day(y, m, int(parts[day])):
            return None
        dates.append(f"{y}-{m:02d}" + (f"-{int(parts[day]):02d}" if day in parts else ""))
    if len(dates) > 1 and dates[1] <= dates[0]:
        return None
    return TimeSpec(PartialDate(dates[0]), PartialDate(dates[1]) if len(dates) > 1 else None)


def _years(parts: dict[str, str]) -> TimeSpec | None:
    """A span across years ("1988 to 1994", "between October 1991 and February 1992"); "1994
    to 1988" is none: each year is read on its own."""
    first, last = parts["year"], parts["year2"]
    if "month" in parts:
        first = f"{first}-{month_number(parts['month']):02d}"
        last = f"{last}-{month_number(parts['month2']):02d}"
    return TimeSpec(PartialDate(first), PartialDate(last)) if last > first else None


# The mark before a document's number: "No. 2021-07", "Doc. 15241".
NUMBER_MARK = r"\b(?:No|Nr|Doc|Ref)\.?\s*"
NUMBER_REACH = 8
_DOCUMENT_NUMBER = re.compile(NUMBER_MARK + "$", re.IGNORECASE)


def find_dates(text: str) -> list[tuple[TimeSpec, Span]]:
    found: list[tuple[TimeSpec, Span]] = []
    taken = SpanSet()
    view = digit_view(month_view(joined_view(text)))
    for pattern in _COMPILED:
        for match in pattern.finditer(view):
            start, end = unpadded(view, match.start()), match.end()
            # "PROCLAMATION No. 2021-07": a document's number, no date.
            numbered = _DOCUMENT_NUMBER.search(view, max(0, start - NUMBER_REACH), start)
            if taken.overlaps(start, end) or numbered:
                continue
            time = _read(match)
            if time is None:
                continue
            taken.add(start, end)
            found.append((time, make_span(text, start, end)))
    return sorted(found, key=lambda item: item[1].start)


# Days and months written without a year ("on 25 February", "February 25-26", "between
# February 28 and March 3"): the year is the one the text last gave before them.
_NO_YEAR = r"(?!,?\s*(?:1[89]\d\d|20\d\d))"
_YEARLESS = [
    re.compile(r"(?<![\w/,.])" + p + _NO_YEAR + r"(?![\w/-])", re.IGNORECASE)
    for p in (
        r"between" + _S + _MONTH + _S + _DAY + _S + r"and" + _S + _MONTH2 + _S + _DAY2,
        _DAY + _S + _MONTH + _TO + _DAY2 + _S + _MONTH2,
        _DAY + _TO + _DAY2 + _S + _MONTH,
        _MONTH + _S + _DAY + _TO + _DAY2,
        _DAY + _OF + _S + _MONTH,
        _MONTH + _S + _DAY + r"(?!\d|\w)",
    )
]


# "Yerevan, March 3 (Agency) - ...", "Baku, February 26. By ...": a place opening the line
# before a day without a year makes it a dateline, the document's own date.
_DATELINE_PLACE = re.compile(
    r"^\s*\(?(?:[A-Z][\w'’.-]*\s*){1,3}(?:,\s*(?:[A-Z][\w'’.-]*\s*){1,3})*,\s*$"
)


def find_yearless_dates(
    text: str, dated: list[tuple[TimeSpec, Span]], issued: str | None = None
) -> list[tuple[TimeSpec, Span]]:
    """Days written without a year, each read in the year of the nearest date before it
    that gives one in its paragraph, else in the year the document was issued (`issued`,
    its ISO date: "most recently on 14 February" in a reply of 24 February 2022), else in
    that of the nearest date before it; none where no year is known."""
    years = sorted((span.start, time.begin.iso[:4]) for time, span in dated)
    starts = [at for at, _ in years]
    taken = SpanSet([(span.start, span.end) for _, span in dated])
    found: list[tuple[TimeSpec, Span]] = []
    view = digit_view(month_view(joined_view(text)))
    for pattern in _YEARLESS:
        for match in pattern.finditer(view):
            start, end = unpadded(view, match.start()), match.end()
            last = bisect_left(starts, start) - 1
            line = text[text.rfind("\n", 0, start) + 1 : start]
            if taken.overlaps(start, end) or _DATELINE_PLACE.match(line):
                continue
            nearest = years[last][1] if last >= 0 else None
            parts = {k: v for k, v in match.groupdict().items() if v is not None}
            # A year in an earlier paragraph gives way to the document's own (a day that
            # this puts after the document is then the present it speaks from, no event).
            if issued and (last < 0 or "\n\n" in text[starts[last] : start]):
                nearest = issued[:4]
            if nearest is None:
                continue
            time = _read_parts({**parts, "year": nearest})
            if time is None:
                continue
            taken.add(start, end)
            found.append((time, make_span(text, start, end)))
    return sorted(found, key=lambda item: item[1].start)


def when_said(analysis: Analysis, span: Span, verbs: frozenset[str]) -> bool:
    """Whether a date says when something was said or issued ("made a statement on
    February 26", "told reporters on 3 March"), not when an event happened: the first verb
    above it is one of saying or issuing."""
    tokens = analysis.tokens(span.start, span.end)[:1]
    verb = next((t for f in tokens for t in f.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_.lower() in verbs


# "resolution 822 (1993)", "A/RES/62/243 (2008)": a number, then the year in brackets.
_NUMBERED = re.compile(r"\d[\w/.-]*\s?\($")
NUMBERED_REACH = 20
# "Small Nations and Great Powers (Curzon, 2001)", "(Zoryan Institute, 1990)": a publisher,
# then the year of publication, in brackets.
_PUBLISHED = re.compile(r"\((?P<publisher>[A-Z][^(),\n\d]{1,40}),\s*$")
PUBLISHED_REACH = 80


# The names joined by "of" between a work's noun and its date: "Order of the Court of Justice".
NAME_LINKS = 4


def dates_a_work(
    analysis: Analysis,
    span: Span,
    works: frozenset[str],
    issued: frozenset[str] = frozenset(),
    dated: frozenset[str] = frozenset(),
) -> bool:
    """Whether a date is part of a work's name ("the 1992 report", "the 2008 Convention on
    Cluster Munitions", the year in brackets after a numbered instrument: "822 (1993)"), or
    says when a work was issued ("the resolutions of 1993", "resolutions adopted in 1993",
    "in 1993 the Council adopted four resolutions"; `issued`: the verbs of issuing): it dates
    the work, not an event."""
    text = analysis.original
    if (
        _NUMBERED.search(text, max(0, span.start - NUMBERED_REACH), span.start)
        or (span.exact.isdigit() and _published(analysis, span))
    ) and text[span.end : span.end + 1] == ")":
        return True
    tokens = analysis.tokens(span.start, span.end)
    inside = {t.i for t in tokens}
    named = any(
        t.dep_ in {"nummod", "compound", "amod", "npadvmod"}
        and t.head.pos_ in {"NOUN", "PROPN"}
        and t.head.lemma_.lower() in works
        and t.head.i not in inside
        for t in tokens
    )
    # The date's own head word, which hangs outside it ("its resolution of 5 October 2023":
    # the month).
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if named or (bool(tokens) and _issued_then(tokens[0], works, issued)):
        return True
    # "of DATE" on a work, or on the name right before it (the parser may hang the date on
    # the verb: "ignored the Order of the Court of Justice of 22 February 2023").
    of = heads[0].head if heads and heads[0].dep_ == "pobj" else None
    if (
        of is not None
        and of.lower_ == "of"
        and (_of_work(of.head, works) or (of.i > 0 and _of_work(of.doc[of.i - 1], works)))
    ):
        return True
    # `dated`: the texts and sittings a date names ("the letter dated 23 February 2024", "at
    # its meeting of 18 February 2025"). (A judgment's date stays an event's where the
    # mappings make its delivery one.)
    return bool(heads) and bool(dated) and _issued_then(heads[0], dated, dated | issued)


def _of_work(noun: Token, works: frozenset[str]) -> bool:
    """Whether "of DATE" hangs on a work ("its resolution of 5 October 2023"), or on the
    name that ends a work's description ("the Order of the International Court of Justice
    of 22 February 2023": up the names joined by "of" to the work's noun)."""
    for _ in range(NAME_LINKS):
        if noun.lemma_.lower() in works:
            return True
        if noun.pos_ != "PROPN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return False
        noun = noun.head.head
    return False


def _published(analysis: Analysis, span: Span) -> bool:
    """A year after a publisher in brackets ("(Curzon, 2001)"); a place there ("(Khojaly,
    1992)", a caption's) gives an event's year."""
    text = analysis.original
    match = _PUBLISHED.search(text, max(0, span.start - PUBLISHED_REACH), span.start)
    if match is None:
        return False
    tokens = analysis.tokens(*match.span("publisher"))
    return not any(t.ent_type_ in {"GPE", "LOC"} for t in tokens)


def _issued_then(first: Token, works: frozenset[str], issued: frozenset[str]) -> bool:
    """ "the resolutions of 1993"; the verb of issuing the date hangs under, with a work as
    what it issued ("adopted resolutions in 1993", "resolutions adopted in 1993")."""
    prep = first.head
    if (
        first.dep_ == "pobj"
        and prep.lower_ in {"of", "from", "in"}
        and prep.head.lemma_.lower() in works
    ):
        return True
    # The date's phrase on the verb itself, not on a word below it ("adopted resolutions
    # after the massacre in February 1992").
    verb = prep.head if first.dep_ == "pobj" and prep.dep_ == "prep" else first.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in issued:
        return False
    issued_what = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"acl", "relcl"}:
        issued_what.append(verb.head)
    return any(w.lemma_.lower() in works for w in issued_what)
