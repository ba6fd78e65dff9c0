"""The builds of `jrs-site serve`, driven by a test instead of a file watcher.

    python -m tests.site.serve_builds PROJECT SITE_DIR COMMANDS_FILE

Builds PROJECT into SITE_DIR as `jrs-site serve` does (one process, one plugin kept from one
build to the next, the site folder kept) each time a line appears in COMMANDS_FILE (the test
edits the sources between two lines), and appends "built N" to COMMANDS_FILE.done after each.
On a line "build" it waits for the screen PDFs made after the pages and builds again, as the
next save would: the PDFs' state is then the one a fresh build of the same sources shows
(when their cache has them). A line "once" builds once; "stop" ends it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

URL = "http://127.0.0.1:8000/"


def serve_build(project: Path, site_dir: Path, builds: int) -> None:
    """One build as `serve` makes it on a save, and (with `builds` 2) the one after its late
    PDFs."""
    for _ in range(builds):
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = URL
        build(config, serve_url=URL, dirty=True)
        plugin = config.plugins["jrs"]
        if plugin.preview.rendering is not None:
            plugin.preview.rendering.shutdown(wait=True)
        if plugin.preview.indexing is not None:  # the search bundle is not compared
            plugin.preview.indexing.stop()


def main() -> None:
    project, site_dir, commands = (Path(arg) for arg in sys.argv[1:4])
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=True)
    done = commands.with_suffix(".done")
    seen = 0
    while True:
        lines = commands.read_text().splitlines() if commands.exists() else []
        if len(lines) > seen:
            seen += 1
            if lines[seen - 1] == "stop":
                return
            serve_build(project, site_dir, 2 if lines[seen - 1] == "build" else 1)
            with done.open("a") as f:
                f.write(f"built {seen}\n")
        else:
            time.sleep(0.05)


if __name__ == "__main__":
    main()
