"""Build steps say what they did: a live bar on a terminal, a summary line everywhere."""

from __future__ import annotations

import io
import re

import pytest

from jrs_site.util import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_step_prints_one_summary_line_when_not_on_a_terminal() -> None:
    out = io.StringIO()
    with progress.step("photos", 3, out) as step:
        for _ in range(3):
            step.advance()
    assert re.fullmatch(r"photos: 3 of 3 in \d+\.\d s\n", out.getvalue())


def test_a_step_draws_a_bar_on_a_terminal_then_leaves_its_summary() -> None:
    out = Terminal()
    with progress.step("screen PDFs", 2, out) as step:
        step.advance(2)
        step.summary = "2 rendered, 0 from the cache"
    text = out.getvalue()
    assert "screen PDFs" in text and "2/2" in text, "the live bar"
    assert re.search(r"\x1b\[2Kscreen PDFs: 2 rendered, 0 from the cache in \d+\.\d s\n$", text)


def test_a_failed_step_prints_no_summary() -> None:
    out = io.StringIO()
    with pytest.raises(RuntimeError), progress.step("search index", None, out):
        raise RuntimeError("pagefind failed")
    assert out.getvalue() == ""
