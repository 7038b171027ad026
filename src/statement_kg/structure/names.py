"""Reading a name out of a heading or a clause: where it starts, where it ends, and which
entity of mappings/ it is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from statement_kg.extract.dates import month_number
from statement_kg.extract.mentions import find_mentions
from statement_kg.extract.spans import SentenceIndex, make_span
from statement_kg.language import Analysis
from statement_kg.language.margins import blanked, margin_numbers
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.line_dates import YEARLESS_DAY

# A person's name: two to four capitalised words, initials allowed ("RAYMOND T. HOLLIS").
NAME_WORDS = range(2, 5)
PERSON_NAME = r"(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]+"
# A heading line this long was wrapped: its name runs on to the next line.
WRAPPED_HEADING = 60
# Articles, which a name is trimmed of.
ARTICLES = frozenset({"the", "a", "an"})
# Words a name's initials leave out ("THE SEVAN NEWS SERVICE" is SNS), and the small words
# a name in capitalised words may hold ("Kingsbridge University Students' Union").
FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "&"})
# A speaker's label of initials: "G.H.", "A.S.", "VH".
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")
# An aside in brackets after a name: a speaker's country or seat ("NAME (Kars)").
BRACKETS = re.compile(r"\([^()\n]*\)")
# A name without the parser's help: the given name and the family name.
GIVEN_AND_FAMILY = 2
AGENT_TYPES = frozenset({"country", "organisation", "collective", "person", "news_outlet"})


def agent_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    return [
        m
        for m in find_mentions(text, lexicon, SentenceIndex(text))
        if lexicon.entities[m.entity].type in AGENT_TYPES
    ]


def entity_of(start: int, end: int, mentions: Sequence[Mention], lexicon: Lexicon) -> str | None:
    """The agent a span names: a mention that covers nearly all of it, never a country a
    longer name only contains ("Ministry of Foreign Affairs of the Republic of X")."""
    best: Mention | None = None
    for mention in mentions:
        inside = max(0, min(end, mention.span.end) - max(start, mention.span.start))
        if inside * 10 >= (end - start) * 7 and (
            best is None or len(mention.span.exact) > len(best.span.exact)
        ):
            best = mention
    if best is None:
        return None
    if lexicon.entities[best.entity].type == "country" and end - start > len(best.span.exact) + 4:
        return None
    return best.entity


def found(
    text: str,
    start: int,
    end: int,
    kind: str,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
) -> Found:
    span = make_span(text, start, end)
    # A name run across a bill's numbered lines is named without the numbers.
    inside = [(a - start, b - start) for a, b in margin_numbers(text) if start <= a and b <= end]
    value = " ".join(blanked(span.exact, inside).split())
    return Found(value, span, entity_of(start, end, mentions, lexicon), kind)


def names_body(tokens: Sequence[Token], heads: frozenset[str]) -> bool:
    """Whether the words hold a noun that heads an organisation's name, in any number
    ("House of Representatives", "the Co-Chairs' Delegations")."""
    for token in tokens:
        lower = token.lower_
        if lower in heads or token.lemma_.lower() in heads:
            return True
    return False


def letterhead_heads(line: str, cues: StructureCues) -> frozenset[str]:
    """The nouns that head a body's name on a letterhead's line: more in capitals."""
    return cues.organisation_heads | (cues.capital_heads if line.isupper() else frozenset())


def is_body(analysis: Analysis, named: Found, heads: frozenset[str]) -> bool:
    """A name found that is a body's ("MILLI MAJLIS OF ...", "Ministry of ..."), not a
    station's or a paper's."""
    tokens = [t for t in analysis.tokens(named.span.start, named.span.end) if t.is_alpha]
    return names_body(tokens, heads)


def announces_issuer(tokens: Sequence[Token], cues: StructureCues) -> bool:
    """Whether the words open like a heading that names a document by its issuer
    ("Statement of the Ministry ...", "Statement by the Co-Chairs ...")."""
    return (
        len(tokens) > 1
        and tokens[0].lemma_.lower() in cues.document_nouns
        and tokens[1].lower_ in {"of", "by"}
    )


def says(tokens: Sequence[Token]) -> bool:
    """Whether the words say something: a finite verb ("Yerevan rejects ..."), which no
    name, title or heading holds. A word in capitals the parser knows no lemma for, or
    in letters English has not ("KIYISI ÜNİVERSİTESİ"), is a foreign one, no verb."""
    return any(
        "Fin" in t.morph.get("VerbForm", [])
        for t in tokens
        if t.pos_ in {"VERB", "AUX"}
        and not (t.is_upper and (t.lemma_ == t.text or not t.text.isascii()))
    )


def trim(tokens: list[Token]) -> list[Token]:
    """A name without the article, quotes, punctuation and line breaks around it."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in ARTICLES):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text not in {")", '"', "”"})
    ):
        tokens = tokens[:-1]
    return tokens


