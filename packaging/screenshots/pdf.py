"""The README's two worksheet pictures, printed by the real kit and rendered with pypdfium2:
`python packaging/screenshots/pdf.py OUT_DIR`.

stage-worksheet.png is the sample's Sign up worksheet; pdf-worksheet-multilingual.png is the first
worksheet of a small map written in ten scripts (built below), right-to-left lines included.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pypdfium2 as pdfium  # noqa: E402

from cjm_editor.export.options import KitOptions  # noqa: E402
from cjm_editor.formats import cjm_json  # noqa: E402
from cjm_editor.formats.templates import sample_path  # noqa: E402
from cjm_editor.handouts import export_kit  # noqa: E402
from cjm_editor.model.journey import Card, EmotionPoint, Journey, Lane, Persona, Stage, Vote  # noqa: E402

WIDTH = 1280  # pixels across a landscape A4 page


def multilingual() -> Journey:
    """One delivery stage told in Greek, Russian, Chinese, Japanese, Hebrew, Arabic, Hindi, Thai,
    French and emoji, with three personas' faces and votes."""
    j = Journey(id="multilingual", title="Livraison · Доставка · 配送 · משלוח · التوصيل")
    j.stages = [
        Stage(
            id="s1",
            name="Delivery · Доставка · 配達 · التوصيل",
            description="The box arrives: Ελληνικά, русский, 中文, 日本語, עברית, العربية, हिन्दी, ไทย 📦",
        ),
        Stage(id="s2", name="Cooking · Готовка · 料理"),
    ]
    kinds = ("touchpoints", "thoughts", "pain-points", "opportunities")
    j.lanes = [Lane(id=f"l-{k}", name=k.capitalize(), kind=k) for k in kinds]
    j.personas = [
        Persona(id="p1", name="Maya", colour="#d1495b"),
        Persona(id="p2", name="Олег", colour="#2e86ab"),
        Persona(id="p3", name="صفاء", colour="#3f9e4d"),
    ]

    def card(i: int, lane: str, kind: str, title: str, **fields: str) -> Card:
        return Card("s1", f"l-{lane}", kind, title, id=f"c{i}", **fields)  # type: ignore[arg-type]

    j.cards = [
        card(
            1,
            "touchpoints",
            "touchpoint",
            "SMS: your box is on its way 🚚",
            channel="sms",
            owner="Logistics",
            body="Sent at 7:00 with a two-hour window.",
        ),
        card(2, "touchpoints", "touchpoint", "Παράδοση στην πόρτα", channel="door", owner="Courier"),
        card(3, "touchpoints", "touchpoint", "Звонок курьера за 10 минут", channel="phone"),
        card(4, "touchpoints", "touchpoint", "配達時間の変更 (アプリ)", channel="app"),
        card(5, "thoughts", "quote", "“الصندوق وصل باردًا وكل شيء طازج” 😀", source="مقابلة ٣"),
        card(6, "thoughts", "quote", "“החבילה הגיעה מוקדם מהצפוי”", source="ראיון 7"),
        card(7, "thoughts", "quote", "“डिलीवरी समय पर हुई, धन्यवाद!”", source="साक्षात्कार 12"),
        card(8, "pain-points", "pain-point", "ไม่มีใครอยู่บ้านตอนส่งของ", body="ผู้ส่งต้องกลับมาใหม่"),
        card(9, "pain-points", "pain-point", "配送窗口太宽 (4小时)"),
        card(10, "opportunities", "opportunity", "Safe-place photo on delivery 📷"),
        card(11, "opportunities", "opportunity", "Choisir un créneau d’une heure"),
    ]
    j.emotions = [
        EmotionPoint("p1", "card", "c2", -2, id="e1", note="Left at the wrong door"),
        EmotionPoint("p1", "stage", "s1", 1, id="e2", note="Loves the tracking map"),
        EmotionPoint("p2", "stage", "s1", 0, id="e3"),
        EmotionPoint("p3", "stage", "s1", 2, id="e4", note="وصل في الوقت"),
    ]
    dots = {"c8": 5, "c9": 3, "c10": 4, "c11": 2}
    j.votes = [Vote(card_id, id=f"v-{card_id}-{k}") for card_id, n in dots.items() for k in range(n)]
    return j


def worksheet(journey: Journey, stage_number: int, out: Path) -> None:
    """The first page of a stage's worksheet, as a PNG WIDTH pixels across."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "kit.pdf"
        options = KitOptions(kit=("stages",), date=date(2026, 12, 2))
        export_kit(journey, options, pdf_path)
        pdf = pdfium.PdfDocument(str(pdf_path))
        page = _first_page_of(pdf, stage_number)
        page.render(scale=WIDTH / page.get_width()).to_pil().save(out)
        pdf.close()


def _first_page_of(pdf: pdfium.PdfDocument, stage_number: int) -> pdfium.PdfPage:
    for index in range(len(pdf)):
        text = pdf[index].get_textpage().get_text_range()
        if text.lstrip().startswith(f"Stage {stage_number}:"):
            return pdf[index]
    raise SystemExit(f"no worksheet for stage {stage_number}")


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    worksheet(cjm_json.load(sample_path()).journey, 3, out / "stage-worksheet.png")
    worksheet(multilingual(), 1, out / "pdf-worksheet-multilingual.png")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
