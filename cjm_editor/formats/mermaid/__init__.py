"""Mermaid `journey` diagrams: a parser that follows Mermaid's own grammar, and the mapping to maps."""
