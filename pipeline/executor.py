"""Run per-document tasks in worker processes with time and memory limits.

Long-lived workers (forked once, after the heavy imports, so they share
spaCy and pdfplumber) take documents one at a time. A document that hangs
the parser past the time limit gets its worker killed and replaced; one that
blows the memory limit fails with MemoryError inside its worker, or kills it;
either way it is recorded and the run goes on. Workers are recycled after a
number of documents so that nothing one document leaves behind accumulates.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, cast

TASKS_PER_WORKER = 200


def _error(kind: str, message: str) -> dict:
    return {"error": {"stage": "worker", "error_kind": kind, "message": message}}


def _worker_loop(connection: Connection, function: Callable[[dict], dict], memory_mb: int | None) -> None:
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            result = function(task)
        except MemoryError:
            result = _error("memory", f"exceeded the memory limit of {memory_mb} MB")
        except BaseException as exc:  # reported to the parent, whatever it is
            result = _error(type(exc).__name__, str(exc))
        connection.send(result)


@dataclass
class _Worker:
    process: Any
    connection: Connection
    task: dict | None = None
    deadline: float = 0.0
    done: int = 0


def run_isolated(
    tasks: Iterable[dict],
    function: Callable[[dict], dict],
    jobs: int,
    timeout: float,
    memory_mb: int | None,
    on_result: Callable[[dict, dict], Any],
) -> None:
    """Call on_result(task, result) for every task; at most `jobs` run at once."""
    context = mp.get_context("fork")
    pending = list(tasks)
    pending.reverse()
    workers: list[_Worker] = []

    def start() -> _Worker:
        parent, child = context.Pipe(duplex=True)
        process = context.Process(target=_worker_loop, args=(child, function, memory_mb), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        workers.append(worker)
        return worker

    def retire(worker: _Worker, kill: bool) -> None:
        workers.remove(worker)
        if kill:
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.connection.send(None)
        worker.process.join(5)
        worker.connection.close()

    try:
        while pending or any(w.task is not None for w in workers):
            # Hand out documents to idle workers, starting workers up to `jobs`.
            while pending:
                idle = next((w for w in workers if w.task is None), None)
                if idle is None:
                    if len(workers) >= max(1, jobs):
                        break
                    idle = start()
                idle.task = pending.pop()
                idle.deadline = time.monotonic() + timeout
                idle.connection.send(idle.task)
            busy = [w for w in workers if w.task is not None]
            nearest = min(w.deadline for w in busy)
            ready = cast(list[Connection], wait([w.connection for w in busy],
                                                timeout=max(0.0, nearest - time.monotonic())))
            for worker in [w for w in busy if w.connection in ready]:
                task = cast(dict, worker.task)
                try:
                    result = worker.connection.recv()
                except (EOFError, OSError):
                    worker.process.join(1)
                    result = _error("worker_crashed",
                                    f"the worker process died (exit code {worker.process.exitcode}); out of memory?")
                    retire(worker, kill=True)
                else:
                    worker.task = None
                    worker.done += 1
                    if worker.done >= TASKS_PER_WORKER:
                        retire(worker, kill=False)
                on_result(task, result)
            now = time.monotonic()
            for worker in [w for w in workers if w.task is not None and w.deadline <= now]:
                task = cast(dict, worker.task)
                retire(worker, kill=True)
                on_result(task, _error("timeout", f"stopped after the time limit of {timeout:g} s"))
    finally:
        for worker in list(workers):
            retire(worker, kill=worker.task is not None)


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
