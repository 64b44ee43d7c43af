"""UI fixtures: a modal dialog a test did not expect fails the test instead of hanging it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError(f"unexpected modal QMessageBox: {args[1:3]}")

    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(fail))
    monkeypatch.setattr(QMessageBox, "exec", fail)
