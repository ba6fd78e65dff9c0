"""What the benchmarks share: paths, timed runs with peak memory, medians, a local host."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
#: Builds run with this environment: MkDocs' notice about its next major version silenced.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    """One measured command: wall-clock and CPU seconds, peak resident memory of its tree."""

    seconds: float
    cpu: float  # user + system seconds of the command's process tree
    peak_rss: int  # bytes
    output: str = ""  # what it printed, stdout and stderr together


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants right now."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants right now (0 for those gone)."""
    total = 0
    for current in _tree(pid):
        try:
            with open(f"/proc/{current}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def tree_cpu(pid: int, seen: dict[int, float]) -> None:
    """Record in `seen` the CPU seconds (user + system) each process of the tree has used so
    far: workers that a forkserver, not the command, waits for are counted too."""
    for current in _tree(pid):
        try:
            with open(f"/proc/{current}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        seen[current] = (int(fields[11]) + int(fields[12])) / TICKS


def run(cmd: Sequence[str | Path], cwd: Path) -> Run:
    """Run `cmd`, raise with its output if it fails; return its time and peak memory.

    Peak memory is the larger of the sampled sum over the process tree (every 20 ms, which
    catches parallel workers) and the kernel's own peak of the largest single process; CPU
    likewise the larger of the kernel's count and the sampled sum over the tree.
    """
    os.sync()  # what earlier steps wrote is flushed now, not during this run
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(c) for c in cmd],
        cwd=cwd,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    peak = 0
    cpu_seen: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, tree_rss(proc.pid))
            tree_cpu(proc.pid, cpu_seen)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        text = output.decode(errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed in {cwd}:\n{text}")
    # What it waited for, or, if more, what was seen of its tree (workers of a forkserver).
    cpu = max(usage.ru_utime + usage.ru_stime, sum(cpu_seen.values()))
    return Run(seconds, cpu, max(peak, usage.ru_maxrss * 1024), output.decode(errors="replace"))


def median_run(runs: Sequence[Run]) -> Run:
    """The median times and the highest peak memory of several runs."""
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_rss for r in runs),
    )


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


#: What a static host sends gzipped (text), as Netlify, GitHub Pages or nginx do.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site, gzipping text files as a real host would."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    """A file-like object over bytes, for `copyfile`."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser drops connections it no longer needs: not an error of ours


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1, gzipped; yields its base URL."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
