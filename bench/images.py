"""Benchmark the image pipeline against pyvips on synthetic 12-megapixel phone-like photos.

    python bench/images.py [--n 20] [--jobs N] [--rounds 2] [--cached 1000]

Makes N different 4000x3000 JPEGs (gradients, shapes and sensor-like noise), builds the full
web set (5 widths x AVIF, WebP, JPEG) with `build_all` on all cores, then the same set with
pyvips the idiomatic way (`thumbnail` with shrink-on-load per width, three saves), both in a
process pool and in one multithreaded process, and reports images per second against the faster
pyvips run. Rounds alternate between the two and the best time of each counts (the machine may
be shared).

Matching settings: same widths, JPEG quality and optimised Huffman tables, WebP quality and
method (= libvips effort), AVIF speed (= 9 - libvips effort) and 4:2:0, metadata stripped.
AVIF quality scales differ (libvips' Q gives lower quality than libavif's for the same number),
so the libvips Q is calibrated to the PSNR of ours on the first photo and printed.

Then it times a re-run with nothing changed, for the N photos and for `--cached` photos simulated
with tiny sources: a no-change re-run only stats files and reads manifests, so pixel size does
not matter; each simulated photo still has 5 widths x 3 formats = 15 cached files.
"""

from __future__ import annotations

import argparse
import io
import math
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageStat, features

from jrs_site.images import ImageSettings, build_all
from jrs_site.images.encode import ENCODER_OPTIONS
from jrs_site.images.web import build_web_image, ladder

SIZE = (4000, 3000)
FORMATS = ("avif", "webp", "jpg")


def synthetic_photo(path: Path, seed: int) -> Path:
    """A 4000x3000 JPEG that compresses like a phone photo: smooth areas, edges and noise."""
    w, h = SIZE
    bands = [Image.linear_gradient("L").rotate(seed * 37 + i * 120).resize(SIZE) for i in range(3)]
    x0 = -2.2 + (seed % 5) * 0.1
    fractal = Image.effect_mandelbrot(SIZE, (x0, -1.2, x0 + 3.2, 1.2), 40 + seed)
    im = Image.blend(Image.merge("RGB", bands), fractal.convert("RGB"), 0.35)
    draw = ImageDraw.Draw(im)
    for i in range(12):
        x, y = (seed * 911 + i * 347) % w, (seed * 577 + i * 631) % h
        box = (x, y, x + 300 + 40 * i, y + 200 + 30 * i)
        draw.ellipse(box, fill=(40 * i % 256, 90, 200 - 10 * i))
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    Image.blend(im, noise, 0.18).save(path, quality=92)
    return path


def vips_web_set(src: Path, out: Path, settings: ImageSettings, avif_q: int) -> None:
    """The same web set as ours, with pyvips: thumbnail (shrink-on-load) per width, 3 saves."""
    import pyvips  # noqa: PLC0415 - the bench extra only

    for w in ladder(pyvips.Image.new_from_file(str(src)).width, settings.widths):
        im = pyvips.Image.thumbnail(str(src), w, height=100_000, size="down").copy_memory()
        stem = out / f"{src.stem}-{w}"
        _vips_avif(im, f"{stem}.avif", avif_q)
        webp_effort = ENCODER_OPTIONS["webp"]["method"]
        im.webpsave(f"{stem}.webp", Q=settings.quality["webp"], effort=webp_effort, strip=True)
        im.jpegsave(f"{stem}.jpg", Q=settings.quality["jpeg"], optimize_coding=True, strip=True)


def _vips_avif(im: object, path: str | None, q: int) -> bytes | None:
    effort = 9 - ENCODER_OPTIONS["avif"]["speed"]
    options = {
        "Q": q,
        "compression": "av1",
        "effort": effort,
        "subsample_mode": "on",
        "strip": True,
    }
    if path is None:
        return im.heifsave_buffer(**options)
    im.heifsave(path, **options)
    return None


