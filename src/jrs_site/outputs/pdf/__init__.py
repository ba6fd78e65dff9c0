"""The print export: edition -> print HTML -> PDF (the only place that imports WeasyPrint).

`html` builds the print HTML from the content views, `render` lays it out with WeasyPrint and
fixes the page boxes with pikepdf, `cache` skips editions whose sources did not change, and
`preflight` checks any PDF against the printer's rules.
"""
