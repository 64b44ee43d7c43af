"""Pain points, most voted first (by the votes recorded in the map, with who voted), each with the
opportunities that address it, then the opportunities that address none. Which opportunity addresses
which pain point is the model's one rule (model/pairing.py), the one the insights use too; it is
printed above the table. The header repeats on every page; a row taller than the room left goes on
over the next page, marked "continued"."""

from __future__ import annotations

from cjm_editor.export.pages import Pages
from cjm_editor.export.textline import isolated
from cjm_editor.export.writer import LEADING, wrap
from cjm_editor.layout import palette
from cjm_editor.model.journey import Card, Journey
from cjm_editor.model.pairing import RULE, SAME_STAGE, pairings
from cjm_editor.model.vocabulary import counted
from cjm_editor.model.workshop import tally, voters, who_voted

TITLE = "Pain points and opportunities"
COLUMNS = (
    ("Pain point", 0.27),
    ("Votes", 0.06),
    ("Voted by", 0.15),
    ("Stage", 0.12),
    ("Owner", 0.1),
    ("Opportunities", 0.3),
)
UNPAIRED = (("Opportunity", 0.48), ("Votes", 0.07), ("Stage", 0.2), ("Owner", 0.25))
SIZE = 8.5
PAD = 4.0

Row = tuple[str, ...]


def _voted(c: Card, votes: int, how: str) -> str:
    also = " (same stage)" if how == SAME_STAGE else ""
    return f"{isolated(c.title)} [{counted(votes, 'vote')}]{also}"


def pairs(j: Journey) -> tuple[list[tuple[Card, list[tuple[Card, str]]]], list[Card]]:
    """Each pain point (most voted first, then by stage) with the opportunities that address it and
    how (model/pairing.py), and the opportunities that address none (most voted first)."""
    order = {s.id: i for i, s in enumerate(j.stages)}
    counts = tally(j)  # the votes recorded in the map (model/workshop.py)
    paired, unpaired = pairings(j)
    pains = sorted(paired, key=lambda p: (-counts[p.pain.id], order.get(p.pain.stage_id, 0)))
    left = sorted(unpaired, key=lambda c: (-counts[c.id], order.get(c.stage_id, 0)))
    return [(p.pain, list(p.ideas)) for p in pains], left


def rows(p: Pages) -> tuple[list[Row], list[Row]]:
    names = {s.id: s.name for s in p.j.stages}
    counts, who = tally(p.j), voters(p.j)
    paired, unpaired = pairs(p.j)
    return (
        [
            (
                c.title,
                str(counts[c.id]),
                who_voted(who.get(c.id, [])) or "–",
                names.get(c.stage_id, ""),
                c.owner or "–",
                "\n".join(_voted(i, counts[i.id], how) for i, how in ideas) or "–",
            )
            for c, ideas in paired
        ],
        [(c.title, str(counts[c.id]), names.get(c.stage_id, ""), c.owner or "–") for c in unpaired],
    )


class _Table:
    def __init__(self, p: Pages, columns: tuple[tuple[str, float], ...], title: str) -> None:
        self.p, self.columns, self.title = p, columns, title
        self.body = p.body()
        self.widths = [self.body.w * share for _, share in columns]
        self.y = self.body.top

    def new_page(self, heading: str) -> None:
        self.body = self.p.new(heading)
        self.y = self.body.top

    def header(self) -> None:
        p, h = self.p, 18.0
        p.w.fill(palette.HEADER_BG)
        p.c.rect(self.body.x, self.y - h, self.body.w, h, stroke=0, fill=1)
        x = self.body.x
        for (title, _), wd in zip(self.columns, self.widths, strict=True):
            p.w.fill(palette.HEADER_TEXT)
            p.w.string(x + PAD, self.y - 13, title, 9, True, "table header")
            x += wd
        self.y -= h

    def row(self, row: Row, shade: bool) -> None:
        p, step = self.p, SIZE * LEADING
        cells = [wrap(text, wd - 2 * PAD, SIZE) for text, wd in zip(row, self.widths, strict=True)]
        start, total = 0, max(len(lines) for lines in cells)
        while start < total:
            room = int((self.y - self.body.y - 2 * PAD) // step)
            if room < min(2, total - start):  # no room for the row's next lines here
                self.new_page(f"{self.title} (continued)")
                self.header()
                continue
            count = min(room, total - start)
            more = start + count < total
            height = count * step + 2 * PAD + (step if more else 0)
            if shade:
                p.w.fill(palette.CANVAS_BG)
                p.c.rect(self.body.x, self.y - height, self.body.w, height, stroke=0, fill=1)
            x = self.body.x
            for lines, wd in zip(cells, self.widths, strict=True):
                ty = self.y - PAD - SIZE
                p.w.fill(palette.TEXT)
                for line in lines[start : start + count]:
                    p.w.string(x + PAD, ty, line, SIZE, False, f"pain point “{row[0][:40]}”")
                    ty -= step
                x += wd
            if more:
                p.w.fill(palette.MUTED)
                p.w.string(self.body.x + PAD, self.y - height + PAD, "continued on the next page …", 7.5)
                p.w.report.split_rows.append(f"“{row[0][:40]}”")
            if start:
                p.w.fill(palette.MUTED)
                p.w.string(self.body.right - PAD, self.y - PAD - SIZE, "(continued)", 7.5, align="right")
            self.y -= height
            start += count


def draw(p: Pages) -> None:
    paired, unpaired = rows(p)
    p.new(TITLE, bookmark=TITLE)
    table = _Table(p, COLUMNS, TITLE)
    p.w.fill(palette.MUTED)
    for line in wrap(RULE, table.body.w, 8):
        p.w.string(table.body.x, table.y - 9, line, 8, False, "pairing rule")
        table.y -= 8 * LEADING
    table.y -= 16 - 8 * LEADING
    if not paired:
        p.w.string(table.body.x, table.y - 12, "The map has no pain points yet.", 9.5, False, "pains")
        table.y -= 20
    else:
        table.header()
        for i, row in enumerate(paired):
            table.row(row, i % 2 == 1)
    if not unpaired:
        return
    if table.y - table.body.y < 80:
        table.new_page(f"{TITLE} (continued)")
    unpaired_table = _Table(p, UNPAIRED, TITLE)
    unpaired_table.body, unpaired_table.y = table.body, table.y - 14
    p.w.fill(palette.TEXT)
    p.w.string(table.body.x, unpaired_table.y - 10, "Opportunities not paired with a pain point", 10.5, True)
    unpaired_table.y -= 18
    unpaired_table.header()
    for i, row in enumerate(unpaired):
        unpaired_table.row(row, i % 2 == 1)
