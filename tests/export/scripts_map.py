"""A generated map in ten scripts, for reading the kit back (built here, not shipped)."""

from __future__ import annotations

import random

from cjm_editor.model import Card, Connection, EmotionPoint, Journey, Lane, Persona, Stage
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, LANE_KINDS, Vote

# Words of each script, joined into titles; each script's titles are checked on the worksheets.
SCRIPTS = {
    "latin": ["checkout", "delivery", "support", "refund", "invoice", "waiting", "parcel"],
    "greek": ["παράδοση", "πληρωμή", "υποστήριξη", "αναμονή", "λογαριασμός"],
    "cyrillic": ["доставка", "оплата", "поддержка", "ожидание", "посылка"],
    "chinese": ["配送", "付款", "客服", "等待", "退款", "包裹"],
    "japanese": ["配達", "お支払い", "サポート", "待ち時間", "返金"],
    "arabic": ["التوصيل", "الدفع", "الدعم", "الانتظار", "الطلب"],
    "hebrew": ["משלוח", "תשלום", "תמיכה", "המתנה", "הזמנה"],
    "devanagari": ["डिलीवरी", "भुगतान", "सहायता", "प्रतीक्षा", "ऑर्डर"],
    "thai": ["การจัดส่ง", "ชำระเงิน", "บริการ", "รอคอย", "คืนเงิน"],
    "emoji": ["📦", "🚚", "😀", "😡", "👍", "🎉"],
}
NAMES = list(SCRIPTS)


def title(script: str, rng: random.Random, words: int) -> str:
    pick = [rng.choice(SCRIPTS[script]) for _ in range(words)]
    if script == "emoji":
        return "Box " + " ".join(pick)
    joiner = "" if script in ("chinese", "japanese", "thai") else " "
    return joiner.join(pick)


def scripts_map(cards: int = 1_000, stages: int = 12, seed: int = 7) -> Journey:
    """`cards` cards over `stages` stages, each card's title in one of the ten scripts in turn, with
    bodies, five personas with card and stage emotion points (with notes), and a flow."""
    rng = random.Random(seed)
    j = Journey(id="scripts", title="Международная карта · 国际旅程 · خريطة · מפה")
    colours = ["#d1495b", "#2e86ab", "#3f9e4d", "#8e44ad", "#e67e22"]
    j.personas = [
        Persona(id=f"p{i}", name=n, colour=colours[i])
        for i, n in enumerate(["Maya", "Олег", "صفاء", "आरव", "ยุพา"])
    ]
    j.stages = [Stage(id=f"s{i}", name=f"{i + 1}. {title(NAMES[i % 10], rng, 1)}") for i in range(stages)]
    kinds = [k for k in LANE_KINDS if k != "emotions"]
    j.lanes = [Lane(id=f"l{i}", name=k.title(), kind=k) for i, k in enumerate(kinds)]
    j.lanes.append(Lane(id="le", name="Emotions", kind="emotions"))
    for i in range(cards):
        lane = j.lanes[i % len(kinds)]
        script = NAMES[i % 10]
        card = Card(
            stage_id=f"s{(i * stages) // cards}",
            lane_id=lane.id,
            kind=CARD_KIND_FOR_LANE[lane.kind],
            title=f"{title(script, rng, rng.randint(1, 4))} {i}",
            id=f"c{i}",
            body=title(NAMES[(i + 3) % 10], rng, rng.randint(0, 12)),
        )
        j.votes += [Vote(card.id, id=f"v{i}-{k}") for k in range(rng.choice([0, 0, 1, 3]))]
        if card.kind == "touchpoint":
            card.channel = rng.choice(["web", "app", "телефон"])
        elif card.kind == "metric":
            card.value, card.target, card.unit = rng.randint(1, 90), 80, "%"
        elif card.kind == "quote":
            card.source = f"Interview {rng.randint(1, 40)}"
        j.cards.append(card)
    for s in j.stages:
        for p in j.personas:
            note = title(NAMES[rng.randrange(10)], rng, 2)
            j.emotions.append(EmotionPoint(p.id, "stage", s.id, rng.randint(-2, 2), note=note))
    touch = [c for c in j.cards if c.kind == "touchpoint"]
    for p in j.personas:
        for c in rng.sample(touch, min(6, len(touch))):
            j.emotions.append(EmotionPoint(p.id, "card", c.id, -2, note="worst here"))
    for a, b in zip(touch, touch[1:], strict=False):
        j.connections.append(Connection(a.id, b.id, label=rng.choice(["", "", "then", "если"])))
    return j
