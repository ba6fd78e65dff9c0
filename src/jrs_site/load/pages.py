"""The pages of `docs/<lang>/` (the site's own pages beside the items): each in every
language, at an address of its own, with nothing the sanitiser removes."""

from __future__ import annotations

import itertools
from functools import partial
from pathlib import Path

from jrs_site.load.read import Loading, body_problems
from jrs_site.load.sources import SourceError, read_markdown, read_text
from jrs_site.model.bundles import Site, localized_url
from jrs_site.model.languages import english_name
from jrs_site.model.problems import Problem
from jrs_site.render.kinds import published_items


def check_pages(loading: Loading, docs: Path, site: Site) -> None:
    """Every page in `docs/<lang>/` exists in every language, under the same name, has an
    address of its own (not that of another page or of a published item), and holds
    nothing the sanitiser removes."""
    pages = {
        lang: {p.relative_to(docs / lang) for p in (docs / lang).rglob("*.md")}
        for lang in loading.languages.codes
    }
    items = published_items(site)
    for lang in loading.languages.codes:
        # Read again only when a page of the folder changed: `serve` loads on every save.
        check = partial(_texts, docs / lang, pages[lang], lang)
        loading.problems.extend(loading.remembered("check", docs / lang, None, check))
        taken = {item.path: item.folder for item in items}
        for page in sorted(pages[lang]):
            source, address = docs / lang / page, page_address(page)
            other = taken.setdefault(address, source)
            if other != source:
                loading.problems.add(
                    source,
                    f"this page and {other.relative_to(loading.root)} would both be "
                    f"written to the address /{localized_url(address, lang, loading.languages)}",
                    hint="rename or move this page: one would overwrite the other",
                )
    for lang, written in itertools.permutations(loading.languages.codes, 2):
        for page in sorted(pages[written] - pages[lang]):
            missing = (docs / lang / page).relative_to(loading.root)
            loading.problems.add(
                docs / written / page,
                f"not translated into {english_name(lang)} yet: {missing} is missing",
                severity="warning",
                hint=f"write {missing}, with the same file name, in {english_name(lang)}",
            )


def _texts(folder: Path, pages: set[Path], lang: str) -> list[Problem]:
    """What the sanitiser would remove from the pages of `folder`, and what cannot be read."""
    problems = []
    for page in sorted(pages):
        source = folder / page
        try:
            problems += body_problems(source, *page_body(source), lang)
        except SourceError as exc:
            problems.append(exc.problem)
    return problems


def page_body(path: Path) -> tuple[str, int]:
    """A page of `docs/`: its body and the line it starts on (front matter is optional)."""
    text = read_text(path)
    if not text.startswith("---\n"):
        return text, 1
    source = read_markdown(path)
    return source.body, source.body_line


def page_address(page: Path) -> str:
    """The address of a page of `docs/<lang>/`, as for items: `about.md` and `about/index.md`
    -> `about/`; `index.md` -> ``."""
    stem = page.with_suffix("")
    if stem.name in ("index", "README"):
        stem = stem.parent
    return "" if stem == Path(".") else f"{stem.as_posix()}/"
