"""The shapes of real reports and testimonies in print: footnotes, long addresses, photos of
either orientation, right-to-left text. Each test prints the small fixture edition with an
editorial of its own."""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site
from jrs_site.outputs.pdf.preflight import preflight
from jrs_site.outputs.pdf.render import Rendered, edition_pdf
from tests.conftest import write_md
from tests.pdf.conftest import options
from tests.pdf.helpers import text

NOTES = {
    "nl": "Het aantal steeg[^1] en daalde daarna[^2].\n\n"
    "[^1]: Bron: jaarverslag 2024, p. 12.\n[^2]: Dienst Vreemdelingenzaken.\n",
    "fr": "Le nombre a augmenté[^1] puis baissé[^2].\n\n"
    "[^1]: Source : rapport annuel 2024, p. 12.\n[^2]: Office des étrangers.\n",
}


def _edition(content: Path, tmp_path: Path, bodies: dict[str, str], lang: str) -> Rendered:
    """The fixture edition in print, its editorial's body replaced by `bodies[lang]`."""
    for code, body in bodies.items():
        front = {"kicker": "Editoriaal", "title": f"Editoriaal {code}", "lead": "Lead."}
        write_md(content / f"editions/118/editorial/{code}.md", front, body)
    site, _ = load_site(content)
    return edition_pdf(site, site.editions["118"], lang, options("print"), tmp_path / "cache")


def test_an_edition_with_footnotes_passes_preflight(content: Path, tmp_path: Path) -> None:
    for lang in ("nl", "fr"):
        rendered = _edition(content, tmp_path, NOTES, lang)
        report = preflight(rendered.path, rendered.source)
        assert [c for c in report.checks if c.status == "fail"] == []
        printed = text(rendered.path)
        assert "↩" not in printed
        assert "Dienst Vreemdelingenzaken." in printed or "Office des étrangers." in printed
