"""JSON Schemas for the YAML files a curator edits."""
