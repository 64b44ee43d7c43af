"""`cjm serve` reports a bad address or a bad map as `FILE: LOCATION: message`, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjm_editor.cli", "serve", *args, "--no-qr"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_taken_port_is_a_clear_error(tmp_path, sample_file):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _serve(
            str(sample_file), "--bind", "127.0.0.1", "--port", str(port), "--store", str(tmp_path / "s")
        )
    assert done.returncode == 1
    assert done.stderr.startswith(f"{sample_file}: $: cannot share on 127.0.0.1:{port}")
    assert "Traceback" not in done.stderr


def test_a_missing_map_is_a_clear_error(tmp_path):
    done = _serve(str(tmp_path / "missing.cjm.json"), "--bind", "127.0.0.1", "--port", "0")
    assert done.returncode == 1
    assert "missing.cjm.json: $:" in done.stderr and "Traceback" not in done.stderr
