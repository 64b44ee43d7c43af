"""File → Export handouts: options, progress in the background, the report, opening the PDF."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cjm_editor.export.report import ExportReport


def test_export_dialog_writes_the_kit_and_offers_to_open_it(window, tmp_path, qtbot):
    dialog = window.export_handouts()
    opened = []
    dialog.open_file = opened.append
    out = tmp_path / "handouts.pdf"
    dialog.path.setText(str(out))
    dialog.parts["insights"].setChecked(False)
    dialog.paper.setCurrentText("Letter")
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert isinstance(dialog.outcome, ExportReport)
    reader = PdfReader(out)
    assert len(reader.pages) == dialog.outcome.pages > 11  # the overview is split for legible text
    assert round(float(reader.pages[0].mediabox.width)) == 792
    shown = dialog.report.toPlainText()
    assert f"Exported {len(reader.pages)} pages" in shown
    if dialog.outcome:  # the summary comes before the details
        assert shown.index("In short:") < shown.index("Details:")
        assert dialog.outcome.summary()[0] in shown
    assert opened == [str(out)]
    dialog.close()


def test_export_dialog_reports_a_failure_and_keeps_the_map(window, tmp_path, qtbot):
    dialog = window.export_handouts()
    dialog.open_file = lambda path: None
    dialog.path.setText(str(tmp_path / "missing-folder" / "kit.pdf"))
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert isinstance(dialog.outcome, str)
    assert "not exported" in dialog.report.toPlainText()
    assert window.undo_stack.count() == 0 and not window.isWindowModified()
    dialog.close()


def test_export_dialog_date_and_author_reach_the_pdf(window, tmp_path, qtbot):
    from PySide6.QtCore import QDate

    dialog = window.export_handouts()
    dialog.open_file = lambda path: None
    out = tmp_path / "dated.pdf"
    dialog.path.setText(str(out))
    dialog.date.setDate(QDate(2026, 3, 2))
    dialog.author.setText("Service design team")
    for part, box in dialog.parts.items():
        box.setChecked(part == "cover")
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    reader = PdfReader(out)
    assert reader.metadata.author == "Service design team"
    assert "2 March 2026" in reader.pages[0].extract_text()
    dialog.close()


def test_export_dialog_poster_scale_reaches_the_poster(window, tmp_path, qtbot):
    dialog = window.export_handouts()
    dialog.open_file = lambda path: None
    counts = []
    for scale in (1.0, 0.75):
        out = tmp_path / f"poster-{scale}.pdf"
        dialog.path.setText(str(out))
        for part, box in dialog.parts.items():
            box.setChecked(part == "poster")
        dialog.poster_scale.setValue(scale)
        dialog.outcome = None
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
        counts.append(len(PdfReader(out).pages))
    assert counts[1] < counts[0], "a smaller poster takes fewer sheets"
    dialog.close()
