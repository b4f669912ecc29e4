"""`rag bench load`: concurrent clients against `rag serve` on 127.0.0.1, bounded in count and time.

A real server process is started on a free loopback port; each client (a thread with its own
connection) asks its questions one after another, through the JSON API (``POST /v1/ask``,
one request per answer) or the page's own API (gradio_client, ``/ask``, through Gradio's
queue), and every answer's wall time is recorded. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from .errors import RagError
from .metrics import percentile


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(index_dir: Path, corpus_dir: Path, port: int, wait_s: float) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--port", str(port), "--rate-limit", "0",
                               "--index", str(index_dir), "--corpus", str(corpus_dir)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + wait_s
    for line in server.stderr:
        if "Ctrl+C" in line:
            return server
        if time.monotonic() > deadline:
            break
    server.kill()
    raise RagError("the server did not start for the load benchmark")


class JsonClient:
    """One keep-alive connection to ``POST /v1/ask``."""

    def __init__(self, port: int):
        import http.client

        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def predict(self, question: str, mode: str, k: int, generator: str, api_name: str = "") -> dict:
        import json

        self.connection.request("POST", "/v1/ask", json.dumps(
            {"question": question, "mode": mode, "k": k, "generator": generator}),
            {"Content-Type": "application/json"})
        reply = self.connection.getresponse()
        data = json.loads(reply.read())
        if reply.status != 200:
            raise RagError(f"HTTP {reply.status}: {data.get('error')}")
        return data


def run(index_dir: Path, corpus_dir: Path, questions: list[str], clients: int, per_client: int,
        limit_s: float = 300.0, api: str = "json") -> dict:
    """``clients`` clients each asking ``per_client`` questions at once; latencies in ms, errors, rate."""
    from gradio_client import Client as GradioClient

    port = _free_port()
    server = _start(index_dir, corpus_dir, port, wait_s=120)
    url = f"http://127.0.0.1:{port}/"

    def Client(url, verbose=False):  # noqa: N802 (either kind of client, made alike)
        return JsonClient(port) if api == "json" else GradioClient(url, verbose=verbose)

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + limit_s

    def client(number: int) -> None:
        connection = Client(url, verbose=False)
        for i in range(per_client):
            if time.monotonic() > stop_at:
                return
            question = questions[(number * per_client + i) % len(questions)]
            started = time.perf_counter()
            try:
                connection.predict(question, "hybrid", 6, "extractive", api_name="/ask")
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)
            except Exception as exc:  # counted and reported, whatever the client raised
                with lock:
                    errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")

    try:
        Client(url, verbose=False).predict(questions[0], "hybrid", 6, "extractive", api_name="/ask")  # warm up
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, stop_at - time.monotonic()))
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"api": api, "clients": clients, "questions_per_client": per_client, "answered": len(latencies),
            "errors": len(errors), "first_errors": errors[:3], "seconds": round(seconds, 2),
            "answers_per_s": round(len(latencies) / seconds, 1) if seconds else None,
            "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
            "max_ms": round(max(latencies), 1) if latencies else None}
