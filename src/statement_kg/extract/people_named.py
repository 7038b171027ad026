"""The persons a text names before a quote, for the words that stand for them after it ("the
ambassador said", '," he said'): the parser's persons, and the proper nouns a title runs
into that the parser takes for no one ("Ambassador of X to Y Rashad Mammadli")."""

from __future__ import annotations

from spacy.tokens import Token

from statement_kg.language import Analysis

# The title that names the speaker again stands this many words before the name at most.
TITLE_REACH = 12
# A name is two to four capitalised words.
NAME_TOKENS = range(2, 5)
_PLACES = frozenset({"GPE", "NORP", "LOC", "FAC", "DATE"})


def _runs(analysis: Analysis, start: int, end: int, whole: bool = False) -> list[list[Token]]:
    """The persons named between two offsets, in order: the parser's, and runs of proper
    nouns (no place) right before a verb or a comma. `whole`: only names of two words or
    more (the parser takes a lone "Yerevan" for a person now and then)."""
    found: list[list[Token]] = [
        list(e)
        for e in analysis.doc.ents
        if e.label_ == "PERSON"
        and start <= e.start_char < end
        and (not whole or len(e) in NAME_TOKENS)
    ]
    run: list[Token] = []
    for token in analysis.tokens(start, end):
        if token.pos_ == "PROPN" and token.is_title and token.ent_type_ not in _PLACES:
            run.append(token)
            continue
        # "mayor of Tbilisi Nika Beridze": after "of", the run's first word is the place.
        if len(run) > min(NAME_TOKENS) and run[0].i > 0 and run[0].nbor(-1).pos_ == "ADP":
            run = run[1:]
        if len(run) in NAME_TOKENS and (token.pos_ in {"VERB", "AUX"} or token.text == ","):
            found.append(run)
        run = []
    found.sort(key=lambda r: r[0].i)
    return found


def _words(analysis: Analysis, run: list[Token]) -> str:
    begin, end = analysis.span_of(run)
    return " ".join(analysis.original[begin:end].split())


def titled_person(analysis: Analysis, start: int, words: str, titles: frozenset[str]) -> str | None:
    """The person a title alone ("the Speaker", "the ambassador") stands for: the last the
    text named with that title before the quote ("Speaker Hasanzade", "Ambassador of X to Y
    NAME")."""
    named = [w.lower() for w in words.split() if w.lower() not in {"the", "a", "an"}]
    if not named or not all(w in titles for w in named):
        return None
    for person in reversed(_runs(analysis, 0, start)):
        before = list(analysis.doc[max(0, person[0].i - TITLE_REACH) : person[0].i])
        titled = [n for n, t in enumerate(before) if t.lower_ in named]
        # The title and the name in one phrase: nothing but words and commas between.
        between = before[titled[-1] + 1 :] if titled else []
        if titled and not any(t.is_punct and t.text != "," for t in between):
            return _words(analysis, person)
    return None


def last_person(analysis: Analysis, begin: int, start: int) -> str | None:
    """The person named last between `begin` and a quote's start ('," he said')."""
    people = _runs(analysis, begin, start, whole=True)
    return _words(analysis, people[-1]) if people else None
