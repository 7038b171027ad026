"""Evaluation of extraction against gold annotations (the format of gold-format.md)."""
