"""Saves are atomic: a kill at any moment leaves the old file or the new one, and failures change nothing."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.formats.atomic import TEMP_SUFFIX
from cjm_editor.formats.errors import SaveError
from cjm_editor.model import Card, Journey, Lane, Stage

SAVER = textwrap.dedent(
    """
    import sys
    from cjm_editor.formats import cjm_json
    path, a, b = sys.argv[1:4]
    maps = [cjm_json.load(a).journey, cjm_json.load(b).journey]
    print("ready", flush=True)
    i = 0
    while True:
        cjm_json.save(maps[i % 2], path)
        i += 1
    """
)


def big_map(title: str, cards: int = 3000) -> Journey:
    j = Journey(id="crash", title=title)
    j.stages = [Stage(id=f"s{i}", name=f"Stage {i}") for i in range(8)]
    j.lanes = [Lane(id="l0", name="Touchpoints", kind="touchpoints")]
    j.cards = [
        Card(id=f"c{i}", stage_id=f"s{i % 8}", lane_id="l0", kind="touchpoint", title=f"{title} {i}")
        for i in range(cards)
    ]
    return j


def temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_sigkill_during_saves_never_corrupts_the_file(tmp_path):
    a, b = tmp_path / "a.cjm.json", tmp_path / "b.cjm.json"
    cjm_json.save(big_map("Old"), a)
    cjm_json.save(big_map("New"), b)
    versions = {a.read_bytes(), b.read_bytes()}
    target = tmp_path / "work" / "map.cjm.json"
    target.parent.mkdir()
    shutil.copy(a, target)
    rng = random.Random(7)
    leftovers = 0
    for attempt in range(200):  # at least 50 kills, and more until one has landed mid-write
        if attempt >= 50 and leftovers:
            break
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), str(a), str(b)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert target.read_bytes() in versions
        left = len(temps(target.parent))
        leftovers += left
        assert not cjm_json.load(target).report
        assert temps(target.parent) == [], "opening the map sweeps the temp files a killed save left"
    assert leftovers > 0, "some kills landed in the middle of a write"
    cjm_json.save(big_map("Final", 10), target)
    assert temps(target.parent) == []
    assert cjm_json.load(target).journey.title == "Final"


def test_save_keeps_permissions_and_writes_through_symlinks(tmp_path):
    real = tmp_path / "real.cjm.json"
    cjm_json.save(big_map("One", 5), real)
    os.chmod(real, 0o640)
    link = tmp_path / "link.cjm.json"
    link.symlink_to(real)
    cjm_json.save(big_map("Two", 5), link)
    assert link.is_symlink()
    assert os.stat(real).st_mode & 0o777 == 0o640
    assert cjm_json.load(real).journey.title == "Two"


@contextlib.contextmanager
def unwritable(folder: Path):
    """Make a folder refuse new entries, also for root (immutable attribute)."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("cannot make a folder read-only for root here (chattr unavailable)")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_save_into_read_only_folder_fails_cleanly(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "map.cjm.json"
    cjm_json.save(big_map("Old", 20), target)
    before = target.read_bytes()
    with unwritable(folder), pytest.raises(SaveError, match="cannot write in"):
        cjm_json.save(big_map("New", 20), target)
    assert target.read_bytes() == before
    assert temps(folder) == []


DISK_FULL = textwrap.dedent(
    """
    import resource, signal, sys
    from cjm_editor.formats import cjm_json
    from cjm_editor.formats.errors import SaveError
    journey = cjm_json.load(sys.argv[2]).journey
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    try:
        cjm_json.save(journey, sys.argv[1])
    except SaveError as exc:
        print(exc)
        sys.exit(3)
    """
)


def test_disk_full_leaves_old_file_byte_identical(tmp_path):
    target = tmp_path / "map.cjm.json"
    cjm_json.save(big_map("Old", 20), target)
    before = target.read_bytes()
    source = tmp_path / "big.cjm.json"
    cjm_json.save(big_map("New", 3000), source)
    run = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(target), str(source)], capture_output=True, text=True
    )
    assert run.returncode == 3, run.stderr
    assert "the save failed and the file was left as it was" in run.stdout
    assert "File too large" in run.stdout
    assert target.read_bytes() == before
    assert temps(tmp_path) == []
