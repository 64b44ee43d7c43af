"""PySide6 6.12.0 on CPython 3.11 drops a None reference per void call and aborts (DESIGN.md pitfalls)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem


def test_void_calls_do_not_leak_none_references(qapp):
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(10_000):
        item.setPos(i % 50, 0)
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references over 10,000 setPos calls"
