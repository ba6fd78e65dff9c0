"""What the benchmarks share: paths, timed runs with peak memory, medians."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
PAGE = os.sysconf("SC_PAGE_SIZE")
#: Builds run with this environment: MkDocs' notice about its next major version silenced.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    """One measured command: wall-clock and CPU seconds, peak resident memory of its tree."""

    seconds: float
    cpu: float  # user + system seconds of the command and the children it waited for
    peak_rss: int  # bytes


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


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants right now (0 for those gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        todo += _children(current)
    return total


def run(cmd: Sequence[str | Path], cwd: Path) -> Run:
    """Run `cmd`, raise with its output if it fails; return its time and peak memory.

    Peak memory is the larger of the sampled sum over the process tree (every 20 ms, which
    catches parallel workers) and the kernel's own peak of the largest single process.
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
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, tree_rss(proc.pid))

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
    return Run(seconds, usage.ru_utime + usage.ru_stime, max(peak, usage.ru_maxrss * 1024))


def median_run(runs: Sequence[Run]) -> Run:
    """The median times and the highest peak memory of several runs."""
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_rss for r in runs),
    )


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"
