"""Write src/jrs_site/fonts/coverage.json after adding or changing a font file.

`python scripts/font_coverage.py`: what each woff2 file has a glyph for, read with fontTools,
for `jrs-site check` and the `@font-face` rules (tests/test_fonts.py says when it is stale).
"""

from __future__ import annotations

import json

from jrs_site.fonts import COVERAGE_FILE, coverage


def main() -> None:
    """Write the file and say where."""
    COVERAGE_FILE.write_text(json.dumps(coverage(), indent=1) + "\n", "utf-8")
    print(f"wrote {COVERAGE_FILE}")


if __name__ == "__main__":
    main()