def without_logo(tokens: list[Token]) -> list[Token]:
    """ "AEWN  Atrocity Early Warning Network": a logo's initials before the name they
    abbreviate are no part of it."""
    if len(tokens) < 3 or not (tokens[0].is_upper and tokens[0].is_alpha):
        return tokens
    capitals = "".join(t.text[0] for t in tokens[1:] if t.is_alpha and t.text[0].isupper())
    return trim(tokens[1:]) if capitals == tokens[0].text else tokens


def _continues(text: str, end: int) -> bool:
    """Whether a heading's name runs on after the line ending at `end`: the line ends in
    a word that needs more ("... and the") or the next one starts in lower case ("of the")."""
    line = text[text.rfind("\n", 0, end) + 1 : end]
    words = line.split()
    rest = text[end + 1 :].lstrip(" \t\r")
    following = rest[:1]
    # A long line runs on into the next, unless that one opens with a day ("Feb 21, 2013,
    # 09:05 ET" under a release's "News provided by / NAME").
    day = re.match(YEARLESS_DAY, rest)
    dated = day is not None and month_number(day["month"] or day["month2"]) > 0
    wrapped = len(line.strip()) >= WRAPPED_HEADING and following.isalpha() and not dated
    return bool(words) and (
        words[-1].lower() in {"and", "the", "of", "for", "on", "to", "in"}
        or following.islower()
        or wrapped
    )


def name_from(analysis: Analysis, start: int, limit: int, cues: StructureCues) -> list[Token]:
    """The name that begins at `start`: up to a word that ends a heading's name ("on the
    anniversary", "at the conference", "RECOGNIZING"), whom it is addressed to ("to the
    parliaments"), the end of its line unless it runs on, a comma before lower-case words,
    or `limit`."""
    text = analysis.original
    end = start
    while True:
        newline = text.find("\n", end, limit)
        if newline < 0:
            end = limit
            break
        end = newline
        if not _continues(text, newline):
            break
        end = newline + 1
    tokens = analysis.tokens(start, end)
    ends = [tuple(e.lower().split()) for e in cues.name_ends]
    for i, token in enumerate(tokens):
        words = tuple(t.lower_ for t in tokens[i : i + 3])
        if i and any(words[: len(e)] == e for e in ends):
            return trim(tokens[:i])
        if i and token.text == "," and (i + 1 >= len(tokens) or tokens[i + 1].is_lower):
            return trim(tokens[:i])
        # "Briefing by Spokesperson NAME, Moscow, 27 February 2024": the place and date of
        # the heading's dateline.
        if i and token.text == "," and _dateline(tokens[i + 1 :]):
            return trim(tokens[:i])
        # "... of the Milli Majlis to the parliaments of the world": whom it is addressed
        # to, in common nouns (not "to the United Nations", which is part of a name).
        if i and words[:2] == ("to", "the") and len(words) > 2 and tokens[i + 2].is_lower:
            return trim(tokens[:i])
    return trim(tokens)


