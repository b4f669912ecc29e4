"""Run inside a network namespace by test_offline.py: start `rag serve`, ask it questions, stop it.

Usage: python offline_probe.py INDEX_DIR PORT TRACE_FILE HOME_DIR TMP_DIR CACHE_DIR

The server runs with HOME and TMPDIR pointing at the given (empty) folders, so the test can check
that it wrote nothing there.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request

index, port, trace, home, tmp, cache = sys.argv[1:7]
env = {**os.environ, "HOME": home, "TMPDIR": tmp, "XDG_CACHE_HOME": cache}
server = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=connect,sendto", "-o", trace,
                           sys.executable, "-m", "rag", "serve", "--port", port, "--index", index],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=env)
url = f"http://127.0.0.1:{port}/"
try:
    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    from gradio_client import Client

    client = Client(url, verbose=False)
    for question in ("How big was the US goods trade deficit with India in 2024?",
                     "Who is the US Commerce Secretary?", "What is the capital of France?"):
        print(client.predict(question, "hybrid", 6, "extractive", api_name="/ask")["answer"][:300], flush=True)
    time.sleep(5)  # long enough for anything that phones home every few seconds
finally:  # strace and the server it traces are one process group
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