def calibrate_vips_avif_q(sample: Path, quality: int) -> tuple[int, str]:
    """The libvips AVIF Q whose output has the PSNR closest to ours at `quality`, at 1600 px."""
    import pyvips  # noqa: PLC0415 - the bench extra only

    im = Image.open(sample).convert("RGB").resize((1600, 1200), Image.Resampling.LANCZOS)
    ours = io.BytesIO()
    im.save(ours, "AVIF", quality=quality, **ENCODER_OPTIONS["avif"])
    png = io.BytesIO()
    im.save(png, "PNG")
    vim = pyvips.Image.new_from_buffer(png.getvalue(), "")
    target = psnr(im, ours.getvalue())
    scores = {q: psnr(im, _vips_avif(vim, None, q)) for q in range(quality - 10, 101, 5)}
    best = min(scores, key=lambda q: abs(scores[q] - target))
    note = f"ours q{quality}: {target:.2f} dB; libvips Q{best}: {scores[best]:.2f} dB"
    return best, note


def psnr(reference: Image.Image, encoded: bytes) -> float:
    """Peak signal-to-noise ratio of an encoded image against its source pixels."""
    decoded = Image.open(io.BytesIO(encoded)).convert("RGB")
    squares = ImageChops.difference(reference, decoded).point(lambda v: v * v)
    return 10 * math.log10(255**2 / max(sum(ImageStat.Stat(squares).mean) / 3, 1e-9))


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def kilobytes(folder: Path) -> str:
    sizes = {fmt: sum(p.stat().st_size for p in folder.glob(f"*.{fmt}")) for fmt in FORMATS}
    return ", ".join(f"{fmt} {size // 1000} kB" for fmt, size in sizes.items())


def run_ours(sources: list[Path], settings: ImageSettings, jobs: int) -> float:
    """Seconds for `build_all` from an empty cache."""
    shutil.rmtree(settings.cache_dir, ignore_errors=True)
    return timed(lambda: build_all(sources, settings, jobs=jobs))


def run_vips(sources: list[Path], out: Path, jobs: int, pooled: bool, avif_q: int) -> float:
    """Seconds for pyvips: a pool of `jobs` processes, or one process using libvips threads
    (starting the processes counts, as it does for ours)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    one = partial(vips_web_set, out=out, settings=ImageSettings(out), avif_q=avif_q)

    def run() -> None:
        with vips_processes(jobs if pooled else 1) as pool:
            list(pool.map(one, sources))

    return timed(run)


def cpu_seconds(make: Callable[[Path], object], sources: list[Path]) -> float:
    """CPU time (all threads) that one process spends on `make` for each source, per photo:
    unlike wall time, barely changed by other work on a shared machine."""
    start = time.process_time()
    for src in sources:
        make(src)
    return (time.process_time() - start) / len(sources)


def cpu_per_photo(
    sample: list[Path], settings: ImageSettings, out: Path, avif_q: int | None
) -> tuple[float, float | None]:
    """CPU seconds per photo for ours and (when `avif_q` is given) pyvips, each in a fresh
    process."""
    shutil.rmtree(settings.cache_dir, ignore_errors=True)
    settings.cache_dir.mkdir()
    out.mkdir()
    with vips_processes(1) as pool:
        ours = pool.submit(cpu_seconds, partial(build_web_image, settings=settings), sample)
        vips = None
        if avif_q is not None:
            make = partial(vips_web_set, out=out, settings=settings, avif_q=avif_q)
            vips = pool.submit(cpu_seconds, make, sample).result()
        return ours.result(), vips


def vips_processes(count: int) -> ProcessPoolExecutor:
    """pyvips only runs in fresh processes: forking after libvips started its threads hangs."""
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))


def pyvips_version() -> str:
    """libvips' version (raises ImportError or OSError when pyvips cannot load)."""
    import pyvips  # noqa: PLC0415 - the bench extra only

    return f"pyvips {pyvips.__version__}, libvips " + ".".join(
        str(pyvips.version(i)) for i in range(3)
    )


