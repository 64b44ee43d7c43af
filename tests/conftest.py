"""Shared fixtures: offscreen Qt before any Qt import; CJM_BLOCK_QT=1 makes PySide6 unimportable."""

from __future__ import annotations

import importlib.abc
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run; developers' runs keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _BlockQt(importlib.abc.MetaPathFinder):
    """Makes `import PySide6` fail, as on a machine without Qt."""

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001
        if fullname.split(".")[0] in ("PySide6", "shiboken6"):
            raise ModuleNotFoundError(f"No module named {fullname!r} (blocked by CJM_BLOCK_QT)")
        return None


if os.environ.get("CJM_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())

from cjm_editor.formats import cjm_json  # noqa: E402
from cjm_editor.model import JourneyDocument  # noqa: E402

SCHEMA_PATH = Path(cjm_json.__file__).with_name("schema.json")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAP_FIXTURE = FIXTURES / "freshbox.cjm.json"
"""The map most tests use: a copy of the sample as it was when the tests were written, kept here so
the shipped sample can change without changing what the tests check."""


@pytest.fixture(scope="session")
def schema_validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def sample_file() -> Path:
    return MAP_FIXTURE


@pytest.fixture
def journey(sample_file):
    return cjm_json.load(sample_file).journey


@pytest.fixture
def doc(journey) -> JourneyDocument:
    return JourneyDocument(journey)


@pytest.fixture(autouse=True)
def _written_maps_match_schema(request, schema_validator):
    """Every map a test saves in canonical form (that is, through our saver) validates against the schema."""
    if "tmp_path" not in request.fixturenames:
        yield
        return
    tmp_path: Path = request.getfixturevalue("tmp_path")  # taken now, so it is torn down after this check
    yield
    for path in tmp_path.rglob("*.cjm.json"):
        if not path.is_file() or path.stat().st_size > 8 * 2**20:  # a FIFO would block the read
            continue
        try:
            text = path.read_text(encoding="utf-8")
            value = json.loads(text)
            canonical = cjm_json.dumps(cjm_json.loads(text.encode()).journey) == text
        except Exception:
            continue  # a deliberately broken file
        if canonical:
            errors = sorted(schema_validator.iter_errors(value), key=str)
            assert not errors, f"{path} does not match the schema: {errors[0].message}"
