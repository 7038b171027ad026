"""Headings in a document's head: the heading that announces a document and its issuer
("Statement of the ...", "JOINT PRESS RELEASE of A and B", "FINAL COMMUNIQUE OF THE 46th
SESSION OF THE COUNCIL ..."), and a speech heading ("Statement by H.E. Mr. NAME, TITLE, at
..."). The letterhead that names an organisation is the letterhead module's."""

from __future__ import annotations

import re

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.names import (
    ARTICLES,
    NAME_WORDS,
    found,
    name_from,
    names_body,
    persons,
    skip_meeting,
    trim,
)
from statement_kg.structure.zones import Zones

# A heading opens a line among the first ones, even where the parser ran it into a
# sentence of running text.
HEADING_CHARS = 1200
# "MFA", "OSCE": a body's acronym, no one's name.
ACRONYM_LETTERS = 4
# "Written statement* submitted by ...": a note's mark after the document's words.
NOTE_MARKS = frozenset({"*", "†"})
_MAIL_SUBJECT = re.compile(r"^\s*(?:subject|subj)\s*:\s*(?:(?:fw|fwd|re)\s*:\s*)*", re.I)
# "Armenia/Azerbaijan:", "Caucasus:": the subject a heading names first, in capitalised
# words (not "Fact check:").
_TOPIC = re.compile(r"^\s*[A-Z][\w'’.-]*(?:\s*[/,]?\s*[A-Z][\w'’.-]*){0,4}\s*:\s*$")


def _reach(zones: Zones, after: int) -> int:
    """Where headings are looked for end: the head (or the first characters, where the
    parser ran a heading into running text), or the text's end for a heading after
    `after` (an answer under its question)."""
    return len(zones.analysis.original) if after else max(zones.body_start, HEADING_CHARS)


def announces(tokens: list[Token], cues: StructureCues) -> bool:
    words = [t.lower_ for t in tokens if not t.is_punct]
    return bool(words) and all(w in cues.document_nouns for w in words)


_QUALIFYING = frozenset({"amod", "compound"})
# A word or two, none of a name the parser knows ("NORDIC HELSINKI MONITORS Report of ..."
# is a running head).
QUALIFIERS = 2


def _left_before_heading(before: str, cues: StructureCues) -> str:
    """What stands before a heading's document words on its line, without the words that
    say the text gives that document ("TRANSCRIPT OF THE")."""
    words = before.lower().split()
    while words and words[-1] in ARTICLES:
        words.pop()
    prefix = words[:-1]
    if words and words[-1] == "of" and prefix and all(w in cues.document_nouns for w in prefix):
        return ""
    return before.strip()


def _headings(zones: Zones, cues: StructureCues, after: int = 0) -> list[tuple[list[Token], Token]]:
    """(document words, "of"/"by") pairs that open a heading in the head, or anywhere after
    `after` when it is given (the answer under a question)."""
    analysis = zones.analysis
    pairs = []
    tokens = analysis.tokens(after, _reach(zones, after))
    for i, token in enumerate(tokens):
        if token.lower_ not in {"of", "by"}:
            continue
        # "Answer given by ...": a participle between the document's words and "by".
        j = i - 1 if i > 0 and tokens[i - 1].tag_ == "VBN" else i
        last = j
        while j > 0 and (
            tokens[j - 1].lower_ in cues.document_nouns
            or tokens[j - 1].is_space
            or tokens[j - 1].text in NOTE_MARKS
        ):
            j -= 1
        # "Opening speech by", "Keynote address of": the words that qualify a speech.
        noun_at = j
        while (
            0 < j < last
            and tokens[noun_at].lower_ in cues.speech_nouns
            and noun_at - j < QUALIFIERS
            and tokens[j - 1].dep_ in _QUALIFYING
            and not (tokens[j - 1].pos_ == "PROPN" and tokens[j - 1].ent_type_)
            and tokens[j - 1].head.i >= tokens[j].i
        ):
            j -= 1
        qualifiers = {t.i for t in tokens[j:noun_at]}
        run = tokens[j:last]
        # The words on the heading's own line, where those over it end another line
        # ("Home / News / Committees news" over "Statement of ...").
        breaks = [n for n, t in enumerate(run) if t.is_space and "\n" in t.text]
        for words in (run, run[breaks[-1] + 1 :]) if breaks else (run,):
            opening = [t for t in words if not t.is_space and t.text not in NOTE_MARKS]
            at = analysis.span_of(opening or [token])[0]
            before = analysis.original[analysis.original.rfind("\n", 0, at) + 1 : at]
            # A mail's subject line is its heading ("Subject: FW: Statement by ..."), and so
            # is a line that names its subject first ("Armenia/Azerbaijan: Declaration by").
            before = _TOPIC.sub("", _MAIL_SUBJECT.sub("", before))
            # The line's first word is capitalised ("Statement by", "Transcript of the
            # statement by").
            first = before.strip() or (opening[0].text if opening else "")
            capital = bool(opening) and (first[:1].isupper())
            named = [t for t in opening if t.i not in qualifiers]
            if capital and announces(named, cues) and not _left_before_heading(before, cues):
                pairs.append((opening, token))
                break
    return pairs