def bench_cached(count: int, work: Path) -> float:
    """Seconds for a no-change re-run over `count` photos, simulated with tiny sources."""
    folder = work / "tiny"
    folder.mkdir()
    sources = []
    for i in range(count):
        sources.append(folder / f"p{i:04}.jpg")
        Image.new("RGB", (64, 48), (i % 256, i // 256 * 40, 90)).save(sources[-1])
    settings = ImageSettings(work / "tiny-cache", widths=(16, 24, 32, 48, 64))
    images, errors = build_all(sources, settings)
    assert len(images) == count and not errors
    assert sum(len(image.variants) for image in images.values()) == 15 * count
    return min(timed(lambda: build_all(sources, settings)) for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="synthetic photos (default 20)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="processes (all cores)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds, best counts")
    parser.add_argument("--cached", type=int, default=1000, help="photos for the no-change re-run")
    args = parser.parse_args()
    print(f"{args.n} photos {SIZE[0]}x{SIZE[1]}, {args.jobs} processes, {os.cpu_count()} cores")
    print(
        f"Pillow {Image.__version__}: libjpeg-turbo {features.version('jpg')}, "
        f"libwebp {features.version('webp')}, libavif {features.version('avif')}"
    )
    try:
        with vips_processes(1) as pool:
            vips = pool.submit(pyvips_version).result()
        print(vips)
    except (ImportError, OSError) as exc:
        vips = None
        print(f"pyvips cannot load ({exc}): pip install pyvips; apt-get install libvips42")
    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp:
        work = Path(tmp)
        paths = [work / f"photo{i:02}.jpg" for i in range(args.n)]
        with ProcessPoolExecutor(args.jobs) as pool:
            sources = list(pool.map(synthetic_photo, paths, range(args.n)))
        mb = sum(p.stat().st_size for p in sources) / args.n / 1e6
        settings = ImageSettings(work / "ours")
        print(f"sources: {mb:.1f} MB each; widths {settings.widths}")
        print(f"ours: quality {settings.quality}, encoders {ENCODER_OPTIONS}")
        avif_q = None
        if vips:
            with vips_processes(1) as pool:
                calibration = pool.submit(
                    calibrate_vips_avif_q, sources[0], settings.quality["avif"]
                )
                avif_q, note = calibration.result()
            print(f"pyvips: same settings, AVIF Q{avif_q} (same PSNR: {note})")
        runs = {"ours": partial(run_ours, sources, settings, args.jobs)}
        folders = {"ours": settings.cache_dir}
        if vips:
            for name, pooled in (("pyvips, process pool", True), ("pyvips, threads", False)):
                folders[name] = work / name.replace(", ", "-").replace(" ", "-")
                runs[name] = partial(run_vips, sources, folders[name], args.jobs, pooled, avif_q)
        best = {name: math.inf for name in runs}
        for _ in range(args.rounds):
            for name, run in runs.items():
                best[name] = min(best[name], run())
        for name, seconds in best.items():
            print(f"{name}: {args.n / seconds:.2f} images/s ({kilobytes(folders[name])})")
        ours_cpu, vips_cpu = cpu_per_photo(sources[:4], settings, work / "cpu", avif_q)
        print(
            f"CPU time per photo, one process: ours {ours_cpu:.2f} s, pyvips {vips_cpu or 0:.2f} s"
        )
        if vips:
            fastest = min(v for k, v in best.items() if k != "ours")
            print(f"ratio ours / pyvips, wall clock (faster run): {fastest / best['ours']:.2f}x")
            print(f"ratio ours / pyvips, CPU time: {vips_cpu / ours_cpu:.2f}x")
        rerun = min(timed(lambda: build_all(sources, settings, jobs=args.jobs)) for _ in range(3))
        print(f"no-change re-run, {args.n} photos: {rerun * 1000:.1f} ms")
        cached = bench_cached(args.cached, work)
        print(
            f"no-change re-run, {args.cached} photos (tiny, 15 files each): {cached * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
