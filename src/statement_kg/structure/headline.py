"""A relayed interview's headline: the person it names ("Baroness NAME: ...", "... : an
interview with NAME"), on the first line after the site's heading and date line."""

from __future__ import annotations

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, names_body, persons, trim
from statement_kg.structure.zones import Zones, is_menu

# A section line may stand between a site's header and its headline.
HEADLINE_LINES = 2


def headline_persons(
    zones: Zones, skip: list[tuple[int, int]], lexicon: Lexicon, mentions: list[Mention]
) -> list[Found]:
    """A relayed interview names the person interviewed in its headline, the first line
    after the site's heading and date line."""
    analysis = zones.analysis
    lines = [line for line in zones.head if not any(a <= line.start < b for a, b in skip)]
    # The headline, or the line above it that names the site's section ("Home > Interviews");
    # a site's menu is neither.
    for headline in lines[:HEADLINE_LINES]:
        if is_menu(headline, lexicon.structure):
            continue
        tokens = analysis.tokens(headline.start, headline.end)
        # An editor's note in brackets is no headline; a body's name in capitals is the
        # letterhead of the text the site carries.
        if headline.text.startswith("["):
            continue
        if headline.text.isupper() and names_body(tokens, lexicon.structure.organisation_heads):
            return []
        # A place the parser took for a person ("Residents of Aghdam recall ...") is none.
        places = lexicon.place_names
        named = [
            run
            for run in persons(analysis, tokens)
            if " ".join(t.text for t in run).casefold() not in places and not _nationality(run)
        ] or _interviewed(tokens, lexicon.structure)
        if named:
            run = named[-1]
            return [found(analysis.original, *analysis.span_of(run), "headline", mentions, lexicon)]
    return []


def _nationality(run: list[Token]) -> bool:
    """One word the parser took for a person, joined to a common noun ("Azerbaijani and
    Turkish foreign ministers hold ..."): a nationality, not a name."""
    return len(run) == 1 and any(c.pos_ == "NOUN" for c in run[0].conjuncts)


def _interviewed(tokens: list[Token], cues: StructureCues) -> list[list[Token]]:
    """ "an interview with Baroness NAME": the name after an interview noun's "with", where
    the parser finds no person in it."""
    for noun in tokens:
        if noun.lemma_.lower() not in cues.interview_nouns:
            continue
        for prep in (c for c in noun.children if c.lower_ == "with"):
            for name in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
                return [
                    trim(sorted((t for t in name.subtree if not t.is_space), key=lambda t: t.i))
                ]
    return []
