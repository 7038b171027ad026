"""Headings in a document's head: the letterhead that names an organisation ("MINISTRY OF
FOREIGN AFFAIRS OF THE REPUBLIC OF X", 'Public Union "..."'), the heading that announces
a document and its issuer ("Statement of the ...", "JOINT PRESS RELEASE of A and B",
"FINAL COMMUNIQUE OF THE 46th SESSION OF THE COUNCIL ..."), and a speech heading
("Statement by H.E. Mr. NAME, TITLE, at ...")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.bilingual import one_language
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.names import (
    NAME_WORDS,
    found,
    letterhead_heads,
    name_from,
    names_body,
    persons,
    says,
    skip_meeting,
    trim,
    without_logo,
)
from statement_kg.structure.zones import LINE, Line, Zones, in_margin, is_menu

# The letterhead is among the first lines of the head.
LETTERHEAD_LINES = 3
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
_QUOTED = re.compile(r"[\"“](?P<name>[^\"”\n]{3,})[\"”]")


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
    while words and words[-1] in {"the", "a", "an"}:
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
    tokens = zones.analysis.tokens(line.start, line.end)
    return (
        len([t for t in tokens if t.is_alpha]) >= 2
        and names_body(tokens, letterhead_heads(line.text, cues))
        and not announces(tokens, cues)
        and not says(tokens)
        and not any(t.like_num for t in tokens)
    )


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
    candidates = [
        line
        for line in zones.head
        if not any(a <= line.start < b for a, b in skip)
        and not _field(line, lexicon.claims.voice.field_labels)
        and not _field(line, lexicon.structure.caption_labels)
        and line.start not in fields
        and not in_margin(zones.analysis.original, line)
        and not lexicon.structure.mail_separator(line.text)
        and _first_word(line) not in lexicon.structure.greetings
    ]
    if candidates and _addressee(candidates[0], lexicon.structure):
        text = zones.analysis.original
        block_end = text.find("\n\n", candidates[0].start)
        block_end = len(text) if block_end < 0 else block_end
        candidates = [line for line in candidates if line.start > block_end]
    found = _organisation(zones, lexicon, mentions, candidates[:LETTERHEAD_LINES], "letterhead")
    found = [one_language(zones, lexicon, mentions, f) for f in found]
    if found or not fields:
        return found
    # A database's record of the document over it ("Court: ...   Date of judgment: ..."):
    # the document's own heading follows, in capitals ("DISTRICT COURT OF X").
    following = [line for line in zones.lines if line.start > max(fields)]
    headings = [line for line in following[:LETTERHEAD_LINES] if line.text.isupper()]
    return _organisation(zones, lexicon, mentions, headings[:1], "letterhead")


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
    # "Given at the Diocesan Centre, Beirut, on the 13th day of ...": where it was signed.
    lines = [
        line
        for line in zones.tail
        if not _field(line, cues.link_lists) and not _witnessing(zones, line, cues)
    ]
    return _organisation(zones, lexicon, mentions, lines, "signature")


def _witnessing(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """A line that opens with a formula of giving or sealing ("Given at ...")."""
    tokens = zones.analysis.tokens(line.start, line.end)
    return bool(tokens) and tokens[0].lemma_.lower() in cues.witness_words


# "Paid for by", "Sponsored by": the words before a body's name that say what it did.
BY_WORDS = 4


def _organisation(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], candidates: list[Line], kind: str
) -> list[Found]:
    cues = lexicon.structure
    text = zones.analysis.original
    for line in candidates:
        if (
            line.text[0].islower()
            or _first_word(line) in cues.addressing
            or _addressed(zones, line, cues)
            or is_menu(line, cues)
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
        end = _runs_on(zones, line, cues)
        name = without_logo(trim(zones.analysis.tokens(line.start, end)))
        # "Paid for by the X Association": the body after the participle's "by".
        by = next((n for n, t in enumerate(name[:BY_WORDS]) if t.lower_ == "by"), None)
        if by and all(t.pos_ in {"VERB", "ADP"} for t in name[:by]):
            name = trim(name[by + 1 :])
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


def _runs_on(zones: Zones, line: Line, cues: StructureCues) -> int:
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
