"""The fuzzing budget: small in every run, large with `./test.sh --fuzz` (CJM_FUZZ=long).

The long run prints, per target, how many inputs went through and the slowest one, and the peak
memory of the process.
"""

from __future__ import annotations

import os
import resource
from datetime import timedelta

from hypothesis import HealthCheck, settings

LONG = os.environ.get("CJM_FUZZ") == "long"


def budget(short: int, long: int) -> settings:
    """Hypothesis settings for a fuzz test: `short` examples normally, `long` in the long run (where an
    input slower than 10 s fails the run as a hang)."""
    return settings(
        max_examples=long if LONG else short,
        deadline=timedelta(seconds=10) if LONG else None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ANN001, ARG001
    from tests.fuzz.check import STATS

    if not STATS:
        return
    write = terminalreporter.write_line
    write("")
    write(
        f"fuzzing ({'long run' if LONG else 'short budget'}): "
        "inputs, slowest input, most memory one input took"
    )
    for target, (count, slowest, memory) in sorted(STATS.items()):
        write(f"  {target:<40} {int(count):>7,}   {slowest:7.3f} s   {memory:7,.0f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    write(f"  peak memory of the test process: {peak:,.0f} MB (largest child process: {children:,.0f} MB)")
