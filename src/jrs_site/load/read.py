"""Reading: each data file and item folder, parsed and validated, its problems collected.

Nothing here looks past one file or folder (that is `link.py`); each item folder is read
again only when its digest changed (`Loading.remembered`, the memo `loader.py` keeps).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from jrs_site.load.errors import belongs_elsewhere, slug_hint, validate
from jrs_site.load.glyphs import glyph_problems
from jrs_site.load.sources import SourceError, dotted, read_markdown, read_yaml, value_line
from jrs_site.model import schemas
from jrs_site.model.bundles import Bundle, Edition, Report, Site, Story, Text
from jrs_site.model.languages import Languages, english_name
from jrs_site.model.problems import Problem, Problems
from jrs_site.render import limits
from jrs_site.render.markdown import convert, figure_problems, language_problems
from jrs_site.render.sanitise import locate, removals
from jrs_site.util.text import slugify

B = TypeVar("B", bound=Bundle)
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

UNREADABLE = object()  # what `_read_yaml` gives for a file whose problem is already recorded
#: What Markdown needs to make HTML the sanitiser removes: raw HTML or an autolink (`<`), an
#: entity (`&`), or a link target with a scheme other than https, http and mailto. Only bodies
#: that hold one are rendered by `body_problems` (rendering every body made `check` 6 times
#: slower on 500 testimonies).
MAY_HOLD_HTML_RE = re.compile(
    r"[<&]|(?:\]\(|^ {0,3}\[[^\]]+\]:)\s*(?!https?://|mailto:)[^\s)]*:", re.MULTILINE
)
TODO_LINE_RE = re.compile(r"^\W*TODO\b", re.MULTILINE)


#: Each step of loading a folder, as last done: (what it was done from, its result, its
#: problems, whether the folder is marked as a draft), by step and folder.
Memo = dict[tuple[str, Path], tuple[object, Any, list[Problem], bool]]


@dataclass
class Loading:
    """What the steps of loading one content root share: where, in which languages, how a
    photo is inspected, the digests of the sources, the memo of earlier loads in this process
    (`memo`, kept by `loader.py`), and what they found: the problems, the folders marked
    `draft: true` (even if otherwise invalid)."""

    root: Path
    languages: Languages
    inspect_photo: Callable[[Path], object]
    digests: Mapping[Path, str]  # of the sources (`source_digests`): folders read before
    memo: Memo
    problems: Problems = field(default_factory=Problems)
    drafts: set[Path] = field(default_factory=set)

    def add(self, path: Path, message: str, loc: tuple[str | int, ...], **kwargs: Any) -> None:
        """A problem with the value at `loc` in `path`, e.g. `("articles", 2)`: its field name
        and, when the YAML gives it, its line."""
        line = value_line(path, loc)
        self.problems.add(path, message, field=dotted(loc), line=line, **kwargs)

    def remembered(self, step: str, folder: Path, depends: object, compute: Callable[[], T]) -> T:
        """`compute()`, the `step` of loading `folder`; or what it gave, with the problems it
        found, when an earlier load in this process did the same for the same sources (the
        folder's digest, `depends`, the languages): `serve` loads on every save. What it
        gives is shared with the next loads: never changed once made."""
        digest = self.digests.get(folder)
        if digest is None:
            return compute()
        key = (digest, depends, self.languages)
        known = self.memo.get((step, folder))
        if known is None or known[0] != key:
            mark = len(self.problems.items)
            value = compute()
            known = (key, value, self.problems.items[mark:], folder in self.drafts)
            self.memo[(step, folder)] = known
        _, value, problems, draft = known
        self.problems.extend(problems)
        if draft:
            self.drafts.add(folder)
        return value


def read_items(loading: Loading) -> Site:
    """Every data file and item of the content root, each valid on its own; editions without
    their articles (`link.link` adds them)."""
    root = loading.root
    organisation = _load_model(loading, root / "data/organisation.yml", schemas.Organisation)
    authors = _load_authors(loading, root / "data/authors.yml")
    themes = _load_themes(loading, root / "data/themes.yml")
    stories = _load_bundles(loading, root / "stories", Story)
    reports = _load_bundles(loading, root / "reports", Report)
    editions = _load_bundles(loading, root / "editions", Edition)
    languages = loading.languages
    return Site(root, organisation, authors, themes, stories, editions, reports, languages)  # type: ignore[arg-type]


def _read_yaml(loading: Loading, path: Path) -> Any:
    """The parsed file, or UNREADABLE (its problem is recorded): not checked further."""
    try:
        data = read_yaml(path)
    except SourceError as exc:
        loading.problems.extend([exc.problem])
        return UNREADABLE
    loading.problems.extend(glyph_problems(path, data))
    return data


def _load_model(loading: Loading, path: Path, model: type[M]) -> M | None:
    data = _read_yaml(loading, path)
    if data is UNREADABLE:
        return None
    value, problems = validate(model, data, loading.languages, path)
    loading.problems.extend(problems)
    return value


def _load_authors(loading: Loading, path: Path) -> dict[str, schemas.Author]:
    data = _read_yaml(loading, path)
    if data is UNREADABLE:
        return {}
    if not isinstance(data, list):
        loading.problems.add(path, "expected a list of authors, each starting with '- id: ...'")
        return {}
    authors: dict[str, schemas.Author] = {}
    for index, entry in enumerate(data):
        author, problems = validate(schemas.Author, entry, loading.languages, path, at=(index,))
        loading.problems.extend(problems)
        if author is None:
            continue
        if author.id in authors:
            loading.add(path, f"the author id '{author.id}' is used twice", (index, "id"))
        authors[author.id] = author
    return authors


def _load_themes(loading: Loading, path: Path) -> dict[str, schemas.Localized]:
    data = _read_yaml(loading, path)
    themes: dict[str, schemas.Localized] = {}
    for key, labels in data.items() if isinstance(data, dict) else []:
        if not schemas.SLUG_RE.match(str(key)):
            loading.add(
                path,
                f"the theme id '{key}' cannot be used in a web address",
                (key,),
                hint=slug_hint(str(key)),
            )
        theme, problems = validate(schemas.Localized, labels, loading.languages, path, at=(key,))
        loading.problems.extend(problems)
        if theme is not None:
            themes[str(key)] = theme
    return themes


def _load_bundles(loading: Loading, folder: Path, cls: type[B]) -> dict[str, B]:
    bundles: dict[str, B] = {}
    if not folder.is_dir():
        return bundles
    folders = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    names = {p.name for p in folders}
    for path in folders:
        if not schemas.SLUG_RE.match(path.name):
            suggestion = slugify(path.name)
            taken = (
                f"; '{suggestion}' is already taken, so choose another"
                if suggestion in names
                else ""
            )
            loading.problems.add(
                path,
                f"the folder name '{path.name}' cannot be used in a web address",
                hint=slug_hint(path.name) + taken,
            )
            continue
        bundle = load_bundle(loading, path, cls)
        if bundle is not None:
            bundles[bundle.key] = bundle
    return bundles


def load_bundle(loading: Loading, folder: Path, cls: type[B]) -> B | None:
    """The item in `folder`, read again only when the folder changed (`Loading.remembered`)."""
    return loading.remembered("read", folder, cls, lambda: _read_bundle(loading, folder, cls))


def _read_bundle(loading: Loading, folder: Path, cls: type[B]) -> B | None:
    meta_path = folder / cls.meta_file()
    if not meta_path.exists():
        loading.problems.add(
            folder,
            f"this folder has no {cls.meta_file()}",
            hint=f"every {cls.kind} folder needs {cls.meta_file()}, nl.md and fr.md",
        )
        return None
    data = _read_yaml(loading, meta_path)
    if isinstance(data, dict) and data.get("draft") is True:
        loading.drafts.add(folder)
    meta, problems = (
        (None, [])
        if data is UNREADABLE
        else validate(cls.meta_model, data, loading.languages, meta_path)
    )
    texts_file = " and ".join(f"{lang}.md" for lang in loading.languages.codes)
    loading.problems.extend(
        belongs_elsewhere(problems, cls.text_model, f"{texts_file} (one text per language)")
    )
    texts = {}
    for lang in loading.languages.codes:
        text = _load_text(loading, folder / f"{lang}.md", lang, cls)
        if text is not None:
            texts[lang] = text
    codes = loading.languages.codes
    written = [lang for lang in codes if (folder / f"{lang}.md").exists()]
    if meta is not None and not written:
        loading.problems.add(folder, f"no {' or '.join(f'{c}.md' for c in codes)} in this folder")
    if meta is None or not texts:
        return None
    bundle = cls(folder.name, folder, meta, loading.languages, texts)
    if isinstance(bundle, Report):
        bundle.pdfs = _full_reports(loading, bundle)
    return bundle


#: How a PDF file starts (within its first 1,024 bytes) and ends (`%%EOF`, in its last ones).
PDF_START, PDF_END, PDF_SPAN = b"%PDF-", b"%%EOF", 1024


def _full_reports(loading: Loading, report: Report) -> dict[str, Path]:
    """The full report's PDF in each language that has one in the report's folder (`nl.pdf`,
    `fr.pdf`), each one a PDF; in the other languages, its address under `full_report`."""
    codes = loading.languages.codes
    names = " or ".join(f"{lang}.pdf" for lang in codes)
    pdfs: dict[str, Path] = {}
    for path in sorted(p for p in report.folder.iterdir() if p.suffix.lower() == ".pdf"):
        lang = path.name.removesuffix(".pdf")
        if lang not in codes:
            loading.problems.add(
                path,
                f"'{path.name}' is not published: a full report is named {names}",
                severity="warning",
                hint=f"rename it {names} (the language it is written in), or move it away",
            )
        elif not _is_pdf(path):
            loading.problems.add(
                path,
                f"'{path.name}' is not a PDF file (it is empty, cut short or of another kind)",
                hint="export the full report again as PDF from the program it was made in, "
                f"and save it as {path.name}",
            )
        else:
            pdfs[lang] = path
    full_report = report.meta.full_report
    external = set(full_report.model_extra or {}) if full_report else set()
    default = loading.languages.default
    for lang in codes:
        if pdfs and lang not in pdfs and lang not in external:
            add = f"add {lang}.pdf, or write its address in report.yml: "
            add += f"'full_report: {{{lang}: https://...}}'"
            if lang != default and default in pdfs:  # its pages link the default's, as its text
                loading.problems.add(
                    report.folder,
                    f"the full report is not translated into {english_name(lang)} yet: no "
                    f"{lang}.pdf in this folder, nor its address under full_report",
                    severity="warning",
                    hint=f"{add}; until then the {lang} pages link {default}.pdf",
                )
                continue
            loading.problems.add(
                report.folder,
                f"the full report is here in {', '.join(sorted(pdfs))} but not in {lang}: no "
                f"{lang}.pdf in this folder, nor its address under full_report",
                hint=add,
            )
        if lang in pdfs and lang in external:
            loading.add(
                report.folder / Report.meta_file(),
                f"full_report's {lang} address is not used: {lang}.pdf in the folder is "
                "published and linked instead",
                ("full_report", lang),
                severity="warning",
                hint=f"remove the {lang} line of full_report, or the file {lang}.pdf",
            )
    return pdfs


def _is_pdf(path: Path) -> bool:
    """Whether `path` starts and ends as a PDF file does (without reading it whole)."""
    with path.open("rb") as file:
        start = file.read(PDF_SPAN)
        file.seek(max(0, path.stat().st_size - PDF_SPAN))
        end = file.read()
    return PDF_START in start and PDF_END in end


def _load_text(loading: Loading, path: Path, lang: str, cls: type[Bundle]) -> Text | None:
    if not path.exists():
        return None
    try:
        source = read_markdown(path)
    except SourceError as exc:
        loading.problems.extend([exc.problem])
        return None
    fields, problems = validate(cls.text_model, source.meta, loading.languages, path, first_line=2)
    loading.problems.extend(belongs_elsewhere(problems, cls.meta_model, cls.meta_file()))
    loading.problems.extend(body_problems(path, source.body, source.body_line, lang))
    pages = limits.printed_pages(len(source.body))
    if pages > limits.MAX_TEXT_PAGES:
        loading.problems.add(
            path,
            f"this text is {len(source.body):,} characters long: in print, about {pages} "
            "pages (a long article fills two or three)",
            line=source.body_line,
            severity="warning",
            hint="look for text pasted twice or by mistake; shorten the text or split it "
            "into several articles",
        )
    loading.problems.extend(glyph_problems(path, source.meta, source.body, source.body_line))
    for match in TODO_LINE_RE.finditer(source.body):
        loading.problems.add(
            path,
            "the text still has a TODO",
            line=source.body_line + source.body[: match.start()].count("\n"),
            hint="write the text in place of the TODO line",
        )
    if fields is None:
        return None
    return Text(lang, path, fields, source.body, source.body_line)


# -- linking ---------------------------------------------------------------------------


def body_problems(path: Path, body: str, first_line: int, lang: str) -> list[Problem]:
    """Every key-figure line that cannot be read, nesting or emphasis past the limits (see
    render/limits.py), every language mark that cannot work, and everything the sanitiser
    would remove from the body (raw HTML, event handlers, `javascript:` links), each with its
    line."""
    problems = [
        Problem(path, f"key figures: {error.message}", line=first_line + line, hint=error.hint)
        for line, error in figure_problems(body, lang)
    ]
    nesting = limits.too_deep(body)
    if nesting is not None:
        problems.append(
            Problem(
                path,
                f"quotes or lists are nested {nesting.depth} levels deep, one inside the other "
                f"(at most {limits.MAX_NESTING})",
                line=first_line + nesting.line,
                hint="remove the extra '>' signs or list indentation: a quote in a quote is "
                "one '>' more, a list in a list two spaces more; text copied from an e-mail "
                "often carries a '>' for every reply",
            )
        )
    run = limits.long_run(body)
    if run is not None:
        problems.append(
            Problem(
                path,
                f"{run[1]:,} '*' or '_' signs in a row (at most {limits.MAX_RUN})",
                line=first_line + run[0],
                hint="for a separating line write '---' on a line of its own; a line to "
                "write on needs far fewer '_' (200 are wider than the page)",
            )
        )
    if nesting is not None or run is not None:
        return problems  # the text is not rendered below: that is what would fail
    may_hold_html = MAY_HOLD_HTML_RE.search(body)
    # Converted once for both checks below, and only when one of them needs it.
    html = convert(body, lang)[0] if may_hold_html or "{lang=" in body else ""
    problems += [
        Problem(path, message, line=first_line + line, severity=severity, hint=hint)
        for line, severity, message, hint in language_problems(body, lang, html)
    ]
    if may_hold_html:
        found = removals(html)
        lines = locate(body, [removal.needle for removal in found])
        problems += [
            Problem(
                path,
                removal.message,
                line=first_line + (line or 0),
                severity=removal.severity,
                hint=removal.hint,
            )
            for removal, line in zip(found, lines, strict=True)
        ]
    return problems
