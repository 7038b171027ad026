"""Judgments of the court whose cases are numbered by application (the European Court of
Human Rights, mappings/claims.yaml): a case by its number after its parties ("Sargsyan v.
Azerbaijan (no. 40167/06)", "X v. Y [GC], no. 13216/05, 16 June 2015"), by its
application number in a text that names the court, and by its parties alone where the text
names the court itself."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_kg.extract.dates import find_dates
from statement_kg.lexicon import Recognisers, literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug

_APPLICATION = re.compile(
    r"\(?\s*(?:application|app\.)\s+nos?\.?\s*(?P<number>\d{1,6}/\d{2})\s*\)?", re.IGNORECASE
)
# "Sargsyan v. Azerbaijan (no. 40167/06)", "Sargsyan v. Azerbaijan [GC], no. 40167/06": the
# number without "application", after a case.
_CASE_NUMBER = re.compile(
    r"(?:\(\s*|,\s*)nos?\.\s*(?P<number>\d{1,6}/\d{2})(?:\s*\))?", re.IGNORECASE
)
# "Chiragov and Others v. Armenia", "Fatullayev v. Azerbaijan", "Sargsyan v. Azerbaijan".
_NAMEWORD = r"[A-Z][\w’'.-]*"
# "Makuchyan and Minasyan v. Azerbaijan and Hungary [GC]".
_CASE = re.compile(
    rf"(?P<case>{_NAMEWORD}(?:\s+(?:and\s+)?{_NAMEWORD})*(?:\s+and\s+Others)?\s+v\.?\s+"
    rf"{_NAMEWORD}(?:\s+and\s+{_NAMEWORD})?)(?:\s*\[GC\])?\s*,?\s*$"
)
# The party a case's name ends with: letters only ("Ukraine.1" ends with a note's number).
_PARTY = r"[A-Z][^\W\d_]*(?:[’'-](?:[ \t]*\n[ \t]*)?[^\W\d_]+)*"
# "the Court's judgment in Chiragov and Others v. Armenia": a case by its parties alone.
# (A few words for the first party, none ending a sentence: "the Convention. Garcia v. Spain"
# is Garcia's case.)
_CASE_NAME = re.compile(
    rf"(?<![\w’'.-])(?P<case>{_PARTY}(?:\s+(?:and\s+)?{_PARTY}){{0,3}}(?:\s+and\s+Others)?"
    rf"\s+v\.?\s+{_PARTY}(?:\s+and\s+{_PARTY}(?!\s+v\.))?)(?![\w’'-])"
)
CASE_WINDOW = 120
DATE_WINDOW = 40


def judgments(text: str, words: Recognisers) -> Iterable[tuple[Entity, int, int]]:
    if words.application_court is None:
        return
    # Where the text does not name the court, only a case named with its application
    # number ("Sargsyan v. Azerbaijan (no. 40167/06)") is surely one of its judgments.
    cues = [m.group() for m in re.finditer(words.application_court_cue, text)]
    named = bool(cues)
    # A case by its parties alone only where the text names the court itself, not only the
    # Convention it applies.
    court = any("Convention" not in cue for cue in cues)
    numbered: set[str] = set()
    for match in (*_APPLICATION.finditer(text), *_CASE_NUMBER.finditer(text)):
        number = match["number"]
        case = _CASE.search(text, max(0, match.start() - CASE_WINDOW), match.start())
        if case is None and (match.re is _CASE_NUMBER or not named):
            continue  # a bare "(no. 1234/05)" is a case's only after its name
        start = case.start() if case else match.start()
        found = [
            (time, span)
            for time, span in find_dates(text[match.end() : match.end() + DATE_WINDOW])
            if time.end is None and time.begin.precision == "day"
        ]
        dates = [time.begin.iso for time, _ in found]
        # "..., no. 40167/06, 16 June 2015": the day of the judgment is part of its citation.
        gap = text[match.end() : match.end() + found[0][1].start] if found else ""
        end = match.end() + found[0][1].end if found and gap.strip() in {"", ","} else match.end()
        label = " ".join(case["case"].split()) if case else f"Application no. {number}"
        entity = Entity(
            id=f"{slug(words.application_court)}-{slug(number)}",
            type="court_judgment",
            label=label,
            # A case cited once with its number is the same case where the text names it
            # again by its parties alone.
            phrases=(
                literal_phrase(text[start:end].strip()),
                *((literal_phrase(label),) if case else ()),
            ),
            issued=dates[0] if dates else None,
            issued_by=words.application_court,
            application_number=number,
            recognised=True,
        )
        numbered.add(label)
        yield entity, start, end
    # A case the text names by its parties alone, in a text that names the court.
    for match in _CASE_NAME.finditer(text) if court else ():
        label = " ".join(match["case"].split())
        # "... Racial Discrimination (Armenia v. Azerbaijan)": the parties close a title
        # that names another court's case.
        bracketed = text[match.start() - 1 : match.end() + 1] == f"({match['case']})"
        if label in numbered or bracketed:
            continue
        entity = Entity(
            id=f"{slug(words.application_court)}-{slug(label)}",
            type="court_judgment",
            label=label,
            phrases=(literal_phrase(label),),
            issued_by=words.application_court,
            recognised=True,
        )
        yield entity, match.start(), match.end()
