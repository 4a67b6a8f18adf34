"""Run per-document tasks in worker processes with time and memory limits.

The pool is pebble's: long-lived workers, forked once after the heavy imports (so they share spaCy and
pdfplumber), take documents one at a time; a document past the time limit gets its worker killed and
replaced, and workers are recycled after a number of documents so that nothing one document leaves behind
accumulates. What pebble does not do is done here, in each worker as it starts: the memory limit (a
document that blows it fails with MemoryError inside its worker, or kills it; either way it is recorded
and the run goes on), and on Linux a request to the kernel to end the worker when the run dies, so that
no worker outlives a killed run.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed
from typing import Any

TASKS_PER_WORKER = 200
# How often pebble's manager thread looks at the pool (its CONSTS.sleep_unit, 0.1 s by default): a run waits
# for that thread's next look when it closes the pool, and a worker that has finished its tasks is replaced
# only then; re-extracting the bench's 30 documents takes 0.6 s, so a tenth of a second is a sixth of it.
# Looking fifty times a second costs the parent nothing it would notice.
POOL_POLL_SECONDS = 0.02
_PR_SET_PDEATHSIG = 1


def _error(kind: str, message: str) -> dict:
    return {"error": {"stage": "worker", "error_kind": kind, "message": message}}


def _poll_often() -> None:
    from pebble import CONSTS

    CONSTS.sleep_unit = min(CONSTS.sleep_unit, POOL_POLL_SECONDS)


def _start_worker(memory_mb: int | None) -> None:
    """In each worker, before its first task."""
    if sys.platform.startswith("linux"):
        # The kernel sends SIGKILL to this worker when the run that forked it dies, however it dies.
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    # Ctrl-C and SIGTERM are the run's to handle: it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_isolated(
    tasks: Iterable[dict],
    function: Callable[[dict], dict],
    jobs: int,
    memory_mb: int | None,
    on_result: Callable[[dict, dict], Any],
    while_waiting: Callable[[], Any] | None = None,
) -> None:
    """Call on_result(task, result) for every task, in this thread; at most `jobs` run at once, each stopped
    after its ``task["time_limit"]`` seconds.

    ``while_waiting`` is called once, in this thread, when every task is scheduled: work of the parent's that
    can overlap the workers' (it must not import anything the workers import later).
    """
    from pebble import ProcessExpired, ProcessPool

    _poll_often()
    pool = ProcessPool(max_workers=max(1, jobs), max_tasks=TASKS_PER_WORKER, initializer=_start_worker,
                       initargs=(memory_mb,), context=mp.get_context("fork"))
    try:
        futures: dict[Any, dict] = {pool.schedule(function, args=(task,), timeout=task["time_limit"]): task
                                    for task in tasks}
        if while_waiting is not None:
            while_waiting()
        for future in as_completed(futures):
            task = futures[future]
            try:
                result = future.result()
            except FutureTimeout:
                result = _error("timeout", f"stopped after the time limit of {task['time_limit']:g} s")
            except ProcessExpired as exc:
                result = _error("worker_crashed",
                                f"the worker process died (exit code {exc.exitcode}); out of memory?")
            except MemoryError:
                result = _error("memory", f"exceeded the memory limit of {memory_mb} MB")
            except Exception as exc:  # reported to the parent, whatever it is
                result = _error(type(exc).__name__, str(exc))
            on_result(task, result)
        pool.close()
    except BaseException:
        pool.stop()  # an interrupted run: stop every worker now
        raise
    finally:
        pool.join()


@contextlib.contextmanager
def running_ahead(tasks: list[dict], function: Callable[[dict], Any], workers: int,
                  memory_mb: int | None) -> Iterator[list[dict]]:
    """Run ``function`` over ``tasks`` in ``workers`` background processes for as long as the block lasts;
    then stop, killing whatever is still running, and yield (filled in on leaving) the tasks that finished
    with a true result. Work that can be redone cheaply, started while this process is busy with something
    the tasks do not need; nothing is reported from here: an unfinished task is simply done again later.

    The workers are forked at once, before the block runs: they must need no module the block imports.
    """
    finished: list[dict] = []
    if workers < 1 or not tasks:
        yield finished
        return
    from pebble import ProcessPool

    _poll_often()
    pool = ProcessPool(max_workers=workers, initializer=_start_worker, initargs=(memory_mb,),
                       context=mp.get_context("fork"))
    futures: list[tuple[Any, dict]] = []
    try:
        futures = [(pool.schedule(function, args=(task,)), task) for task in tasks]
    except (OSError, RuntimeError) as exc:  # no process to spare (fork refused): the block runs alone
        logging.getLogger("hmip").warning("could not start reading ahead (%s); the run goes on without it", exc)
        pool.stop()
        pool.join()
        yield finished
        return
    try:
        yield finished
    finally:
        for future, _ in futures:
            future.cancel()
        pool.stop()  # what is running is killed: its task is done again by whoever needs it
        pool.join()
    for future, task in futures:
        if future.done() and not future.cancelled() and future.exception() is None and future.result():
            finished.append(task)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def isolated_call(task: dict, function: Callable[[dict], dict], memory_mb: int | None) -> dict:
    """Run one task in a child process with the limits; for executors that give us a worker."""
    if mp.current_process().daemon:
        # A daemonic worker may not have children: run in place, the cluster supervises it.
        return function(task)
    results: list[dict] = []
    run_isolated([task], function, 1, memory_mb, lambda _task, result: results.append(result))
    return results[0]


def run_dask(
    tasks: list[dict],
    function: Callable[[dict], dict],
    scheduler: str | None,
    jobs: int,
    memory_mb: int | None,
    on_result: Callable[[dict, dict], Any],
) -> None:
    """The same per-document function on a Dask cluster (a local one when no scheduler is given).

    Workers must see the raw and output folders at the same paths (a shared file system).
    """
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    with dask.config.set({"distributed.worker.daemon": False}):
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    try:
        futures = {
            client.submit(isolated_call, task, function, memory_mb, pure=False, key=f"doc-{task['sha']}"): task
            for task in tasks
        }
        for future in as_completed(futures):
            task = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a worker lost or the task raised: recorded, never fatal
                result = {"error": {"stage": "worker", "error_kind": "worker_crashed",
                                    "message": f"Dask task failed: {type(exc).__name__}: {exc}"}}
            on_result(task, result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
