"""An opinion piece or a commentary says who wrote it in a note of its own, near its head or
at its end: "NAME is the Ambassador of X to Canada.", "The author is NAME, ...". The author
issued the piece; the by-line in the head ("By NAME", or the name alone on its line) names
them first. A site that publishes the piece relays it, unless the note places the author at
the site's own body ("a Senior Fellow at the X Lab")."""

from __future__ import annotations

from spacy.tokens import Span as SentenceSpan

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, persons
from statement_kg.structure.zones import Zones

# A name of two words at least.
NAME_WORDS = 2
# The note stands among the first sentences of the body or the last ones of the text.
NOTE_SENTENCES = 3


def _noted(zones: Zones) -> list[tuple[SentenceSpan, str]]:
    """(note, author's name) for each sentence that says who the author is."""
    analysis = zones.analysis
    sentences = [s for s in analysis.doc.sents if analysis.span_of(list(s))[1] > zones.body_start]
    notes = []
    for sentence in [*sentences[:NOTE_SENTENCES], *sentences[-NOTE_SENTENCES:]]:
        # The parser may run a posting line into the note: any "is" of the sentence.
        subjects = [
            c for t in sentence if t.lemma_ == "be" for c in t.children if c.dep_ == "nsubj"
        ]
        if not subjects:
            continue
        subject, root = subjects[0], subjects[0].head
        runs = persons(analysis, sorted(subject.subtree, key=lambda t: t.i))
        if not runs and subject.lemma_.lower() == "author":
            complements = [c for c in root.children if c.dep_ == "attr"]
            runs = (
                persons(analysis, sorted(complements[0].subtree, key=lambda t: t.i))
                if (complements)
                else []
            )
        # A name the tagger took for a body's: two proper nouns or more, which the head's
        # by-line must then name too.
        names = [t for t in sorted(subject.subtree, key=lambda t: t.i) if t.pos_ == "PROPN"]
        placed = any(t.ent_type_ in {"GPE", "LOC", "NORP", "FAC"} for t in names)
        apart = len(names) >= NAME_WORDS and all(t.whitespace_ for t in names[:-1])
        if not runs and apart and not placed and all(t.is_title for t in names):
            runs = [names]
        if runs:
            start, end = analysis.span_of(runs[0])
            notes.append((sentence, " ".join(analysis.original[start:end].split())))
    return notes


def author_note(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The author a note names, anchored to the by-line in the head that names them."""
    text = zones.analysis.original
    byline = lexicon.structure.byline
    for _, name in _noted(zones):
        for line in zones.head:
            words = line.text.split()
            # The name alone on its line, or after "By".
            alone = " ".join(words) == name
            after_by = bool(words) and words[0].lower() in byline and " ".join(words[1:]) == name
            if alone or after_by:
                start = line.start + line.text.find(name)
                return [found(text, start, start + len(name), "author", mentions, lexicon)]
    return []


def notes_place_at(zones: Zones, site: Found) -> bool:
    """Whether an author's note names the site's own body ("a Senior Fellow at the Black
    Sea – Caspian Policy Lab" on that lab's site)."""
    words = set(site.value.casefold().split())
    return any(words <= set(note.text.casefold().split()) for note, _ in _noted(zones))
