"""Every hostile case of the corpus gets a map or one clear error, never a traceback or a hang; what
loads saves and loads again unchanged and goes through every exporter."""

from __future__ import annotations

import pytest

from tests.fuzz import check
from tests.fuzz.corpus import Case, all_cases

LOADERS = {"json": check.check_json, "mermaid": check.check_mermaid, "csv": check.check_csv}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", all_cases(), ids=lambda c: f"{c.kind}: {c.name}")
def test_hostile_case(case: Case, tmp_path):
    journey = LOADERS[case.kind](case.data)
    assert (journey is not None) == case.loads
    if journey is not None:
        check.check_exports(journey, tmp_path, image=False)
