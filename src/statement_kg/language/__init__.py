"""Linguistic analysis of a text, shared by every extractor."""

from statement_kg.language.analysis import Analysis, analyse

__all__ = ["Analysis", "analyse"]
