"""What a facilitator scripts: `cjm votes MAP [--json]`, `cjm import ratings SURVEY.csv --into MAP`,
and the workshop part of `cjm info --json`."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cjm_editor.cli.messages import INVALID, OK, USAGE, err, import_refused, warnings
from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.model.journey import Journey
from cjm_editor.model.vocabulary import KIND_LABELS, counted
from cjm_editor.model.workshop import ranking, spreads, tally, who_voted


def workshop_info(j: Journey) -> dict[str, Any]:
    """Participants, votes and rating spreads, for `cjm info --json`."""
    stages = {s.id: s.name for s in j.stages}
    cards = {c.id: c.title for c in j.cards}
    personas = {p.id: p.name for p in j.personas}
    rated = {(r.persona_id, r.anchor_kind, r.anchor_id) for r in j.ratings}
    spread = spreads(j)
    return {
        "participants": [p.name for p in j.participants],
        "votes": len(j.votes),
        "dotsPerParticipant": j.workshop.dots,
        "votableKinds": list(j.workshop.votable),
        "ratings": len(j.ratings),
        "ratingSpreads": [
            {
                "persona": personas.get(persona, persona),
                kind: (stages if kind == "stage" else cards).get(anchor, anchor),
                "mean": round(s.mean, 3),
                "min": s.low,
                "max": s.high,
                "n": s.n,
            }
            for (persona, kind, anchor), s in spread.items()
            if (persona, kind, anchor) in rated
        ],
    }


def votes_dict(j: Journey) -> dict[str, Any]:
    """The ranking `cjm votes --json` prints: per kind, cards with votes, most first."""
    stages = {s.id: s.name for s in j.stages}
    return {
        "dotsPerParticipant": j.workshop.dots,
        "participants": [p.name for p in j.participants],
        "totalVotes": sum(tally(j).values()),
        "ranking": {
            kind: [
                {
                    "card": r.card.id,
                    "title": r.card.title,
                    "stage": stages.get(r.card.stage_id, ""),
                    "votes": r.votes,
                    "voters": list(r.voters),
                }
                for r in ranked
            ]
            for kind, ranked in ranking(j).items()
        },
    }


def cmd_votes(args: argparse.Namespace) -> int:
    try:
        result = cjm_json.load(args.file)
    except LoadError as exc:
        err(str(exc))
        return INVALID
    out = votes_dict(result.journey)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return OK
    voters = counted(len(out["participants"]), "participant")
    print(f"{result.journey.title}: {counted(out['totalVotes'], 'vote')} from {voters}")
    for kind, rows in out["ranking"].items():
        print(f"\n{KIND_LABELS.get(kind, kind)}")
        for i, row in enumerate(rows, start=1):
            who = f"  ({who_voted(row['voters'])})" if row["voters"] else ""
            print(f"  {i:>2}. {row['votes']:>3}  {row['title']}  [{row['stage']}]{who}")
    return OK


def cmd_import_ratings(args: argparse.Namespace) -> int:
    from cjm_editor.formats import csv_ratings
    from cjm_editor.formats.csv_cards import CsvRowsError

    try:
        scale = csv_ratings.parse_scale(args.scale)
    except ValueError as exc:
        err(f"--scale: {exc}")
        return USAGE
    try:
        base = cjm_json.load(args.into).journey
        result = csv_ratings.load(args.file, base, scale, skip_bad=args.skip_bad)
        cjm_json.save(result.journey, args.into)
    except (CsvRowsError, LoadError, SaveError) as exc:
        return import_refused(exc, args.file)
    warnings(result.report)
    new = f"; new personas: {', '.join(result.new_personas)}" if result.new_personas else ""
    people, quotes = counted(result.respondents, "new respondent"), counted(result.quotes, "quote")
    print(f"{args.into}: {counted(result.ratings, 'rating')} from {people}, {quotes}{new}")
    return OK


def add_ratings_import(kinds: Any) -> None:
    """`cjm import ratings SURVEY.csv --into MAP`."""
    p = kinds.add_parser("ratings", help="emotion ratings from a survey CSV, into a map")
    p.add_argument("file", metavar="SURVEY.csv")
    p.add_argument(
        "--into", required=True, metavar="MAP", help="add the ratings to this map (saved in place)"
    )
    p.add_argument("--scale", default="1..5", help="the survey's own score scale (default 1..5)")
    p.add_argument("--skip-bad", action="store_true", help="import the good rows and report the bad ones")
    p.set_defaults(run=cmd_import_ratings)


def add_commands(sub: Any) -> None:
    """`cjm votes`."""
    p = sub.add_parser("votes", help="the dot-voting results: cards ranked by votes per kind")
    p.add_argument("file", metavar="MAP")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_votes)
