"""An editor's note at the top of a relayed text, in brackets ("(Translated from Russian. The
material is based on a press release of the Embassy of X issued on 26 February 2024.)") or
not ("Originally published by X on ..."): it names the body whose text the site reworks,
and the day that text was issued. The site is then only the relay, and its own date the
relay's."""

from __future__ import annotations

import re

from spacy.tokens import Token

from statement_kg.extract.notes import PUBLISHED
from statement_kg.extract.voice_parse import path_to
from statement_kg.language import lemma_as_verb
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import Dates, single
from statement_kg.structure.names import found, names_body, trim
from statement_kg.structure.zones import Zones

# The note comes before the text or right after its first paragraph.
NOTE_PARAGRAPHS = 3
# A letter's address to the editor ends its head or opens its body.
OPENING_LINES = 2
# A note in brackets says something: a caption or a button ("[Search...]") says less.
NOTE_WORDS = 4
# A paragraph: a run of lines between blank lines, without the spaces around it.
BLOCK = re.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*")
BRACKETS = {"(": ")", "[": "]"}
# The words that tie the named text to the body that issued it: "a press release of X".
SOURCE_PREPOSITIONS = frozenset({"of", "by", "from"})
CLAUSES = frozenset({"acl", "relcl", "advcl"})
# The texts a page reprints, besides the kinds a document names itself by.
_TEXT_NOUNS = frozenset({"article", "text", "piece", "essay", "op-ed", "column"})
# "This interview first appeared in X on ...", "The article was originally published by
# X": the text the note speaks of, before the words that open a note.
_SUBJECT = re.compile(r"^(?:this|the)\s+(?P<noun>\w+)\s+(?:was\s+|is\s+)?")


def _opens_note(line: str, cues: StructureCues) -> bool:
    """A line that opens with a note's words, or with the text it speaks of before them
    ("This interview first appeared ...", not "The video first appeared ...")."""
    subject = _SUBJECT.match(line)
    if subject is not None and subject["noun"] in cues.document_nouns | _TEXT_NOUNS:
        line = line[subject.end() :]
    return line.startswith(cues.note_openings)


def editor_note(zones: Zones, cues: StructureCues) -> tuple[int, int] | None:
    """The first paragraph, in the head or among the body's opening ones, that is a note
    in brackets ("(Translated from Russian. The material is based on ...)", "(Reprinted
    from the bulletin of ...)") or opens as one ("Originally published by X on ...")."""
    text = zones.analysis.original
    after = 0
    for block in BLOCK.finditer(text):
        if block.start() >= zones.body_start:
            after += 1
            if after > NOTE_PARAGRAPHS:
                break
        words = block.group().rstrip()
        bracketed = words[0] in BRACKETS and words.endswith(BRACKETS[words[0]])
        if bracketed and len(words.split()) >= NOTE_WORDS:
            return block.start(), block.start() + len(words)
        # The note opens its paragraph, or, in the head, a line of it under a site's header
        # ("ArtsakhNet / Home › Obituaries / Reprinted with permission from ..."), and runs
        # to the paragraph's end.
        start = block.start()
        end = start + len(words)
        for line in words.split("\n") if start < zones.body_start else words.split("\n")[:1]:
            if _opens_note(line.lower(), cues):
                return start, end
            start += len(line) + 1
    return None


def reprinted(zones: Zones, cues: StructureCues) -> bool:
    """Whether an editor's note says the text is reprinted from elsewhere: the page's own
    letterhead is then the publication that reprints it."""
    note = editor_note(zones, cues)
    words = zones.analysis.original[note[0] : note[1]].lower() if note else ""
    return any(opening in words for opening in cues.note_openings)


def to_the_editor(zones: Zones, cues: StructureCues) -> bool:
    """Whether the text is a letter to a paper: "To the editor:" ends its head or opens its
    body, or the page's section says so ("LETTERS TO THE EDITOR")."""
    body = [line for line in zones.lines if line.start >= zones.body_start][:OPENING_LINES]
    opening = [*zones.head[-OPENING_LINES:], *body]
    return any(line.text.lower().rstrip(":,.") in cues.editor_addresses for line in opening)


