"""Thin MkDocs adapter: turns the content model's items and views into MkDocs pages."""
