"""The layout's rules, read from the import graph (ARCHITECTURE.md draws it).

Each stage imports only the stages above it in that drawing; the core imports neither MkDocs
nor click; no module imports another that imports it back; `jrs-site check` loads no
WeasyPrint. And the tests start a system program only through `tests.tools`, which skips the
test with the install line when the program is missing.
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


#: The core's module-level values that change while it runs: caches only, each said here.
CACHES = {
    ("jrs_site.images.decode", "_sizes"): "photo sizes by (path, size, mtime), bounded",
    ("jrs_site.load.loader", "_LAST"): "the last site loaded, by its root",
    ("jrs_site.load.loader", "_FOLDERS"): "each step of loading a folder, kept in .cache/load/",
    ("jrs_site.outputs.pdf.render", "_worker_site"): "the site a PDF worker got at its start",
    ("jrs_site.images.web", "_manifests"): "each photo's cached variants, by manifest, bounded",
    ("jrs_site.util.files", "_texts"): "each source text's hash, by path and stamp, bounded",
}
#: What changes a module-level value in place.
MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear"}
MUTATORS |= {"add", "discard", "remove"}


def module_state(path: Path) -> set[str]:
    """The module-level names of `path` that a function of it sets or changes in place."""
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in tree.body:
        targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    changed: set[str] = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Global):
                changed |= set(node.names)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in MUTATORS
                and isinstance(node.func.value, ast.Name)
            ):
                changed.add(node.func.value.id)
            for target in getattr(node, "targets", None) or [getattr(node, "target", None)]:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    changed.add(target.value.id)
    return changed & names


def test_the_core_keeps_no_module_level_state() -> None:
    """The core's functions take what they work on: nothing is set for later as a side
    effect (as the languages once were), besides the caches `CACHES` names."""
    found = {
        (module, name)
        for module, path in MODULES.items()
        if not is_adapter(module)
        for name in module_state(path)
    }
    assert found - set(CACHES) == set(), "module-level state; pass it, or document a cache"
    assert set(CACHES) - found == set(), "CACHES names what is no longer there"


def test_state_is_found(tmp_path: Path) -> None:
    """The rule above can fail: a module that sets a value for later is caught."""
    module = tmp_path / "current.py"
    module.write_text("_current = ['nl']\n\ndef configure(lang):\n    _current[0] = lang\n")
    assert module_state(module) == {"_current"}


#: Content classes: a table keyed by them, or by page templates, is a table of kinds.
CONTENT_CLASSES = {"Story", "Edition", "Report", "Article"}
REGISTRY = "jrs_site.render.kinds"


def kind_tables(path: Path) -> list[int]:
    """The lines of `path` where a dict maps content classes or page templates to anything."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Dict) or not node.keys:
            continue
        keys = [k for k in node.keys if k is not None]
        classes = [k for k in keys if isinstance(k, ast.Name) and k.id in CONTENT_CLASSES]
        kinds = [
            k
            for k in keys
            if isinstance(k, ast.Attribute)
            and isinstance(k.value, ast.Name)
            and k.value.id in CONTENT_CLASSES
        ]
        templates = [
            k
            for k in keys
            if isinstance(k, ast.Constant)
            and str(k.value).endswith(".html")
            and "/" not in str(k.value)
        ]
        if classes or kinds or len(templates) > 1:
            lines.append(node.lineno)
    return lines


def test_page_kinds_are_tabled_only_in_the_registry() -> None:
    """What a kind of page or content is lives in `render/kinds.py` alone."""
    found = {
        module: lines
        for module, path in MODULES.items()
        if module != REGISTRY and (lines := kind_tables(path))
    }
    assert found == {}, "a table of page or content kinds outside render/kinds.py"
    assert kind_tables(MODULES[REGISTRY]) == [], "the registry says each kind once, by value"