def speech_heading(
    zones: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
    after: int = 0,
    nouns: frozenset[str] | None = None,
) -> list[Found]:
    """The speaker a speech heading names (one whose document noun is among `nouns`, when
    given)."""
    cues = lexicon.structure
    analysis = zones.analysis
    for opening, word in _headings(zones, cues, after):
        # "Statement by NAME", "Answer of the Spokesperson NAME to the question of ...".
        if opening[-1].lower_ not in (nouns or cues.speech_nouns):
            continue
        # "Interview by NAME": the one who asks, not the one who speaks.
        if opening[-1].lemma_.lower() in cues.interview_nouns and word.lower_ == "by":
            continue
        start = analysis.span_of([word])[1]
        name = name_from(analysis, start, _reach(zones, after), cues)
        # The speaker the parser finds in the name; else the name, when it holds a title
        # and a name ("President of the Republic NAME" the parser does not read as a
        # person); a title alone ("BY THE SPOKESPERSON") names no one. After "of" a name
        # that holds a body ("Joint Statement of the Commissioner ... and ...") is the
        # document heading's to read.
        words = {t.lower_ for t in name}
        if word.lower_ == "of" and names_body(name, cues.organisation_heads):
            continue
        # "MFA Spokesperson": a title and a body's acronym name no one. A name in capitals
        # is whole, where the parser may find only part of it ("ARMEN S. GRIGORYAN").
        named = (
            ([name] if _capitals_name(name, cues) else [])
            or persons(analysis, name)[:1]
            or (
                [name]
                if (word.lower_ == "by" or not names_body(name, cues.organisation_heads))
                and words & cues.titles
                and any(
                    t.pos_ == "PROPN" and t.lower_ not in cues.titles and not _acronym(t)
                    for t in name
                )
                else []
            )
        )
        if named:
            return [
                found(
                    analysis.original, *analysis.span_of(run), "speech heading", mentions, lexicon
                )
                for run in named
            ]
    return []


def _capitals_name(name: list[Token], cues: StructureCues) -> bool:
    """ "AFFIDAVIT OF NURLANA AKHUNDOVA": a person's name in capitals, which the parser does
    not read as one: a few proper nouns, no title or body among them."""
    others = cues.titles | cues.organisation_heads
    words = [t for t in name if t.text not in {"-", "."}]
    return len(words) in NAME_WORDS and all(
        t.is_upper
        and t.pos_ == "PROPN"
        and not t.is_stop
        and t.text.rstrip(".").replace("-", "").isalpha()
        and t.lower_ not in others
        and t.ent_type_ not in {"GPE", "LOC", "NORP"}
        for t in words
    )


def _acronym(token: Token) -> bool:
    return token.is_upper and len(token.text) <= ACRONYM_LETTERS


def _opens_name(conjunction: Token, cues: StructureCues) -> bool:
    """ "... and the State Commission", "... and Prosecutor General's Office": "and" that
    opens a second name, not one inside a name ("Hostages and Missing Persons")."""
    following = []
    for token in conjunction.doc[conjunction.i + 1 :]:
        if token.lower_ in {"and", ","} or token.is_space:
            break
        following.append(token)
    return (bool(following) and following[0].lower_ == "the") or names_body(
        following, cues.organisation_heads
    )


def _split(tokens: list[Token], cues: StructureCues) -> list[list[Token]]:
    """ "the Prosecutor General's Office of X and the State Commission on ...": two."""
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.lower_ == "and" and parts[-1] and _opens_name(token, cues):
            parts.append([])
        else:
            parts[-1].append(token)
    named = [trim(p) for p in parts]
    if len(named) > 1 and all(names_body(p, cues.organisation_heads) for p in named):
        return named
    return [tokens]


def document_heading(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The issuers a document's heading names after "of" or "by"."""
    cues = lexicon.structure
    analysis = zones.analysis
    for _, word in _headings(zones, cues):
        start = analysis.span_of([word])[1]
        name = skip_meeting(name_from(analysis, start, _reach(zones, 0), cues), cues)
        if not name or not names_body(name, cues.organisation_heads):
            continue
        # "Report of a mission to X": an indefinite article describes, it names no body.
        following = next((t for t in word.doc[word.i + 1 :] if not t.is_space), None)
        if following is not None and following.lower_ in {"a", "an"}:
            continue
        # "Briefing by Foreign Ministry Spokesperson NAME": a speaker, not a body.
        if word.lower_ == "by" and (persons(analysis, name) or _titled_person(name, cues)):
            continue
        return [
            found(analysis.original, *analysis.span_of(part), "heading", mentions, lexicon)
            for part in _split(name, cues)
        ]
    return []


def _titled_person(name: list[Token], cues: StructureCues) -> bool:
    """A title right before two capitalised words that are neither titles nor a body's
    ("Spokesperson Yelena Voronova"), though the parser finds no person there."""
    others = cues.titles | cues.organisation_heads
    for n, token in enumerate(name[:-2]):
        following = name[n + 1 : n + 3]
        if token.lower_ in cues.titles and all(
            t.pos_ == "PROPN" and t.is_title and t.lower_ not in others for t in following
        ):
            return True
    return False
