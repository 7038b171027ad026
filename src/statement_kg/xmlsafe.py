"""Every XML output (RDF/XML, SPARQL XML results) is well-formed XML 1.0, or not written.

Oxigraph's writers put a literal's characters into the XML as they are. Two kinds need care:

- a carriage return is a legal character, but every XML parser turns a raw CR (and CRLF)
  into LF, so a reader would get a shorter text and every span offset after the first line
  would be off: it is written as the character reference `&#xD;`, which parsers keep. The
  writers put no CR of their own into the markup, so every CR in their output is data.
- NUL, the other C0 controls except tab and line feed (VT, FF...), and U+FFFE and U+FFFF
  are not XML 1.0 characters at all, not even as references: no XML can carry them. Rather
  than write a document no parser accepts, or change the text (and its offsets) behind the
  reader's back, the output is refused with an error naming the character and where it is;
  Turtle, N-Triples, JSON-LD, TriG and the JSON, CSV and TSV results carry every character."""

from __future__ import annotations

import re
import unicodedata

# Characters outside XML 1.0's Char production (CR is one of them only as raw data: see above).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_OTHER_FORMATS = {
    "rdf": "ttl, nt, jsonld or trig",
    "results": "json, csv or tsv",
}


class XmlError(ValueError):
    """The answer holds a character that XML 1.0 cannot represent."""


def _name(char: str) -> str:
    names = {"\x00": "NUL", "\x0b": "VERTICAL TAB", "\x0c": "FORM FEED"}
    return names.get(char, unicodedata.name(char, "a control character"))


def well_formed(data: bytes, kind: str) -> bytes:
    """The XML `data` a writer produced, with every CR as `&#xD;`; raises XmlError if it
    holds a character no XML can carry. `kind` is "rdf" or "results", for the advice."""
    text = data.decode("utf-8")
    found = _NOT_XML.search(text)
    if found is not None:
        char = found.group()
        before = text[: found.start()]
        context = before[before.rfind(">") + 1 :][-40:]  # the literal's text up to it
        raise XmlError(
            f"cannot write XML: a literal holds U+{ord(char):04X} ({_name(char)}), which XML 1.0 "
            f"cannot represent (after {context!r}); use --format {_OTHER_FORMATS[kind]}, "
            "which keep every character"
        )
    return text.replace("\r", "&#xD;").encode("utf-8")
