"""Run `cjm serve` in a subprocess on 127.0.0.1 and read its address and join code."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

AGENT = Path(__file__).with_name("agent.py")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    proc: subprocess.Popen[str]
    address: str
    code: str
    out: list[str]

    def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM, as a person's Ctrl+C: the host flushes its store and saves the map."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        rest, _ = self.proc.communicate(timeout=timeout)
        self.out.extend(rest.splitlines())
        return self.proc.returncode


def serve(
    map_path: Path,
    store: Path,
    port: int = 0,
    code: str | None = None,
    timeout: float = 30.0,
    max_clients: int = 32,
) -> Served:
    args = [sys.executable, "-m", "cjm_editor.cli", "serve", str(map_path), "--bind", "127.0.0.1"]
    args += ["--port", str(port), "--store", str(store), "--no-qr", "--save-seconds", "0.5"]
    if code:
        args += ["--code", code]
    args += ["--max-clients", str(max_clients)]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    out: list[str] = []
    address = found_code = ""
    end = time.monotonic() + timeout
    while time.monotonic() < end and not (address and found_code):
        line = proc.stdout.readline()
        if not line:
            break
        out.append(line.rstrip("\n"))
        if line.startswith("address: "):
            address = line.split()[1]
        if line.startswith("code: "):
            found_code = line.split()[1]
    if not (address and found_code):
        proc.kill()
        raise AssertionError("the host did not start:\n" + "\n".join(out))
    return Served(proc, address, found_code, out)


def agent(address: str, code: str, *args: str) -> subprocess.Popen[str]:
    """A headless co-editor in its own process (see agent.py), driven through stdin."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, str(AGENT), address, code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def expect(proc: subprocess.Popen[str], word: str, timeout: float = 60.0) -> str:
    """Read the agent's lines until one starts with `word`; return the rest of that line."""
    assert proc.stdout is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"the agent ended before {word!r}:\n{err}")
        if line.startswith(word):
            return line[len(word) :].strip()
    raise AssertionError(f"no {word!r} from the agent in {timeout} s")


def tell(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdin is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()


def finish(proc: subprocess.Popen[str], timeout: float = 30.0) -> tuple[int, str]:
    """Wait for a process, kill it if it does not end, close its pipes; return (code, stderr)."""
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    return proc.returncode, err or ""
