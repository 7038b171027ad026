"""Web addresses in a text, repaired where a line break split them ("https://documents-dds-
\\nny.un.org/..."), with the label the text gives them ("Short film on ...: https://...")."""

from __future__ import annotations

import re

from statement_kg.extract.spans import make_span
from statement_kg.records import Link

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»“”]+", re.IGNORECASE)
# A line that ends inside an address: it ends with one of these and the next line goes on.
_CONTINUES = re.compile(r"[-/_.?=&]$")
_NEXT_LINE = re.compile(r"\n([^\s<>\"«»“”]+)")
_TRAILING = ".,;:)]"
_LABEL = re.compile(r"([^:«»*•]{3,300}?)\s*:\s*$")


def find_links(text: str) -> list[Link]:
    links = []
    for match in _URL.finditer(text):
        start, end = match.span()
        url = match.group()
        while _CONTINUES.search(url):
            more = _NEXT_LINE.match(text, end)
            if not more:
                break
            url += more.group(1)
            end = more.end()
        while url and url[-1] in _TRAILING:
            url, end = url[:-1], end - 1
        if url.lower().startswith("www."):
            url = "http://" + url
        label_match = _LABEL.search(text, max(0, start - 300), start)
        label = " ".join(label_match.group(1).split()) if label_match else None
        label_span = make_span(text, *label_match.span(1)) if label_match else None
        links.append(Link(url, make_span(text, start, end), label, label_span))
    return links
