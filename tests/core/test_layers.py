"""The core never imports Qt, and the package ships everything it needs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ["model", "formats", "layout", "analysis", "export"]


def test_core_imports_no_qt_in_a_fresh_interpreter():
    modules = [f"cjm_editor.{layer}" for layer in CORE]
    modules += [f"cjm_editor.{m}" for m in ("formats.cjm_json", "formats.templates", "cli")]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
    code += "print(bad); sys.exit(1 if bad else 0)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_package_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "cjm_editor").rglob("__init__.py")
    } | {"cjm_editor.resources"}
    assert found == listed


def test_shipped_resources_are_found_through_the_package():
    from cjm_editor.resources import resource

    assert resource("samples", "freshbox.cjm.json").is_file()
    assert sorted(p.name for p in resource("templates").iterdir() if p.name.endswith(".cjm.json"))
