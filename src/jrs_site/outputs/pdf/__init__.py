"""The print export: edition -> print HTML -> PDF (the only place that imports WeasyPrint).

`html` builds the print HTML from the content views, `render` lays it out with WeasyPrint and
fixes the page boxes with pikepdf, `cache` skips editions whose sources did not change, and
`preflight` checks any PDF against the printer's rules.
"""

from jrs_site.outputs.pdf.preflight import Report, format_report, preflight
from jrs_site.outputs.pdf.render import Rendered, build_screen_pdfs, edition_pdf
from jrs_site.outputs.pdf.settings import PdfError, PdfOptions

__all__ = [
    "PdfError",
    "PdfOptions",
    "Rendered",
    "Report",
    "build_screen_pdfs",
    "edition_pdf",
    "format_report",
    "preflight",
]