def test_a_kind_table_is_found(tmp_path: Path) -> None:
    module = tmp_path / "views.py"
    module.write_text("VIEWS = {Story.kind: story_view, Edition.kind: edition_view}\n")
    assert kind_tables(module) == [1]


TESTS = REPO / "tests"
#: The calls that start a process or find or launch a program: in tests/, only through
#: `tests.tools` (`run`, `start`, `chromium`), except a subprocess of the Python under test.
SUBPROCESS = {"run", "Popen", "call", "check_call", "check_output", "getoutput", "getstatusoutput"}
STARTS = {
    "os": {"system", "popen", "execv", "execvp", "execl", "execlp", "spawnv", "spawnl"},
    "shutil": {"which"},
    "asyncio": {"create_subprocess_exec", "create_subprocess_shell"},
}
LAUNCHES = {"launch", "launch_persistent_context"}  # Playwright's: of a browser program


def _runs_python(call: ast.Call) -> bool:
    """Whether the command of a subprocess call starts with `sys.executable`."""
    command = call.args[0] if call.args else next(k.value for k in call.keywords if k.arg == "args")
    while isinstance(command, ast.BinOp):  # [sys.executable, ...] + [...]
        command = command.left
    return (
        isinstance(command, ast.List | ast.Tuple)
        and bool(command.elts)
        and ast.unparse(command.elts[0]) == "sys.executable"
    )


def _programs_started(source: str) -> list[str]:
    """Where the Python `source` starts a program other than through `tests.tools`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in {"subprocess", *STARTS}:
            found.append(f"line {node.lineno}: from {node.module} import (use the module name)")
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner, name = ast.unparse(node.func.value), node.func.attr
        if (
            (owner == "subprocess" and name in SUBPROCESS and not _runs_python(node))
            or name in STARTS.get(owner, ())
            or name in LAUNCHES
            or any(k.arg == "executable_path" for k in node.keywords)
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node.func)}(...)")
    return found


def test_tests_start_system_programs_only_through_the_tool_check() -> None:
    """Without poppler-utils, exiftool or Chromium a test is skipped with the install line (it
    fails under CI=true): only if it calls the program through `tests.tools.run` or
    `tests.tools.chromium`, which check it first. A direct call would fail with 'No such file'
    on a new machine."""
    files = sorted(p for p in TESTS.rglob("*.py") if p != TESTS / "tools.py")
    direct = {
        str(p.relative_to(REPO)): started
        for p in files
        if (started := _programs_started(p.read_text("utf-8")))
    }
    assert direct == {}


def test_the_programs_check_sees_a_direct_call() -> None:
    """Guards the check above: it must catch what it is meant to catch."""
    calls = [
        'subprocess.run(["pdftotext", pdf, "-"], check=True)',
        "subprocess.Popen(command)",
        'shutil.which("exiftool")',
        "playwright.chromium.launch(args=ARGS)",
        "from subprocess import run",
    ]
    harmless = ["subprocess.run([sys.executable, '-m', 'jrs_site'] + ['build'])", "tools.run('x')"]
    assert [code for code in calls if not _programs_started(code)] == []
    assert [code for code in harmless if _programs_started(code)] == []


#: What the plugin may remember between hooks: what MkDocs hands one hook for a later one,
#: and the preview (`preview.py`), which holds all that `serve` keeps between saves.
PLUGIN_STATE = {"prepared", "publisher", "bodies", "paths", "languages_built", "pages_step"}
PLUGIN_STATE |= {"nav", "compiled", "files", "preview", "languages", "config"}


def test_the_plugin_is_hooks_only() -> None:
    """plugin.py stays short and keeps no preview state of its own: a new attribute is a
    decision, made here."""
    path = MODULES["jrs_site.mkdocs_plugin.plugin"]
    assert len(path.read_text("utf-8").splitlines()) < 300
    attributes = {
        node.attr
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }
    assert attributes <= PLUGIN_STATE, f"new plugin state: {attributes - PLUGIN_STATE}"
