"""Offline for real: `rag serve` and three questions, in a network namespace with only loopback,
traced with strace; no socket may reach anything but 127.0.0.1, ::1 or a local Unix socket, and
nothing may be written outside the index and cache directories (HOME and TMPDIR stay empty)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROBE = Path(__file__).with_name("offline_probe.py")
ADDRESS = re.compile(r"(connect|sendto)\((\d+), \{sa_family=(AF_\w+)(.*?)\}")


def _allowed(family: str, rest: str) -> bool:
    if family in ("AF_UNIX", "AF_NETLINK"):
        return True
    port = re.search(r"sin6?_port=htons\((\d+)\)", rest)
    if port and port.group(1) == "53":
        return False  # a name lookup, even through a resolver on loopback, is a request for another host
    return "127.0.0.1" in rest or '"::1"' in rest or "inet_pton(AF_INET6, \"::1\"" in rest


def test_serve_opens_no_socket_to_another_host(pipeline, tmp_path):
    tools = all(shutil.which(t) for t in ("strace", "unshare", "ip")) and os.geteuid() == 0
    if not tools:
        if os.environ.get("CI"):
            pytest.fail("strace, unshare and ip (as root) are needed; scripts/test installs strace")
        pytest.skip("needs strace, unshare and ip, as root")
    from rag.embedding import cache_dir

    trace, home, tmp = tmp_path / "trace", tmp_path / "home", tmp_path / "tmp"
    home.mkdir(), tmp.mkdir()
    cache = cache_dir().parent  # where the ONNX export is, so the server answers with ONNX Runtime
    script = (f"ip link set lo up && exec {sys.executable} {PROBE} {pipeline.config.index_dir} 7899 {trace} "
              f"{home} {tmp} {cache}")
    proc = subprocess.run(["unshare", "-n", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "45.7 billion" in proc.stdout and "Lutnick" in proc.stdout and "don't say" in proc.stdout
    calls = [m for m in ADDRESS.finditer(trace.read_text()) if m.group(3) != "AF_UNSPEC"]
    assert any("127.0.0.1" in m.group(4) for m in calls), "the trace saw no socket at all"
    outside = [m.group(0) for m in calls if not _allowed(m.group(3), m.group(4))]
    assert outside == [], f"sockets to other hosts: {outside[:5]}"
    written = sorted(str(p.relative_to(tmp_path)) for p in (*home.rglob("*"), *tmp.rglob("*")))
    assert written == [], f"written outside the index and cache directories: {written[:5]}"
