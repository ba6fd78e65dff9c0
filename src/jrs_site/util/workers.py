"""Pools of worker processes that end with the step that uses them, at once when it is stopped.

A build's photos and screen PDFs are made in a `ProcessPoolExecutor`. On its own, the pool
does not stop for Ctrl+C: a worker interrupted in a job hands the interrupt back as that
job's result and waits for the next, one interrupted while idle prints a traceback, and
leaving the pool (`shutdown`) waits for every job already started, which for a PDF is many
seconds. An interrupt that reaches the main process alone (SIGINT or SIGTERM to it, not to
its group) never reaches the workers at all: they render on, and outlive it.

So the workers ignore SIGINT (`ignore_interrupts`, their initializer): the main process is
the one that is interrupted, always, and it ends its workers itself (`worker_pool`) before
the interrupt goes on up; the jobs are handed to the pool with interrupts held
(`interrupts_held`), so that every worker started is one the pool knows of. A worker ended
part-way leaves no half file that counts: every
cached file is written to a temporary name and renamed (`util.files.write_atomic`), and its
manifest, which makes it count, is written after it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl+C and SIGTERM wait until the block is done, then act as they would have: for a
    step that must not be cut in two, such as starting a worker (interrupted between the
    fork and the pool's note of it, the worker would be no one's and live on) or swapping
    a folder. Python's handlers are swapped, not the signal mask: a signal comes to any
    thread that does not block it. Outside the main thread, where handlers cannot be set,
    the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda n, _: came.append(n)) for number in held}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if came:
            signal.raise_signal(came[0])


def ignore_interrupts() -> None:
    """A worker's start: Ctrl+C, which the terminal sends to every process of the build, is
    for the main process; it ends the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def end_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers of `pool` now, jobs started or not, and let it go."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
    else:
        processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()  # SIGTERM: a worker has no handler for it, it ends
    pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def worker_pool(
    count: int,
    context: BaseContext,
    initializer: Callable[..., object] = ignore_interrupts,
    initargs: tuple[Any, ...] = (),
) -> Iterator[ProcessPoolExecutor]:
    """A pool of `count` workers for a `with` block. The block ends normally: once every job
    is done. With an error: the jobs not started are dropped, those started finish (they
    write whole files into the cache). Interrupted (KeyboardInterrupt, also a generator
    closed part-way): the workers end at once. `initializer` must ignore SIGINT as
    `ignore_interrupts` does."""
    pool = ProcessPoolExecutor(count, context, initializer=initializer, initargs=initargs)
    try:
        yield pool
    except Exception:
        pool.shutdown(cancel_futures=True)
        raise
    except BaseException:
        end_workers(pool)
        raise
    pool.shutdown()
