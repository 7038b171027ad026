"""The link finder: proposes Wikidata items for the entities the curated table leaves
unlinked, scored and explained, for a curator to review (`statement-kg link`); it never
writes into the curated table itself, which only reviewed rows enter (`--accept`)."""
