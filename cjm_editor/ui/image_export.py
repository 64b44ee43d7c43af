"""The canvas as an image: PNG at a chosen scale, or SVG with text kept as text. Works offscreen."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from cjm_editor.formats import limits
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.errors import SaveError
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Journey
from cjm_editor.ui.canvas.scene import JourneyScene

DEFAULT_SCALE = 2.0  # for print


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
    try:
        size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(scene.backgroundBrush().color())
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
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
    size = QSize(round(source.width()), round(source.height()))
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
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
    finally:
        _restore(cached)
    write_atomic(path, bytes(data.data()))
    return size


def export_image(journey: Journey, path: str | os.PathLike[str], scale: float = DEFAULT_SCALE) -> QSize:
    """A map file's canvas as PNG or SVG (by the file's extension), without a window."""
    scene = JourneyScene(JourneyDocument(journey), QUndoStack())
    try:
        if os.fspath(path).lower().endswith(".svg"):
            return render_svg(scene, path, journey.title)
        return render_png(scene, path, scale)
    finally:
        scene.detach()
