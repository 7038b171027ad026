"""An opinion piece or a commentary says who wrote it in a note of its own, near its head or
at its end: "NAME is the Ambassador of X to Canada.", "The author is NAME, ...". The author
issued the piece; the by-line in the head ("By NAME", or the name alone on its line) names
them first. A site that publishes the piece relays it, unless the note places the author at
the site's own body ("a Senior Fellow at the X Lab")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SentenceSpan

from statement_kg.language import BLANK_LINE, Analysis, analyse
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import NAME_WORDS, found, persons
from statement_kg.structure.zones import Zones

# A name of two words at least.
# The note is a paragraph among the first of the body or the last of the text.
NOTE_PARAGRAPHS = 2


def _paragraphs(zones: Zones) -> list[tuple[int, int]]:
    text = zones.analysis.original
    bounds = [zones.body_start, *(m.end() for m in BLANK_LINE.finditer(text, zones.body_start))]
    ends = [m.start() for m in BLANK_LINE.finditer(text, zones.body_start)] + [len(text)]
    found = [(a, b) for a, b in zip(bounds, ends, strict=False) if text[a:b].strip()]
    return list(dict.fromkeys([*found[:NOTE_PARAGRAPHS], *found[-NOTE_PARAGRAPHS:]]))


@dataclass(frozen=True)
class _Note:
    sentence: SentenceSpan
    # The author's name; "" where the note gives a title alone ("The author is the
    # Ambassador of X").
    name: str
    # Where the note names the author, when it says it is about the author ("The author,
    # NAME, is ..."): the note alone then names them, with no by-line.
    about_author: tuple[int, int] | None


def _noted(zones: Zones) -> list[_Note]:
    """Each sentence that says who the author is. Each paragraph is parsed on its own: the
    parser may run the head's lines into the note."""
    notes = []
    for start, end in _paragraphs(zones):
        analysis = analyse(zones.analysis.original[start:end])
        for sentence in analysis.doc.sents:
            note = _author_named(analysis, sentence, start)
            if note is not None:
                notes.append(note)
    return notes


def _author_named(analysis: Analysis, sentence: SentenceSpan, offset: int) -> _Note | None:
    """The note a sentence makes of the author ("NAME is the Ambassador of X", "The author,
    NAME, is ..."), or None; `offset` is where the parsed paragraph starts."""
    subjects = [c for t in sentence if t.lemma_ == "be" for c in t.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject, root = subjects[0], subjects[0].head
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "X is not responsible for reposted texts": no one said to be X
    runs = persons(analysis, sorted(subject.subtree, key=lambda t: t.i))
    # "The author, Leyla ABDULLAYEVA, is ...": the name in apposition, whatever the tagger
    # makes of it.
    named = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not runs and named and subject.lemma_.lower() == "author":
        runs = [sorted(named[0].subtree, key=lambda t: t.i)]
    if not runs and subject.lemma_.lower() == "author":
        complements = [c for c in root.children if c.dep_ == "attr"]
        runs = (
            persons(analysis, sorted(complements[0].subtree, key=lambda t: t.i))
            if complements
            else []
        )
    # A name the tagger took for a body's: two proper nouns or more, which the head's
    # by-line must then name too.
    names = [t for t in sorted(subject.subtree, key=lambda t: t.i) if t.pos_ == "PROPN"]
    placed = any(t.ent_type_ in {"GPE", "LOC", "NORP", "FAC"} for t in names)
    apart = len(names) >= NAME_WORDS.start and all(t.whitespace_ for t in names[:-1])
    if not runs and apart and not placed and all(t.is_title for t in names):
        runs = [names]
    about = subject.lemma_.lower() == "author"
    if runs:
        start, end = analysis.span_of(runs[0])
        name = " ".join(analysis.original[start:end].split())
        return _Note(sentence, name, (offset + start, offset + end) if about else None)
    return _Note(sentence, "", None) if about else None


def author_note(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The author a note names, anchored to the by-line in the head that names them."""
    text = zones.analysis.original
    byline = lexicon.structure.byline
    notes = _noted(zones)
    for name in (n.name for n in notes):
        for line in zones.head:
            words = line.text.split()
            # The name alone on its line, or after "By".
            alone = bool(name) and " ".join(words) == name
            by = bool(words) and words[0].lower() in byline
            # The by-line's name, of which the note may give only the surname.
            surname = not name or words[-1].casefold() == name.split()[-1].casefold()
            after_by = by and _named(words[1:]) and surname
            if alone or after_by:
                written = name if alone else " ".join(words[1:])
                start = line.start + line.text.find(written)
                return [found(text, start, start + len(written), "author", mentions, lexicon)]
    # No by-line: "The author, NAME, is the Ambassador of X ..." names the author itself.
    for note in notes:
        if note.about_author is not None:
            return [found(text, *note.about_author, "author", mentions, lexicon)]
    return []


def _named(words: list[str]) -> bool:
    """A by-line's name: a few capitalised words ("ELNUR SADIGOV", "Anna Petrosyan")."""
    return len(words) in NAME_WORDS and all(w[:1].isupper() for w in words)


def notes_place_at(zones: Zones, site: Found) -> bool:
    """Whether an author's note names the site's own body ("a Senior Fellow at the Black
    Sea – Caspian Policy Lab" on that lab's site)."""
    words = set(site.value.casefold().split())
    return any(words <= set(n.sentence.text.casefold().split()) for n in _noted(zones))
