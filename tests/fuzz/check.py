"""The promises every input is held to, shared by the corpus and the generated inputs.

A loader returns a map or raises LoadError `FILE: LOCATION: message` on one line; a map that loads
saves and loads again equal with nothing new repaired; every exporter writes it; links never lead out
of the map's folder. Each check counts its inputs and the slowest one in STATS, which the fuzz run
prints at the end with the process's peak memory.
"""

from __future__ import annotations

import os
import resource
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from cjm_editor.analysis.links import link_graph
from cjm_editor.formats import cjm_json, csv_cards
from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.formats.mermaid import convert, write
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Journey

STATS: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
"""target -> [inputs, slowest seconds, most memory one input took in MB]: how far the process's peak
rose over the memory it held when the input began (0 when the input stayed below an earlier peak, so
the figure is the largest memory any one input needed, whatever the test process keeps between them)."""


def _rss_mb() -> float:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _start() -> tuple[float, float, float]:
    return time.perf_counter(), _rss_mb(), _peak_mb()


def _count(target: str, started: tuple[float, float, float]) -> None:
    took = time.perf_counter() - started[0]
    peak = _peak_mb()
    entry = STATS[target]
    entry[0] += 1
    entry[1] = max(entry[1], took)
    if peak > started[2]:
        entry[2] = max(entry[2], peak - started[1])


def _error_is_one_line(err: LoadError, name: str, source: str = "") -> None:
    text = str(err)
    assert text.startswith(f"{name}: "), text[:200]
    assert len(text.splitlines()) == 1, text[:200]
    if "\ufb02\u00b0" not in source:  # unless the text itself holds the marker
        assert "\ufb02\u00b0" not in text, "an error shows Mermaid's internal entity encoding"


def _report_is_one_line_each(report: LoadReport) -> None:
    for line in report.lines():
        assert len(line.splitlines()) == 1, line[:200]


def idempotent(journey: Journey) -> Journey:
    """Save and load twice: nothing to repair, nothing changed."""
    first = cjm_json.loads(cjm_json.dumps(journey).encode(), "again.cjm.json")
    assert not first.report, first.report.lines()
    second = cjm_json.loads(cjm_json.dumps(first.journey).encode(), "again.cjm.json")
    assert first.journey == second.journey and not second.report
    return first.journey


def check_json(data: bytes, name: str = "fuzz.cjm.json") -> Journey | None:
    started = _start()
    try:
        result = cjm_json.loads(data, name)
    except LoadError as err:
        _error_is_one_line(err, name, data.decode("utf-8", "replace"))
        return None
    finally:
        _count("json loader", started)
    JourneyDocument(result.journey)  # the repaired map satisfies the document's invariants
    _report_is_one_line_each(result.report)
    started = _start()
    journey = idempotent(result.journey)
    _count("repair (load, save, load)", started)
    return journey


def check_mermaid(data: bytes, name: str = "fuzz.mmd") -> Journey | None:
    started = _start()
    text = data.decode("utf-8", "replace")
    try:
        result = convert.from_text(text, name)
    except LoadError as err:
        _error_is_one_line(err, name, text)
        return None
    finally:
        _count("mermaid loader", started)
    JourneyDocument(result.journey)
    _report_is_one_line_each(result.report)
    return idempotent(result.journey)


def check_csv(data: bytes, name: str = "fuzz.csv", skip_bad: bool = False) -> Journey | None:
    started = _start()
    try:
        result = csv_cards.from_bytes(data, name, skip_bad=skip_bad)
    except LoadError as err:
        _error_is_one_line(err, name, data.decode("utf-8", "replace"))
        return None
    finally:
        _count("csv loader", started)
    JourneyDocument(result.journey)
    _report_is_one_line_each(result.report)
    return idempotent(result.journey)


def round_trip_csv(journey: Journey) -> None:
    """CSV export imports again: the same cards, titles and scores."""
    back = csv_cards.from_bytes(csv_cards.to_bytes(journey), "back.csv").journey
    assert [c.title.strip() for c in back.cards] == [c.title.strip() for c in journey.cards]
    if journey.cards:  # the scale rides on the rows
        assert (back.scale.min, back.scale.max) == (journey.scale.min, journey.scale.max)


def round_trip_mermaid(journey: Journey) -> None:
    """Mermaid export is text Mermaid accepts, with one task per touchpoint."""
    text, _ = write.to_text(journey)
    back = convert.from_text(text, "back.mmd").journey
    in_stages = {s.id for s in journey.stages}
    touch = [c for c in journey.cards if c.kind == "touchpoint" and c.stage_id in in_stages]
    assert len(back.cards) == len(touch), text[:500]


def check_exports(journey: Journey, folder: Path, image: bool = True) -> None:
    """Every exporter writes the map; the text formats read back."""
    from cjm_editor.export.options import KitOptions
    from cjm_editor.handouts import export_kit

    started = _start()
    round_trip_csv(journey)
    round_trip_mermaid(journey)
    report = export_kit(journey, KitOptions(date=date(2026, 1, 1)), folder / "kit.pdf")
    assert report.pages >= 1
    assert (folder / "kit.pdf").read_bytes().startswith(b"%PDF")
    if image:
        from cjm_editor.ui.image_export import export_image

        export_image(journey, folder / "map.png", 0.25)
        export_image(journey, folder / "map.svg")
    _count("exporters (csv, mermaid, pdf" + (", png, svg)" if image else ")"), started)


def check_links(journey: Journey, map_path: Path) -> None:
    """Following links reads only regular files inside the map's folder, and ends."""
    root = Path(os.path.realpath(map_path)).parent
    read: list[Path] = []

    def load(path: Path) -> Journey | None:
        assert path.is_relative_to(root), f"followed a link out of the folder: {path}"
        assert path.is_file()
        read.append(path)
        return cjm_json.load_or_none(path)

    started = _start()
    link_graph(journey, map_path, load)
    _count("links", started)


def unknown_fields_survive(value: dict[str, object], journey: Journey) -> None:
    """Every top-level field this version does not know is in the saved file again."""
    import json

    saved = json.loads(cjm_json.dumps(journey))
    for key, item in value.items():
        if key.startswith("top-"):
            assert saved.get(key) == item, key
    unknown = {"future", "x-note", "order2", "Ünï", "__proto__"}  # strategies.EXTRAS
    for kind in ("personas", "stages", "lanes", "cards", "emotions", "connections", "participants"):
        given = value.get(kind)
        if not isinstance(given, list):
            continue
        ids = [e.get("id") for e in given]
        kept = {e.get("id"): e for e in saved.get(kind, [])}
        for element in given:
            if ids.count(element.get("id")) == 1 and element.get("id") in kept:
                extra = {k: v for k, v in element.items() if k in unknown}
                back = {k: v for k, v in kept[element["id"]].items() if k in unknown}
                assert back == extra, (kind, element.get("id"), extra, back)
