"""The core never imports Qt, and the package ships everything it needs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ["model", "formats", "layout", "analysis", "export", "collab", "handouts"]


def core_modules() -> list[str]:
    """Every module of the core layers (not only their packages' __init__, which import little)."""
    out = []
    for layer in CORE:
        folder = ROOT / "cjm_editor" / layer
        files = sorted(folder.rglob("*.py")) if folder.is_dir() else [folder.with_suffix(".py")]
        for path in files:
            parts = path.relative_to(ROOT).with_suffix("").parts
            out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def test_the_module_list_is_the_core():
    modules = core_modules()
    assert "cjm_editor.export.kit" in modules and "cjm_editor.model.document" in modules
    assert len(modules) > 40


def test_core_imports_no_qt_in_a_fresh_interpreter():
    modules = [*core_modules(), "cjm_editor.cli", "cjm_editor.cli.interop"]
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
    found |= {f"cjm_editor.resources.{d.name}" for d in (ROOT / "resources").iterdir() if d.is_dir()}
    assert found == listed


def test_shipped_resources_are_found_through_the_package():
    from cjm_editor.resources import resource

    assert resource("samples", "freshbox.cjm.json").is_file()
    assert sorted(p.name for p in resource("templates").iterdir() if p.name.endswith(".cjm.json"))
