"""Bilingual NGO publishing system: content model, image pipeline, print export, site adapters."""