def _dateline(tokens: list[Token]) -> bool:
    """The rest is a place and a date, or a date, and nothing else: the dateline after a
    heading's name ("..., Vienna, 2 May 2016"), not a list of countries ("... from France,
    Russia and the United States, Vienna, ...")."""
    words = [t for t in tokens if not t.is_space]
    dated = any(t.ent_type_ == "DATE" or t.like_num for t in words)
    return dated and all(t.ent_type_ in {"GPE", "DATE"} or t.like_num or t.is_punct for t in words)


def skip_meeting(tokens: list[Token], cues: StructureCues) -> list[Token]:
    """ "46th session of the Council of Foreign Ministers": the council, not the session."""
    for i, token in enumerate(tokens):
        if (
            token.lower_ in cues.meeting_nouns
            and i + 1 < len(tokens)
            and tokens[i + 1].lower_ == "of"
        ):
            return trim(tokens[i + 2 :])
    return tokens


def persons(analysis: Analysis, tokens: list[Token]) -> list[list[Token]]:
    """The persons the parser finds among `tokens`, each as its run of tokens (a title or
    a country the parser glued to the name is left out: "Armenia Arsen Melkonyan", "of
    Armenia Hasmik Tadevosyan")."""
    if not tokens:
        return []
    first, last = tokens[0].i, tokens[-1].i
    places = {e.text for e in analysis.doc.ents if e.label_ in {"GPE", "NORP"}}
    runs = []
    for entity in analysis.doc.ents:
        if entity.label_ == "PERSON" and first <= entity.start and entity.end - 1 <= last:
            # Not a rule of box-drawing marks the recogniser took for a name ("═════").
            run = [t for t in entity if t.pos_ == "PROPN" and any(c.isalpha() for c in t.text)]
            while len(run) > 2 and (run[0].text in places or _of_body(run[0])):
                run = run[1:]
            if run:
                runs.append(run)
    return runs


def _of_body(token: Token) -> bool:
    """ "the MFA of Armenia Hasmik Tadevosyan": the word after a body's "of" is the body's,
    not the person's ("the remarks of Mary Ann Smith" keeps its three words)."""
    if token.i < 2 or token.nbor(-1).lower_ != "of":
        return False
    body = token.nbor(-2)
    return body.is_upper or body.is_title


def named_in_full(analysis: Analysis, label: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the text first names in full, between `start` and `end`, the speaker a turn's
    label names by surname ("MR CARROW", "Minister Hakobyan" after "Ned Carrow, Deputy
    Spokesperson", "... by Foreign Minister Vardan Hakobyan") or by initials ("G.H.")."""
    initials = _INITIALS.fullmatch(label.strip())
    if initials is not None:
        return _initialled(analysis, initials.group().replace(".", ""), start, end)
    surname = re.escape(label.rsplit(maxsplit=1)[-1])
    full = re.compile(rf"(?<![\w'’-])(?:[A-Z][\w'’-]*\.?\s+){{1,3}}(?i:{surname})\b")
    name = full.search(analysis.original, start, end)
    return None if name is None else _person(analysis, *name.span())


def _initialled(analysis: Analysis, letters: str, start: int, end: int) -> tuple[int, int] | None:
    """ "G.H.": the person the introduction names whose names those letters open ("Grigor
    Hakobjanyan")."""
    for entity in analysis.doc.ents:
        if entity.label_ != "PERSON" or not start <= entity.start_char < entity.end_char <= end:
            continue
        words = [t for t in entity if t.is_alpha]
        if "".join(t.text[0] for t in words) == letters:
            return analysis.span_of(words)
    return None


def _person(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """The person in capitalised words that may open with a title's ("Deputy Minister of
    Foreign Affairs Tural Mammadzade"): the parser's person ending there, else the last
    two words."""
    tokens = analysis.tokens(start, end)
    ending = [run for run in persons(analysis, tokens) if run[-1].i == tokens[-1].i]
    if ending and len(ending[-1]) >= GIVEN_AND_FAMILY:
        return analysis.span_of(ending[-1])
    return analysis.span_of(tokens[-GIVEN_AND_FAMILY:])
