"""The canvas as an image: PNG at a chosen scale, or SVG with text kept as text, with a legend of the
personas' curves and the card kinds under the map. Works offscreen."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QUndoStack
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.errors import SaveError
from cjm_editor.layout import MapGeometry, palette
from cjm_editor.model import JourneyDocument, limits
from cjm_editor.model.journey import Journey
from cjm_editor.ui.canvas.scene import JourneyScene

DEFAULT_SCALE = 2.0  # for print
ROW = 22.0  # legend row height, in canvas units
FONT_PX = 11.0
SWATCH = 30.0


def _legend_entries(j: Journey, g: MapGeometry | None) -> list[tuple[str, str, str]]:
    """(what, label, colour or kind): the personas, the kinds of card the map has, then the key of
    connection labels that had no room beside their arrows (numbered on the map)."""
    from cjm_editor.export.legend import label_key  # with reportlab: loaded on the first export

    out = [("persona", p.name, p.colour) for p in j.personas]
    kinds = [k for k in palette.CARD_COLOURS if any(c.kind == k for c in j.cards)]
    out += [("kind", palette.KIND_LABELS.get(k, k), k) for k in kinds]
    lines = label_key(j, g) if g is not None else []
    return out + [("key", line, "") for line in (["Arrow labels:", *lines] if lines else [])]


def _font() -> QFont:
    font = QFont()
    font.setPixelSize(round(FONT_PX))
    return font


def _legend_rows(
    j: Journey, width: float, g: MapGeometry | None = None
) -> list[list[tuple[float, tuple[str, str, str]]]]:
    """The legend's entries placed left to right in rows no wider than the map."""
    metrics = QFontMetricsF(_font())
    rows: list[list[tuple[float, tuple[str, str, str]]]] = [[]]
    x = 12.0
    for entry in _legend_entries(j, g):
        w = (0 if entry[0] == "key" else SWATCH + 6) + metrics.horizontalAdvance(entry[1])
        if rows[-1] and x + w > width - 12:
            rows.append([])
            x = 12.0
        rows[-1].append((x, entry))
        x += w + 18
    return rows if rows[0] else []


def legend_height(j: Journey, width: float, g: MapGeometry | None = None) -> float:
    rows = _legend_rows(j, width, g)
    return len(rows) * ROW + 10 if rows else 0.0


def paint_legend(
    painter: QPainter, j: Journey, top: float, width: float, g: MapGeometry | None = None
) -> None:
    """The legend in canvas units, from `top` down (the painter maps canvas units to the device)."""
    painter.setFont(_font())
    for r, row in enumerate(_legend_rows(j, width, g)):
        y = top + 5 + r * ROW + ROW / 2
        for x, (what, label, value) in row:
            if what == "key":
                painter.setPen(QColor(palette.TEXT))
                painter.drawText(QPointF(x, y + FONT_PX * 0.36), label)
                continue
            if what == "persona":
                painter.setPen(QPen(QColor(value), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawLine(QPointF(x, y), QPointF(x + SWATCH - 4, y))
                painter.setPen(QPen(QColor("#ffffff"), 1.2))
                painter.setBrush(QColor(value))
                painter.drawEllipse(QPointF(x + (SWATCH - 4) / 2, y), 4.5, 4.5)
            else:
                fill, accent = palette.CARD_COLOURS.get(value, palette.CARD_COLOURS["note"])
                painter.setPen(QPen(QColor(accent), 1.2))
                painter.setBrush(QColor(fill))
                painter.drawRoundedRect(QRectF(x, y - 7, SWATCH - 6, 14), 3, 3)
            painter.setPen(QColor(palette.TEXT))
            painter.drawText(QPointF(x + SWATCH + 2, y + FONT_PX * 0.36), label)


def _prepared(scene: JourneyScene) -> tuple[QRectF, list[tuple[QGraphicsItem, QGraphicsItem.CacheMode]]]:
    """Clear the selection and turn off item caches (a cached item would paint as a bitmap)."""
    scene.clearSelection()
    cached = [
        (item, item.cacheMode())
        for item in scene.items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    return scene.sceneRect(), cached


def _restore(cached: list[tuple[QGraphicsItem, QGraphicsItem.CacheMode]]) -> None:
    for item, mode in cached:
        item.setCacheMode(mode)


def render_png(scene: JourneyScene, path: str | os.PathLike[str], scale: float = DEFAULT_SCALE) -> QSize:
    """Write the whole canvas as a PNG, `scale` pixels per canvas unit; returns the image size.
    Raises SaveError, naming the limit, for a scale or an image size past limits."""
    hit = limits.image_scale(scale)
    if hit is None:
        rect = scene.sceneRect()
        hit = limits.image_size(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    if hit is not None:
        raise SaveError(f"{os.fspath(path)}: {hit}; nothing was written (try a smaller --scale)")
    source, cached = _prepared(scene)
    j = scene.doc.journey
    extra = legend_height(j, source.width(), scene.geometry)
    try:
        size = QSize(max(1, round(source.width() * scale)), max(1, round((source.height() + extra) * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(scene.backgroundBrush().color())
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        map_h = round(source.height() * scale)
        scene.render(painter, QRectF(0, 0, size.width(), map_h), source)
        painter.scale(scale, scale)
        paint_legend(painter, j, source.height(), source.width(), scene.geometry)
        painter.end()
    finally:
        _restore(cached)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes a str here
    write_atomic(path, bytes(data.data()))
    return size


def render_svg(scene: JourneyScene, path: str | os.PathLike[str], title: str = "") -> QSize:
    """Write the whole canvas as SVG; text stays text, so it can be searched and edited."""
    source, cached = _prepared(scene)
    j = scene.doc.journey
    extra = legend_height(j, source.width(), scene.geometry)
    size = QSize(round(source.width()), round(source.height() + extra))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("A customer journey map made with cjm-editor")
    try:
        painter = QPainter(generator)
        scene.render(painter, QRectF(0, 0, size.width(), round(source.height())), source)
        paint_legend(painter, j, source.height(), source.width(), scene.geometry)
        painter.end()
    finally:
        _restore(cached)
    write_atomic(path, bytes(data.data()))
    return size


def export_image(journey: Journey, path: str | os.PathLike[str], scale: float = DEFAULT_SCALE) -> QSize:
    """A map file's canvas as PNG or SVG (by the file's extension), without a window."""
    scene = JourneyScene(JourneyDocument(journey), QUndoStack())
    # One render needs no spatial index; Qt's BSP index of many overlapping arrows (every connection
    # between two cells) grows past a gigabyte on the first render.
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    try:
        if os.fspath(path).lower().endswith(".svg"):
            return render_svg(scene, path, journey.title)
        return render_png(scene, path, scale)
    finally:
        scene.detach()
