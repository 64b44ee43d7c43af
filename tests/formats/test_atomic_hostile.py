"""The atomic writer replaces only a regular file it may write, and touches no other process's save."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.formats.atomic import TEMP_SUFFIX, sweep_stale, write_atomic
from cjm_editor.formats.errors import SaveError
from cjm_editor.model import Journey


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


@pytest.mark.timeout(20)
def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    with pytest.raises(SaveError, match="not a regular file"):
        write_atomic(fifo, b"data")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert _temps(tmp_path) == []


def test_a_device_is_refused_and_stays_a_device(tmp_path):
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    except (PermissionError, OSError):
        device = Path("/dev/null")  # not allowed here: a device we can name anyway
    with pytest.raises(SaveError, match="not a regular file"):
        write_atomic(device, b"data")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(SaveError, match="folder"):
        write_atomic(tmp_path, b"data")


def test_a_read_only_file_is_refused_even_for_root(tmp_path):
    path = tmp_path / "kept.csv"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(SaveError, match="read-only"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_hard_linked_file_is_refused_so_the_links_stay_one_file(tmp_path):
    path, twin = tmp_path / "a.csv", tmp_path / "b.csv"
    path.write_bytes(b"old")
    os.link(path, twin)
    with pytest.raises(SaveError, match="2 hard links"):
        write_atomic(path, b"new")
    assert os.path.samefile(path, twin) and twin.read_bytes() == b"old"


HOLDER = textwrap.dedent(
    """
    import os, sys, time
    path = sys.argv[1]
    name = f".{os.path.basename(path)}.{os.getpid()}.live{'.cjm-tmp'}"
    with open(os.path.join(os.path.dirname(path), name), "wb") as f:
        f.write(b"half a save")
    print(name, flush=True)
    time.sleep(60)
    """
)


def test_a_save_leaves_another_live_process_temp_file_alone(tmp_path):
    target = tmp_path / "m.cjm.json"
    cjm_json.save(Journey(title="one"), target)
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        live = child.stdout.readline().strip()
        cjm_json.save(Journey(title="two"), target)
        cjm_json.load(target)
        assert _temps(tmp_path) == [live], "a live process's save in progress is kept"
    finally:
        child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]
    assert sweep_stale(target) == [live], "once its process is gone, it is swept"
    assert _temps(tmp_path) == []


def test_opening_a_map_sweeps_temp_files_of_dead_processes_only(tmp_path):
    target = tmp_path / "m.cjm.json"
    cjm_json.save(Journey(title="one"), target)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".m.cjm.json.{dead.stdout.strip()}.abc{TEMP_SUFFIX}"
    mine = tmp_path / f".m.cjm.json.{os.getpid()}.def{TEMP_SUFFIX}"
    other = tmp_path / f".other.cjm.json.{dead.stdout.strip()}.abc{TEMP_SUFFIX}"
    for p in (stale, mine, other):
        p.write_bytes(b"x")
    cjm_json.load(target)
    assert _temps(tmp_path) == sorted([mine.name, other.name])


ROUNDS = textwrap.dedent(
    """
    import sys
    from cjm_editor.formats import cjm_json
    from cjm_editor.model import Journey
    path, who, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    failed = 0
    body = "x" * 900_000  # a save that takes a while, so the two processes' saves overlap
    for i in range(rounds):
        try:
            cjm_json.save(Journey(id="shared", title=f"{who} {i}", description=body), path)
        except Exception as exc:
            failed += 1
            print(exc, file=sys.stderr)
    print(failed)
    """
)


@pytest.mark.timeout(300)
def test_fifty_concurrent_save_rounds_between_two_processes_lose_no_save(tmp_path):
    target = tmp_path / "shared.cjm.json"
    cjm_json.save(Journey(id="shared", title="start"), target)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", ROUNDS, str(target), who, "50"], stdout=subprocess.PIPE, text=True
        )
        for who in ("left", "right")
    ]
    results = [child.communicate()[0].strip() for child in children]
    assert [child.returncode for child in children] == [0, 0]
    assert results == ["0", "0"], "every save of both processes succeeded"
    assert cjm_json.load(target).journey.title in {"left 49", "right 49"}
    assert _temps(tmp_path) == [], "no temp file is left"
