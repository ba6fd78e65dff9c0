"""Both cores for the pages: a build renders its generated pages in several processes.

How. Each process is one MkDocs build of the same mkdocs.yml through MkDocs' public API
(`load_config`, `build`), and builds every language as mkdocs-static-i18n does (its nested
builds: no process drives its state). The first process, the one `jrs-site build` starts,
prepares the site (checks, photos, screen PDFs, all into the cache) and then starts the others
(`python -m jrs_site.mkdocs_plugin.share`), which find all that in the cache. Every process
deals the generated pages (testimonies, editions, reports, index pages and listings) out in
the same order, and writes every `count`th one from its `number`; each renders every page of
docs/ (their titles are in every page's navigation), but only the first writes them. The
others build into a folder of their own and list what they wrote there (their pages and
social cards); the first writes everything else (theme files, photos, PDFs, feeds, sitemap,
404 pages), waits for them, moves their files into its folder, and then indexes the whole
site for search.

Why it is safe. The processes read the same sources and configuration and share no folder:
each writes its own until the first moves the others' files in, once they have ended. What a
page shows does not depend on the process that made it (`tests/site/test_build.py` builds
the example both ways and compares every file). A process that fails fails the build, with
its output. `serve` renders in one process: a save changes few pages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jrs_site.mkdocs_plugin.pages import IndexPage, ItemPage, generated_file, page_dest
from jrs_site.mkdocs_plugin.preview import UNCHANGED, NoPreview, add_unchanged
from jrs_site.model.bundles import Site
from jrs_site.outputs.web.prepare import Prepared
from jrs_site.outputs.web.publish import Publisher
from jrs_site.render.kinds import published_items

#: Below this many generated pages in all languages, one process: starting another costs
#: more (it loads the site and MkDocs again) than it saves.
MIN_PAGES = 400
#: What another process lists of what it wrote, in its folder.
MANIFEST = ".jrs-share.json"


def processes(wanted: int) -> int:
    """How many processes render the pages: `wanted`, or with 0 one per core, up to 4."""
    return wanted or min(4, len(os.sched_getaffinity(0)))


class Share(NoPreview):
    """A build, or the share `number` (of `count`) of its generated pages that this process
    writes."""

    def __init__(self, wanted: int, number: int = 0, count: int = 1) -> None:
        super().__init__()
        self.wanted, self.number, self.count = wanted, number, count
        self.dealt = 0  # generated pages of this language dealt out so far
        self.others: set[str] = set()  # pages of docs/ rendered here, written by the first
        self.written: list[str] = []  # the pages this process writes, site-relative
        self.started: list[tuple[int, subprocess.Popen[bytes], Path]] = []

    @property
    def first(self) -> bool:
        """Whether this is the process that writes all but the other shares' pages."""
        return self.number == 0

    def start(self, config: MkDocsConfig, prepared: Prepared | None, options: Any) -> None:
        """The first process starts the others once the site is prepared (and its photos
        and PDFs are in the cache), if there are pages enough to share."""
        if not self.first or prepared is None:
            return
        pages = len(published_items(prepared.site)) * len(prepared.site.languages.codes)
        self.count = processes(self.wanted) if pages >= MIN_PAGES or self.wanted else 1
        cache = Path(config.config_file_path).parent / options["cache_dir"] / "pages"
        shutil.rmtree(cache, ignore_errors=True)
        for number in range(1, self.count):
            folder = cache / str(number)
            folder.mkdir(parents=True)
            command = [sys.executable, "-m", __name__, config.config_file_path, str(folder)]
            with (folder.parent / f"{number}.log").open("wb") as log:
                process = subprocess.Popen(
                    [*command, str(number), str(self.count)], stdout=log, stderr=log
                )
            self.started.append((number, process, folder))

    def add_templates(self, env: Environment) -> None:
        if not self.first:
            add_unchanged(env)

    def start_language(self) -> None:
        super().start_language()
        self.dealt, self.others = 0, set()

    def page_file(
        self,
        files: Files,
        config: MkDocsConfig,
        url: str,
        front: dict[str, Any],
        shows: list[Any],
        publisher: Publisher,
    ) -> File | None:
        """Every `count`th generated page, from this share's `number`, added to `files`."""
        mine = self.dealt % self.count == self.number
        self.dealt += 1
        if not mine:
            publisher.claim(page_dest(config, url), url)
            self.kept.append(url)
            return None
        file = generated_file(files, config, url, front)
        self.written.append(file.dest_uri)
        return file

    def skip(self, page: Page, site: Site, config: MkDocsConfig, publisher: Publisher) -> bool:
        """A page of docs/ is rendered in every process (the navigation shows its title) and
        written by the first: the others render the empty template, which MkDocs does not
        write."""
        if not self.first and not isinstance(page, ItemPage | IndexPage):
            page.meta["template"] = UNCHANGED
            self.others.add(page.file.dest_uri)
        return False

    def skips(self, page: Page) -> bool:
        return page.file.dest_uri in self.others

    def summary(self, done: int) -> str:
        others = f", {len(self.kept)} by {self.count - 1} other process(es)" if self.kept else ""
        return f"{done - len(self.others)} written{others}, social cards included"

    def finish(
        self, config: MkDocsConfig, prepared: Prepared | None, publisher: Publisher, cache: Path
    ) -> None:
        """Every language's pages are written. Another process lists what it wrote (its
        pages and what `publisher` put: their social cards); the first waits for the others,
        moves what they listed into its folder, and then indexes the whole site."""
        site_dir = Path(config.site_dir)
        if not self.first:  # the publisher also claimed the pages it did not write
            put = [path for path in publisher.written if (site_dir / path).is_file()]
            listed = sorted({*self.written, *put})
            (site_dir / MANIFEST).write_text(json.dumps(listed), "utf-8")
            return
        self._join(site_dir)
        super().finish(config, prepared, publisher, cache)

    def _join(self, site_dir: Path) -> None:
        """Wait for the other processes and move what each listed into `site_dir`."""
        failed = []
        for number, process, folder in self.started:
            log = folder.parent / f"{number}.log"
            if process.wait() != 0:
                failed.append(f"pages {number + 1}/{self.count}:\n{log.read_text('utf-8')}")
                continue
            for path in json.loads((folder / MANIFEST).read_text("utf-8")):
                target = site_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(folder / path, target)
        self.started = []
        if failed:
            raise PluginError("the pages built in another process failed: " + "\n".join(failed))

    def forget(self) -> None:
        """The build failed: the other processes stop."""
        for _, process, _ in self.started:
            process.kill()
            process.wait()
        self.started = []


def main(config_file: str, site_dir: str, number: str, count: str) -> None:
    """Build the share `number` of `count` of the pages of the site of `config_file` into
    `site_dir`, as the first process asks."""
    from mkdocs.commands.build import build  # noqa: PLC0415 - this process only
    from mkdocs.config import load_config  # noqa: PLC0415

    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins["jrs"]
    plugin.preview = Share(0, int(number), int(count))  # type: ignore[attr-defined]
    build(config)


if __name__ == "__main__":
    main(*sys.argv[1:])
