"""Every check of the content, in one call: what `jrs-site check` reports and every build runs.

Loading checks the sources, their links, consent and photos; when that finds no error, the
photos of the printed editions are checked at the size the newsletter prints them. Those are
warnings here, since they do not block the website (the print PDF treats them as errors).
"""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.model.problems import Problem, of_severity
from jrs_site.outputs.pdf.layout import website_print_problems


def check_site(
    root: Path, cache: Path | None = None, *, drafts: bool = False
) -> tuple[Site, list[Problem]]:
    """The site under `root` and every problem found in it (see `load_site`)."""
    site, problems = load_site(root, cache, drafts=drafts)
    if not of_severity(problems, "error"):
        # Once per loaded site: `jrs-site build` checks, then its build checks the same site.
        problems += site.once("print problems", lambda: website_print_problems(site))
    return site, problems
