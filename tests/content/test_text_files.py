"""Text files are text (no control characters) and web addresses are typed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jrs_site.load.loader import load_site


def errors_in(root: Path, path: Path) -> list:
    return [p for p in load_site(root)[1] if p.file == path and p.severity == "error"]


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85"])
@pytest.mark.parametrize("name", ["stories/samira/nl.md", "stories/samira/story.yml"])
def test_a_control_character_is_an_error_with_its_line(content: Path, name: str, char: str) -> None:
    path = content / name
    lines = path.read_text("utf-8").split("\n")
    lines[2] = lines[2][:3] + char + lines[2][3:]
    path.write_text("\n".join(lines), "utf-8")
    found = errors_in(content, path)
    assert [(p.line, "control character" in p.message) for p in found] == [(3, True)]
    assert f"U+{ord(char):04X}" in found[0].message and found[0].hint


def test_tabs_and_windows_line_ends_are_still_text(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n") + b"\tingesprongen\r\n")
    assert errors_in(content, path) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        '" onmouseover="alert(1)',
        "ankerpunt.example/rapport.pdf",
        "ftp://ankerpunt.example/rapport.pdf",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_full_report_must_be_a_web_address(content: Path, url: str) -> None:
    path = content / "reports/detention-2024/report.yml"
    meta = yaml.safe_load(path.read_text("utf-8"))
    meta["full_report"]["fr"] = url
    path.write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    found = errors_in(content, path)
    assert [(p.field, p.message.endswith("is not a web address")) for p in found] == [
        ("full_report.fr", True)
    ]
    assert "https://" in found[0].hint
    assert found[0].line is not None


@pytest.mark.parametrize(("field", "written"), [("value", 7.412), ("previous", 6.938)])
def test_a_thousands_dot_in_report_figures_is_refused(
    content: Path, field: str, written: float
) -> None:
    path = content / "reports/detention-2024/report.yml"
    meta = yaml.safe_load(path.read_text("utf-8"))
    meta["figures"][0][field] = written
    path.write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    found = errors_in(content, path)
    assert [p.field for p in found] == [f"figures[0].{field}"]
    assert str(written).replace(".", "") in found[0].message
