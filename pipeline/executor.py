"""Run per-document tasks in isolated worker processes with time and memory limits.

Each document gets its own forked process, so a PDF that hangs the parser or
blows up memory is killed and recorded, never taking the run down. Forking
after the heavy imports shares spaCy and pdfplumber with every child.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection, wait
from typing import Any, cast


def _child(connection: Connection, function: Callable[[dict], dict], task: dict, memory_mb: int | None) -> None:
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = function(task)
    except MemoryError:
        result = {"error": {"stage": "worker", "error_kind": "memory", "message": f"exceeded the memory limit of {memory_mb} MB"}}
    except BaseException as exc:
        result = {"error": {"stage": "worker", "error_kind": type(exc).__name__, "message": str(exc)}}
    connection.send(result)
    connection.close()


def run_isolated(
    tasks: Iterable[dict],
    function: Callable[[dict], dict],
    jobs: int,
    timeout: float,
    memory_mb: int | None,
    on_result: Callable[[dict, dict], Any],
) -> None:
    """Call on_result(task, result) for every task; at most `jobs` at once."""
    context = mp.get_context("fork")
    pending = list(tasks)
    pending.reverse()
    running: dict[Connection, tuple[Any, dict, float]] = {}
    jobs = max(1, jobs)
    while pending or running:
        while pending and len(running) < jobs:
            task = pending.pop()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(sender, function, task, memory_mb), daemon=True)
            process.start()
            sender.close()
            running[receiver] = (process, task, time.monotonic() + timeout)
        nearest = min(deadline for _, _, deadline in running.values())
        ready = cast(list[Connection], wait(list(running), timeout=max(0.0, nearest - time.monotonic())))
        for receiver in ready:
            process, task, _ = running.pop(receiver)
            try:
                result = receiver.recv()
            except (EOFError, OSError):
                process.join(1)
                code = process.exitcode
                result = {"error": {"stage": "worker", "error_kind": "worker_crashed",
                                    "message": f"the worker process died (exit code {code}); out of memory?"}}
            receiver.close()
            process.join(5)
            on_result(task, result)
        now = time.monotonic()
        for receiver in [r for r, (_, _, deadline) in running.items() if deadline <= now]:
            process, task, _ = running.pop(receiver)
            process.kill()
            process.join(5)
            receiver.close()
            on_result(task, {"error": {"stage": "worker", "error_kind": "timeout",
                                       "message": f"stopped after the time limit of {timeout:g} s"}})


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def isolated_call(task: dict, function: Callable[[dict], dict], timeout: float, memory_mb: int | None) -> dict:
    """Run one task in a child process with the limits; for executors that give us a worker."""
    if mp.current_process().daemon:
        # A daemonic worker may not have children: run in place, the cluster supervises it.
        return function(task)
    results: list[dict] = []
    run_isolated([task], function, 1, timeout, memory_mb, lambda _task, result: results.append(result))
    return results[0]


def run_dask(
    tasks: list[dict],
    function: Callable[[dict], dict],
    scheduler: str | None,
    jobs: int,
    timeout: float,
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
            client.submit(isolated_call, task, function, timeout, memory_mb, pure=False, key=f"doc-{task['sha']}"): task
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