def _source_nouns(zones: Zones, note: tuple[int, int], cues: StructureCues) -> list[Token]:
    return [
        t
        for t in zones.analysis.tokens(*note)
        if t.pos_ == "NOUN" and t.lemma_.lower() in cues.relay_objects
    ]


def _issuing_verbs(zones: Zones, note: tuple[int, int], cues: StructureCues) -> list[Token]:
    return [
        t
        for t in zones.analysis.tokens(*note)
        if t.pos_ == "VERB" and t.lemma_.lower() in cues.issued_verbs
    ]


def _agent_body(verb: Token, heads: frozenset[str]) -> list[Token]:
    """ "published by Caucasus Rights Watch on 25 February 2022": the body after "by"."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        words = trim(sorted(objects[0].subtree, key=lambda t: t.i)) if objects else []
        if words and names_body(words, heads):
            return words
    return []


def issuing_body(noun: Token, heads: frozenset[str]) -> list[Token]:
    """The body after "of"/"by" that issued the text the noun names, with a place the
    parser hung on the noun instead ("of the Embassy of X | in the Republic of Y")."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in SOURCE_PREPOSITIONS:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            continue
        words = sorted(
            (
                t
                for t in objects[0].subtree
                if not any(a.dep_ in CLAUSES for a in path_to(t, prep)[:-1])
            ),
            key=lambda t: t.i,
        )
        following = [
            c
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "in" and c.i == words[-1].i + 1
        ]
        if following:
            words = sorted([*words, *following[0].subtree], key=lambda t: t.i)
        words = trim(words)
        if words and names_body(words, heads):
            return words
    return []


def _reprinted_from(zones: Zones, note: tuple[int, int], cues: StructureCues) -> list[Token]:
    """ "Reprinted (with permission) from The Ararat Ledger (Watertown, Mass.), ...": the
    name after the reprint's "from", without what the parser hangs on it (its town, its
    day)."""
    for verb in zones.analysis.tokens(*note):
        if verb.is_punct or lemma_as_verb(verb) not in cues.reprint_verbs:
            continue
        for prep in verb.subtree:
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if prep.lower_ == "from" and objects:
                name = objects[0]
                return trim([t for t in name.lefts if t.dep_ != "punct"] + [name])
    return []


def source_issuer(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The body an editor's note says issued the text the site reworks."""
    cues = lexicon.structure
    note = editor_note(zones, cues)
    if note is None:
        return []
    heads = cues.organisation_heads
    named = [
        *(_agent_body(verb, heads) for verb in _issuing_verbs(zones, note, cues)),
        *(issuing_body(noun, heads) for noun in _source_nouns(zones, note, cues)),
        _reprinted_from(zones, note, cues),
    ]
    words = next((n for n in named if n), None)
    if words is None:
        return []
    span = zones.analysis.span_of(words)
    return [found(zones.analysis.original, *span, "source note", mentions, lexicon)]


def source_date(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """The day the note says the source was issued ("issued on 26 February 2024"), or the
    year a scanned book came out ("[Scanned excerpt: NAME, Title (Cambridge, 2011)]")."""
    note = editor_note(zones, cues)
    if note is None:
        return []
    text = zones.analysis.original
    published = [m.span("year") for m in PUBLISHED.finditer(text, *note)]
    found = []
    for time, span in dates:
        date = single(time)
        if date is None or not (note[0] <= span.start and span.end <= note[1]):
            continue
        tokens = zones.analysis.tokens(span.start, span.end)
        ancestors = [a for t in tokens for a in t.ancestors]
        heads = {a.lemma_.lower() for a in ancestors} | {lemma_as_verb(a) for a in ancestors}
        issuing = cues.issued_verbs | cues.relay_objects | cues.reprint_verbs
        if heads & issuing or (span.start, span.end) in published:
            found.append(Dated(date, span, "source", note))
    return found[:1]
