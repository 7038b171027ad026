"""Mentions of listed entities: a generic word or an unqualified name is taken for an
entity only where the text is about it, so one side's entities are not read into the
other side's texts."""

from __future__ import annotations

from statement_kg.extract.mentions import find_mentions
from statement_kg.extract.spans import SentenceIndex
from statement_kg.lexicon import Lexicon


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
