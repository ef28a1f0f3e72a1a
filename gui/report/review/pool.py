"""Reading many files on every core, where no single file can stall or sink the round.

Files go to a ProcessPoolExecutor, never more at once than there are workers, so each starts when it
is submitted and its clock is honest. A file over its time limit is reported and the workers are
killed (the pool offers no other way to stop a running task); the files that were running beside it
start again in a fresh pool. A worker that dies (a crash in a reader, the memory exhausted) breaks
the pool for every file in flight: those are retried one at a time, so only the culprit is
reported.
"""
from __future__ import annotations

import os
import signal
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

TIME_LIMIT = 30.0            # seconds per file
MEMORY_LIMIT = 2 << 30       # address space of one worker (POSIX): a report is read in ~200 MB
POLL = 0.05


def timed_out_message(path: Path, limit: float) -> str:
    return f"读取「{path.name}」超过 {limit:g} 秒仍未完成，已停止读取。文件可能过大或内容异常。"


def crashed_message(path: Path) -> str:
    return f"读取「{path.name}」时读取程序意外退出（文件可能损坏或内容异常），未能审查。"


def _quiet_worker() -> None:
    # Ctrl+C is for the coordinator, which stops the workers itself: no traceback from each of them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit_memory(MEMORY_LIMIT)


def _limit_memory(limit: int) -> None:
    """A file that needs more than `limit` fails in its worker with MemoryError (listed as
    unreadable, or the worker dies and the pool reports it) instead of swapping the county's PC.
    Windows has no such limit; the readers' own limits hold there."""
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError, AttributeError):
        pass


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


class _Pool:
    def __init__(self, workers: int, context):
        self.executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet_worker)

    def submit(self, work, path):
        return self.executor.submit(work, str(path))

    def kill(self) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for process in processes:
            try:
                process.kill()
            except (OSError, AttributeError):
                pass
        self.executor.shutdown(wait=True, cancel_futures=True)


def run_all(paths: list[Path], work: Callable, failed: Callable[[Path, str], object],
            deliver: Callable[[int, object], None], *, workers: int | None = None,
            time_limit: float = TIME_LIMIT, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None, context=None) -> bool:
    """Run work(path) for every path; deliver(index, result) as each finishes (in any order).
    A file that exceeds time_limit or kills its worker is delivered as failed(path, reason).
    Returns False when cancelled() became true (what finished until then was delivered)."""
    total = len(paths)
    workers = max(1, min(workers or default_workers(), total or 1))
    pending = deque(enumerate(map(Path, paths)))
    suspects: deque = deque()
    inflight: dict = {}            # future → (index, path, started, alone)
    done = 0
    pool: _Pool | None = None

    def finish(index: int, result) -> None:
        nonlocal done
        deliver(index, result)
        done += 1
        if progress:
            progress(done, total)

    if progress:
        progress(0, total)
    try:
        while pending or suspects or inflight:
            if cancelled and cancelled():
                return False
            if pool is None:
                pool = _Pool(workers, context)
            if suspects:
                if not inflight:
                    index, path = suspects.popleft()
                    inflight[pool.submit(work, path)] = (index, path, time.monotonic(), True)
            else:
                while pending and len(inflight) < workers:
                    index, path = pending.popleft()
                    inflight[pool.submit(work, path)] = (index, path, time.monotonic(), False)
            wait(list(inflight), timeout=POLL, return_when=FIRST_COMPLETED)
            now, restart, broken = time.monotonic(), False, False
            for future, (index, path, started, alone) in list(inflight.items()):
                if future.done():
                    del inflight[future]
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        restart = broken = True
                        if alone:
                            finish(index, failed(path, crashed_message(path)))
                        else:
                            suspects.append((index, path))
                        continue
                    except Exception as exc:       # the result could not come back (pickling …)
                        result = failed(path, f"读取「{path.name}」失败（{type(exc).__name__}）。")
                    finish(index, result)
                elif now - started > time_limit:
                    del inflight[future]
                    restart = True
                    finish(index, failed(path, timed_out_message(path, time_limit)))
            if restart:
                for index, path, _, alone in inflight.values():     # innocent of a time-out
                    (suspects if alone or broken else pending).appendleft((index, path))
                inflight.clear()
                pool.kill()
                pool = None
        return True
    finally:
        if pool is not None:
            if inflight:
                pool.kill()
            else:
                pool.executor.shutdown(wait=True)
