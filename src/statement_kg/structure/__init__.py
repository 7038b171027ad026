"""Document structure: the zones of a text (head lines, body, tail lines) and what the genre
puts in each (headings, relay lines and sentences, letter heads, enacting clauses, date
lines, signature blocks). `statement_kg.structure.document.read_structure` reads them all."""
