"""Mentions of listed entities: a generic word or an unqualified name is taken for an
entity only where the text is about it, so one side's entities are not read into the
other side's texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from statement_kg.extract.mentions import _matches, find_mentions
from statement_kg.extract.spans import SentenceIndex
from statement_kg.lexicon import Lexicon, literal_phrase
from statement_kg.records import Phrase

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _mentions(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    return [(m.entity, m.span.exact) for m in find_mentions(text, lexicon, SentenceIndex(text))]


def test_a_ministry_of_another_state_is_not_azerbaijans(lexicon: Lexicon) -> None:
    text = "Statement of the Ministry of Foreign Affairs of the Republic of Armenia."
    assert _mentions(text, lexicon) == [
        ("mfa-armenia", "Ministry of Foreign Affairs of the Republic of Armenia")
    ]
    # Unqualified, the name is Azerbaijan's only in a sentence about Azerbaijan.
    assert _mentions("The Ministry of Foreign Affairs said so.", lexicon) == []
    text = "The Ministry of Foreign Affairs and Prosecutor General's Office of Azerbaijan"
    assert _mentions(text, lexicon) == [
        ("mfa-azerbaijan", "Ministry of Foreign Affairs"),
        ("prosecutor-general-azerbaijan", "Prosecutor General's Office of Azerbaijan"),
    ]


def test_a_generic_word_names_the_event_only_in_a_text_about_it(lexicon: Lexicon) -> None:
    about = "Khojaly was surrounded. The assault began at night."
    other = "Maragha was surrounded. The assault began at night."
    assert ("khojaly-events-1992", "assault") in _mentions(about, lexicon)
    assert [m for m in _mentions(other, lexicon) if m[0] == "khojaly-events-1992"] == []


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        pytest.param(literal_phrase("aa"), "aaa aa xaa aa", id="overlapping-first-words"),
        pytest.param(literal_phrase("ab ab"), "ab ab ab AB abab ab", id="a-match-right-after-one"),
        pytest.param(literal_phrase("ſt"), "st ST ſt ſT", id="case-folded-letters"),
        pytest.param(literal_phrase("a.b"), "a.b axb A.B", id="an-escaped-character"),
        pytest.param(Phrase(r"(?<!\w)a|b(?!\w)"), "a b ab ba", id="not-a-phrase-pattern"),
    ],
)
def test_a_phrase_is_matched_as_finditer_would(phrase: Phrase, text: str) -> None:
    found = [m.span() for m in re.finditer(phrase.pattern, text, re.IGNORECASE)]
    assert [m.span() for m in _matches(phrase, text)] == found


def test_every_listed_phrase_is_matched_as_finditer_would(lexicon: Lexicon) -> None:
    """Tried only where its first word is, each phrase of mappings/ finds what a search at
    every character finds, in every text of the corpus."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    for entity in lexicon.entities.values():
        for phrase in entity.phrases:
            found = [m.span() for m in re.finditer(phrase.pattern, text, re.IGNORECASE)]
            assert [m.span() for m in _matches(phrase, text)] == found, phrase.pattern
