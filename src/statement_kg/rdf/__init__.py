"""Records to RDF: the namespaces, the IRIs, and the triples of statements and references."""
