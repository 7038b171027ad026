"""Figures: which numbers are claims, of which category, with which modifier, qualifiers
and parts. The words come from mappings/figures.yaml; this module knows only the shape of a
figure in English prose: a number, a head noun, a predicate ("613 people were murdered"),
or a cue before it ("a population of about 7,000"), and lists of parts ("including 63
children, 106 women and 70 elderly")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from statement_kg.extract.displacement import displacement_category
from statement_kg.extract.figure_drafts import Draft, breakdown, elided
from statement_kg.extract.figure_words import (
    allowed_categories,
    counts,
    in_context,
    parsed_category,
    parsed_qualifiers,
)
from statement_kg.extract.numbers import NumberExpr
from statement_kg.extract.spans import SentenceIndex, SpanSet, make_span
from statement_kg.extract.table_rows import Row, table_rows
from statement_kg.language import Analysis
from statement_kg.language.analysis import pipeline
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Figure

# An `after` cue counts only when it starts this close to the number or its parts.
MAX_CUE_GAP = 90
# The text a `before` cue and a modifier are looked for in.
LEFT_WINDOW = 60
# How far after a number the words that say who it counts may reach ("hundreds of innocent
# Azerbaijani civilians").
QUALIFIER_REACH = 45
# Table labels and column headers parsed once each.
LABEL_CACHE = 256
# How far up the parse a number's own verb may be (number, preposition, verb).
PREDICATE_STEPS = 3
# How far after a part ("of whom 150") its own cue may end ("are still unaccounted for").
PART_CUE_WINDOW = 40
_NEXT_NUMBER = re.compile(r"\d")
_LIST_GAP = re.compile(r"^[^\d;:()\[\].]*?(?:,|\band\b|&)[^\d;:()\[\].]*$", re.IGNORECASE)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _modifier(text: str, number: NumberExpr, words: ClaimWords) -> tuple[str, int]:
    """The modifier right before the number and where the text before it ends; a range
    stays a range ("as many as 500 to 1,000")."""
    left = text[max(0, number.start - LEFT_WINDOW) : number.start]
    for name, patterns in words.modifiers.items():
        for pattern in patterns:
            match = _rx(rf"(?<!\w)(?:{pattern})\s+$").search(left)
            if match:
                modifier = "range" if number.low is not None else name
                return modifier, number.start - (len(left) - match.start())
    if number.low is not None:
        return "range", number.start
    if number.value is None:
        return "vague", number.start
    return "exact", number.start


def _after_category(
    text: str, start: int, end: int, number: NumberExpr, words: ClaimWords, allowed: set[str]
) -> str | None:
    """The category whose `after` cue starts nearest (longest on a tie) in text[start:end]."""
    best: tuple[int, int, str] | None = None
    for category in words.categories.values():
        if category.percent != number.percent or category.id not in allowed:
            continue
        for pattern in category.after:
            # A cue that starts with "^" must follow the number at once ("8 settlements").
            match = (
                _rx(pattern[1:]).match(text, start, end)
                if pattern.startswith("^")
                else _rx(pattern).search(text, start, end)
            )
            if match and match.start() - start <= MAX_CUE_GAP:
                key = (match.start(), -(match.end() - match.start()), category.id)
                best = key if best is None or key < best else best
    return best[2] if best else None


def _before_category(
    text: str, left_end: int, number: NumberExpr, words: ClaimWords, allowed: set[str]
) -> str | None:
    left = text[max(0, left_end - LEFT_WINDOW) : left_end]
    for category in words.categories.values():
        if category.percent != number.percent or category.id not in allowed:
            continue
        if any(_rx(rf"(?<!\w)(?:{p})").search(left) for p in category.before):
            return category.id
    return None


def _qualifiers(
    text: str, number: NumberExpr, words: ClaimWords, analysis: Analysis
) -> tuple[str, ...]:
    """Who is counted, from the words right after the number ("63 children") or from its
    phrase ("63 were children")."""
    # Words after the next number are that number's.
    head = _NEXT_NUMBER.split(text[number.end : number.end + QUALIFIER_REACH])[0]
    # "63 children", "63 elderly residents", "63 of them children", "hundreds of innocent
    # Azerbaijani civilians".
    listed = {
        name
        for name, patterns in words.qualifiers.items()
        if any(_rx(rf"^\s+(?:of\s+)?(?:\w+\s+){{0,2}}(?:{p})\b").search(head) for p in patterns)
    }
    parsed = set(parsed_qualifiers(analysis, number, words.qualifier_lemmas))
    return tuple(name for name in words.qualifiers if name in listed | parsed)


def _opens_parts(text: str, start: int, end: int, words: ClaimWords) -> bool:
    """Whether the gap before the next number ends with a parts opener ("including",
    "(among them,", "including over")."""
    gap = text[start:end]
    return any(_rx(rf"(?<!\w)(?:{p})[\s,]*(?:[a-z]+\s+){{0,2}}$").search(gap) for p in words.parts)


def _of_them(text: str, number: NumberExpr) -> bool:
    return bool(_rx(r"^\s+of\s+(?:them|whom)\b").match(text[number.end : number.end + 15]))


def _own_predicate(analysis: Analysis, number: NumberExpr) -> bool:
    """Whether the parse gives the number a verb of its own ("were carried out on 181 of
    them", "and injured more than 100") before any noun or number ("181 corpses: 130 of
    them male", "of whom 150, among them 68 women"):
    then that verb, not the figure it is part of, says what it counts."""
    node = analysis.head(number.start, number.end)
    for _ in range(PREDICATE_STEPS):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return True
        if node.pos_ in {"NOUN", "PROPN", "NUM"}:
            return False
    return False


def _verb_between(analysis: Analysis, start: int, end: int) -> bool:
    # "including" the parser may tag a verb: as a preposition it opens the parts.
    return any(t.pos_ == "VERB" and t.dep_ != "prep" for t in analysis.tokens(start, end))


def _own_clause(analysis: Analysis, number: NumberExpr) -> bool:
    """Whether what the number counts is the subject of a clause of its own, which ends a
    list of parts: "among them 1,800 witnesses, and 2,700 persons were recognised as
    victims"."""
    tokens = analysis.tokens(number.start, number.end)
    if not tokens:
        return False
    counted = tokens[-1].head if tokens[-1].dep_ in {"nummod", "quantmod"} else tokens[-1]
    return counted.dep_ in {"nsubj", "nsubjpass"} and counted.head.dep_ == "conj"


def _parts(
    text: str,
    numbers: list[NumberExpr],
    i: int,
    sentence_end: int,
    words: ClaimWords,
    analysis: Analysis,
) -> list[int]:
    """Indexes of the numbers that list the parts of numbers[i]: "including 63 children,
    106 women and 70 elderly" (the list ends after "and", at a verb, or where a clause of
    its own begins)."""
    j = i + 1
    if j >= len(numbers) or numbers[j].start >= sentence_end:
        return []
    if numbers[i].percent or not _opens_parts(text, numbers[i].end, numbers[j].start, words):
        return []
    parts = [j]
    while j + 1 < len(numbers) and numbers[j + 1].start < sentence_end:
        gap = text[numbers[j].end : numbers[j + 1].start]
        # "among them 63 children - were killed, 487 were maimed": the verb ends the list.
        verb = _verb_between(analysis, numbers[j].end, numbers[j + 1].start)
        if not _LIST_GAP.match(gap) or verb or _own_clause(analysis, numbers[j + 1]):
            break
        j += 1
        parts.append(j)
        if _rx(r"(?:\band|&)\s+$").search(gap):
            break
    return parts


def find_figures(
    text: str,
    numbers: list[NumberExpr],
    words: ClaimWords,
    index: SentenceIndex,
    analysis: Analysis,
    towns: SpanSet,
) -> list[Figure]:
    """The figures among `numbers`; `towns` are the spans that name a town or a city."""
    drafts: list[Draft] = []
    i = 0
    numbers = [n for n in numbers if counts(analysis, n, words.not_counted)]
    rows = table_rows(text)
    while i < len(numbers):
        number = numbers[i]
        allowed = allowed_categories(analysis, number, words.categories)
        row = rows.get(number.start)
        if row is not None and _by_row(text, number, row, words, allowed):
            i = _row_drafts(text, numbers, i, (row, rows), drafts, words, analysis)
            continue
        _, sentence_end = index.around(number.start)
        sentence_end = min(sentence_end, row.end) if row is not None else sentence_end
        parts = _parts(text, numbers, i, sentence_end, words, analysis)
        following = (
            numbers[(parts[-1] if parts else i) + 1].start
            if (parts[-1] if parts else i) + 1 < len(numbers)
            else len(text)
        )
        window_end = min(following, sentence_end)
        modifier, left_end = _modifier(text, number, words)
        if parts:
            # The predicate comes after the list: "..., 106 women and 70 elderly were murdered",
            # unless the figure's own verb comes before it ("4,500 persons were questioned,
            # among them 1,800 witnesses").
            last = numbers[parts[0]]
            category = _after_category(
                text, number.end, numbers[parts[0]].start, number, words, allowed
            )
            if not _verb_between(analysis, number.end, numbers[parts[0]].start):
                last = numbers[parts[-1]]
                category = category or _after_category(
                    text, last.end, window_end, number, words, allowed
                )
        else:
            category = _after_category(text, number.end, window_end, number, words, allowed)
        category = _before_category(text, left_end, number, words, allowed) or category
        qualifiers = _qualifiers(text, number, words, analysis) or elided(
            drafts, text, number, analysis
        )
        parent = len(drafts) - 1 if drafts and _of_them(text, number) else None
        # A part of an earlier figure ("181 corpses: 130 of them male") is counted as that
        # figure is, whatever noun the parse hangs it on.
        whole = False
        if category is None and not _own_predicate(analysis, number):
            parent, category = breakdown(drafts, parent, qualifiers, index, number, analysis)
            whole = category is not None
        if not whole:
            category = category or parsed_category(
                analysis, number, words.categories, allowed, words.quantities, words.remains
            )
            # People driven out are told apart by where from (extract/displacement.py).
            shifts = {None, words.displacement.local, words.displacement.wide}
            if category in shifts | words.displacement.overrides:
                category = (
                    displacement_category(analysis, number, words.displacement, towns) or category
                )
            if category is None:
                parent, category = breakdown(drafts, parent, qualifiers, index, number, analysis)
        drafts.append(Draft(number, category, modifier, qualifiers, parent))
        head = len(drafts) - 1
        for k in parts:
            part = numbers[k]
            # A part is counted as its whole unless its own words say otherwise, before the
            # comma that ends them where another number follows ("including 4 children and 6
            # women, and wounded 70": the verb after the list is that number's).
            comma = text.find(",", part.end, window_end) if window_end == following else -1
            own_end = min(part.end + PART_CUE_WINDOW, window_end, *([comma] if comma >= 0 else []))
            own = _after_category(text, part.end, own_end, part, words, allowed) or (
                None
                if category is not None and not _own_predicate(analysis, part)
                else parsed_category(
                    analysis, part, words.categories, allowed, words.quantities, words.remains
                )
            )
            part_modifier, _ = _modifier(text, part, words)
            drafts.append(
                Draft(
                    part,
                    own or category,
                    part_modifier,
                    _qualifiers(text, part, words, analysis),
                    head,
                )
            )
        i = (parts[-1] if parts else i) + 1
    return _figures(text, drafts, words)


def _by_row(text: str, number: NumberExpr, row: Row, words: ClaimWords, allowed: set[str]) -> bool:
    """Whether a row's label says what its number counts: always, but for a cell of words
    whose own cue follows the number ("Khojaly | 613 killed, 487 wounded"), read as a
    sentence that ends with the row."""
    return not row.keyed or not _after_category(text, number.end, row.end, number, words, allowed)


# The words that open a remark whose numbers are parts of a row's ("(including 63 children,
# ...)"); other remarks give other estimates or other units ("(Armenian sources give 161)").
_PART_OPENING = re.compile(r"\s*(?:including|of\s+(?:them|whom)|among\s+them)\b", re.IGNORECASE)


def _row_drafts(
    text: str,
    numbers: list[NumberExpr],
    i: int,
    tables: tuple[Row, dict[int, Row]],
    drafts: list[Draft],
    words: ClaimWords,
    analysis: Analysis,
) -> int:
    """A table row's figure, then the numbers of the remark in brackets after it, parts of
    it ("Killed ...... 613 (including 63 children, 106 women)"); the index of the number after
    them."""
    row, rows = tables
    number = numbers[i]
    drafts.append(_row_draft(text, number, row, drafts, words, analysis))
    head = len(drafts) - 1
    i += 1
    while i < len(numbers) and numbers[i].start < row.end and numbers[i].start not in rows:
        part = numbers[i]
        between = text[number.end : part.start]
        if "(" not in between or ")" in between:
            break
        # Its own words within the row say what it counts ("of them 150 still missing");
        # else a part counts what the row does, and another estimate nothing.
        allowed = allowed_categories(analysis, part, words.categories)
        own = _after_category(text, part.end, row.end, part, words, allowed)
        parted = _PART_OPENING.match(between[between.find("(") + 1 :]) is not None
        category = own or (drafts[head].category if parted else None)
        modifier, _ = _modifier(text, part, words)
        qualifiers = _qualifiers(text, part, words, analysis)
        drafts.append(Draft(part, category, modifier, qualifiers, head if parted else None))
        i += 1
    return i


def _row_draft(
    text: str,
    number: NumberExpr,
    row: Row,
    drafts: list[Draft],
    words: ClaimWords,
    analysis: Analysis,
) -> Draft:
    """A table row's figure: what its label (or its column's header) counts, by its cues or
    else its words' lemmas ("Missing (fate unknown)"), of those a row under a header names
    ("Women"); for a part ("of them: children"), what the row above counts, of those its
    label names."""
    label = text[row.label_start : row.label_end]
    column = text[row.column[0] : row.column[1]] if row.column else None
    modifier, _ = _modifier(text, number, words)
    heads = [n for n, d in enumerate(drafts) if d.parent is None]
    if row.part and heads:
        qualifiers = _named_qualifiers(column or label, words)
        return Draft(number, drafts[heads[-1]].category, modifier, qualifiers, heads[-1])
    if column is None:
        category = _cell_category(label, number, words)
        named = _named_qualifiers(label, words)
        # "of them children ... 63 / women ... 106": a row that names only whom it counts,
        # in the same block as a row that says what befell them, is a part of that row.
        if category is None and named and heads:
            head = drafts[heads[-1]]
            if "\n\n" not in text[head.number.end : number.start]:
                return Draft(number, head.category, modifier, named, heads[-1])
        return Draft(number, category, modifier, ())
    category = _cell_category(column, number, words)
    if category is None:
        # "Total   Women   Children" over "Missing, fate unknown   150   68   26": the
        # columns say whom each number counts, the label what happened to them.
        return Draft(
            number, _cell_category(label, number, words), modifier, _named_qualifiers(column, words)
        )
    return Draft(number, category, modifier, _named_qualifiers(label, words))


def _cell_category(counted: str, number: NumberExpr, words: ClaimWords) -> str | None:
    """What a table's label or column header counts: by its cues, else its lemmas."""
    lemmas = _label_lemmas(counted)
    held = in_context(words.categories, lemmas)
    allowed = [c for c in words.categories.values() if c.percent == number.percent and c.id in held]
    cued = [
        (match.start(), category.id)
        for category in allowed
        for pattern in (*category.after, *category.before)
        if (match := _rx(rf"(?<!\w)(?:{pattern.lstrip('^')})").search(counted))
    ]
    named = [c.id for c in allowed if c.lemmas & lemmas]
    return min(cued)[1] if cued else (named[0] if named else None)


@lru_cache(maxsize=LABEL_CACHE)
def _label_lemmas(words: str) -> frozenset[str]:
    """A table label's or column header's lemmas, parsed once per wording (a header heads
    every row): its words in title case read as names, so they are parsed in lower case."""
    return frozenset(t.lemma_.lower() for t in pipeline()(words.lower()))


def _named_qualifiers(label: str, words: ClaimWords) -> tuple[str, ...]:
    return tuple(
        name
        for name, patterns in words.qualifiers.items()
        if any(_rx(rf"(?<!\w)(?:{p})\b").search(label) for p in patterns)
    )


def _figures(text: str, drafts: list[Draft], words: ClaimWords) -> list[Figure]:
    kept = {n for n, d in enumerate(drafts) if d.category is not None}
    figures = []
    for draft in drafts:
        if draft.category is None:
            continue
        number = draft.number
        entailed = words.categories[draft.category].entails
        parent = drafts[draft.parent] if draft.parent in kept and draft.parent is not None else None
        figures.append(
            Figure(
                category=draft.category,
                value=number.value,
                low=number.low,
                high=number.high,
                modifier=draft.modifier,
                qualifiers=tuple(q for q in draft.qualifiers if q not in entailed),
                span=make_span(text, number.start, number.end),
                part_of=make_span(text, parent.number.start, parent.number.end) if parent else None,
            )
        )
    return figures
