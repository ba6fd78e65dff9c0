"""`jrs-site check`: every problem in the content at once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from jrs_site.cli.common import CACHE, print_problems, project_root
from jrs_site.load.checks import check_site
from jrs_site.model.problems import Problem, by_file, of_severity


def run_check(root: Path, fmt: str = "text", strict: bool = False) -> int:
    """Check all content; print every problem; return the exit code."""
    _, problems = check_site(root, root / CACHE)
    errors, warnings = of_severity(problems, "error"), of_severity(problems, "warning")
    if fmt == "json":
        shown = [_as_json(p, root) for items in by_file(problems).values() for p in items]
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        print_problems(problems, root)
        notes = len(problems) - len(errors) - len(warnings)
        summary = f"{len(errors)} error(s), {len(warnings)} warning(s), {notes} note(s)."
        click.echo(summary, err=True)
    return 1 if errors or (strict and warnings) else 0


def _as_json(problem: Problem, root: Path) -> dict[str, object]:
    file = problem.file.relative_to(root) if problem.file.is_relative_to(root) else problem.file
    return {
        "file": str(file),
        "line": problem.line,
        "field": problem.field,
        "severity": problem.severity,
        "message": problem.message,
        "hint": problem.hint,
    }


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(fmt: str, strict: bool) -> None:
    """List every problem in the content at once (exit 1 on errors)."""
    sys.exit(run_check(project_root(), fmt, strict))
