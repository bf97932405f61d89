"""Transforms: each takes a Document and returns a Document."""
