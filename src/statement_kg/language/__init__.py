"""Linguistic analysis of a text, shared by every extractor."""

from statement_kg.language.analysis import (
    BLANK_LINE,
    Analysis,
    analyse,
    lemma_as_verb,
    verb_lemma,
)

__all__ = ["BLANK_LINE", "Analysis", "analyse", "lemma_as_verb", "verb_lemma"]
