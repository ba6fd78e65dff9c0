"""Try the image pipeline on some photos: `python scripts/images.py PHOTO... --out DIR`.

Writes the web variants (AVIF, WebP, JPEG at each width, with no metadata) into DIR and says,
in plain words, what was wrong with any photo that could not be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jrs_site.images import ImageSettings, build_all


def main(argv: list[str] | None = None) -> int:
    """Build the variants; exit status 1 if any photo could not be used."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("photos", nargs="+", type=Path, metavar="PHOTO")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all)")
    args = parser.parse_args(argv)
    images, errors = build_all(args.photos, ImageSettings(cache_dir=args.out), jobs=args.jobs)
    for src, image in images.items():
        widths = sorted({v.width for v in image.variants})
        print(f"{src}: {len(image.variants)} files, {', '.join(map(str, widths))} pixels wide")
    for error in errors:
        print(f"problem: {error}", file=sys.stderr)
    print(f"ready: {len(images)}, with problems: {len(errors)}; files in {args.out}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
