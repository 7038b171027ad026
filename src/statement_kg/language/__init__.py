"""Linguistic analysis of a text, shared by every extractor."""

from statement_kg.language.analysis import BLANK_LINE, Analysis, analyse

__all__ = ["BLANK_LINE", "Analysis", "analyse"]
