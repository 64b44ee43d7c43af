"""PNG and SVG images of the canvas, headless."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage

from cjm_editor.ui.image_export import export_image, legend_height, render_png


def test_png_is_not_blank_and_has_the_scene_size_times_the_scale(journey, tmp_path, qapp):
    out = tmp_path / "map.png"
    size = export_image(journey, out, scale=1.5)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (size.width(), size.height())
    from cjm_editor.layout import compute

    g = compute(journey)
    legend = legend_height(journey, g.width + 80)
    assert legend >= 22, "a legend of personas and card kinds under the map"
    assert abs(image.width() - (g.width + 80) * 1.5) <= 1
    assert abs(image.height() - (g.height + 80 + legend) * 1.5) <= 1
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 30


def test_svg_is_xml_with_every_card_title_as_text(journey, tmp_path, qapp):
    out = tmp_path / "map.svg"
    export_image(journey, out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    texts = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    flat = re.sub(r"\s+", "", texts)
    for card in journey.cards:
        assert re.sub(r"\s+", "", card.title) in flat, card.title
    for persona in journey.personas:  # the legend
        assert re.sub(r"\s+", "", persona.name) in flat
    assert "Touchpoint" in texts and "Painpoint" in flat
    assert not [e for e in root.iter() if e.tag.endswith("image")], "cards are vectors, not bitmaps"


def test_the_window_exports_what_the_user_sees_whatever_the_zoom(window, tmp_path):
    window.canvas.zoom_by(0.3)
    window.scene.set_persona_visible("p-robert", False)
    out = tmp_path / "seen.png"
    size = render_png(window.scene, out, 1.0)
    rect = window.scene.sceneRect()
    legend = legend_height(window.document.journey, rect.width())
    assert (size.width(), size.height()) == (round(rect.width()), round(rect.height() + legend))
    assert not window.canvas.item_for("p-robert").isVisible()
