"""The layout's rules, read from the import graph (ARCHITECTURE.md draws it).

Each stage imports only the stages above it in that drawing; the core imports neither MkDocs
nor click; no module imports another that imports it back; `jrs-site check` loads no
WeasyPrint.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_project

PACKAGE = REPO / "src" / "jrs_site"
ADAPTERS = ("jrs_site.cli", "jrs_site.mkdocs_plugin", "jrs_site.__main__")
#: What each stage of the core may import of ours (itself included); the adapters may
#: import anything. `load` may use the print layout's geometry for its resolution check, and
#: what the fonts draw for its glyph check.
ALLOWED = {
    "jrs_site.model": {"jrs_site.model"},
    "jrs_site.util": {"jrs_site.util"},
    "jrs_site.fonts": {"jrs_site.fonts"},
    "jrs_site.images": {"jrs_site.images", "jrs_site.util"},
    "jrs_site.render": {"jrs_site.render", "jrs_site.model", "jrs_site.util"},
    "jrs_site.load": {
        "jrs_site.load",
        "jrs_site.model",
        "jrs_site.render",
        "jrs_site.images",
        "jrs_site.util",
        "jrs_site.fonts",
        "jrs_site.outputs.pdf.layout",
        "jrs_site.outputs.pdf.settings",
    },
    "jrs_site.outputs": {
        "jrs_site.outputs",
        "jrs_site.model",
        "jrs_site.load",
        "jrs_site.render",
        "jrs_site.images",
        "jrs_site.fonts",
        "jrs_site.util",
    },
    "jrs_site.scaffold": {"jrs_site.load", "jrs_site.model"},
}
ADAPTER_LIBRARIES = ("mkdocs", "click", "material", "mkdocs_static_i18n")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, top_level_only: bool = False) -> set[str]:
    """The modules `path` imports (`from a.b import c` counts as a.b and a.b.c)."""
    tree = ast.parse(path.read_text("utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def ours(names: set[str]) -> set[str]:
    """Of `names`, our own modules (a name imported from a package, not a module, dropped)."""
    return {name for name in names if name in MODULES}


def stage(module: str) -> str:
    return next(s for s in sorted(ALLOWED, key=len, reverse=True) if _within(module, s))


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def is_adapter(module: str) -> bool:
    return any(_within(module, adapter) for adapter in ADAPTERS)


def test_the_graph_was_read() -> None:
    """Guard: the rules below would pass on an empty graph."""
    assert len(MODULES) > 50
    assert "jrs_site.model.bundles" in ours(imports(MODULES["jrs_site.render.views"]))


@pytest.mark.parametrize("module", [m for m in MODULES if not is_adapter(m) and m != "jrs_site"])
def test_each_stage_imports_only_the_stages_below_it(module: str) -> None:
    allowed = ALLOWED[stage(module)]
    found = imports(MODULES[module])
    wrong = sorted(n for n in ours(found) if not any(_within(n, a) for a in allowed))
    assert wrong == [], f"{module} ({stage(module)}) must not import {wrong}"
    adapters = sorted(n for n in found if n.split(".")[0] in ADAPTER_LIBRARIES)
    assert adapters == [], f"the core module {module} imports {adapters}"


def test_no_import_cycles() -> None:
    """Among the imports a module runs when it is loaded (not those inside functions)."""
    graph = {m: ours(imports(p, top_level_only=True)) - {m} for m, p in MODULES.items()}
    # A module imports its packages' __init__ first: those edges are not choices.
    graph = {m: {n for n in deps if not _within(m, n)} for m, deps in graph.items()}
    cycles, done, path = [], set(), []

    def visit(node: str) -> None:
        if node in path:
            cycles.append([*path[path.index(node) :], node])
            return
        if node in done:
            return
        path.append(node)
        for dep in sorted(graph.get(node, ())):
            visit(dep)
        path.pop()
        done.add(node)

    for module in sorted(graph):
        visit(module)
    assert cycles == []


def test_check_loads_neither_mkdocs_nor_weasyprint(tmp_path: Path, test_cache: Path) -> None:
    """`jrs-site check` runs in a real process over the example; then we list what it loaded."""
    project = copy_project(tmp_path / "project", test_cache)
    script = (
        "import sys\n"
        "from jrs_site.cli import main\n"
        "try:\n"
        "    main(['check'])\n"
        "except SystemExit as exit:\n"
        "    loaded = sorted({m.split('.')[0] for m in sys.modules})\n"
        "    print(exit.code, ' '.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True
    )
    code, loaded = result.stdout.split(maxsplit=1)
    assert code == "0", result.stderr[-2000:]
    assert "PIL" in loaded.split()  # guard: the check did read the photos
    heavy = {"weasyprint", "pikepdf", "pypdfium2", "mkdocs", "material", "mkdocs_static_i18n"}
    assert heavy & set(loaded.split()) == set()
