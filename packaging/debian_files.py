"""Writes the Debian copyright file (machine-readable format), changelog and manual pages for the .deb.

    python packaging/debian_files.py copyright
    python packaging/debian_files.py changelog VERSION "NAME <EMAIL>"
    python packaging/debian_files.py manpage cjm VERSION              (from the installed cjm_editor.cli)
    cjm-editor --help | python packaging/debian_files.py manpage cjm-editor VERSION

The copyright file is made from resources/licenses/credits.json, the list the About dialog shows;
each full licence text is in /usr/share/doc/cjm-editor/licenses/ as well.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METAINFO = ROOT / "packaging" / "io.github.cjm_editor.cjm_editor.metainfo.xml"
DOC = "/usr/share/doc/cjm-editor/licenses"


def copyright_file() -> str:
    credits = json.loads((ROOT / "resources" / "licenses" / "credits.json").read_text(encoding="utf-8"))
    out = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: cjm-editor",
        "",
        "Files: *",
        "Copyright: 2026 The cjm-editor authors",
        "License: Expat",
    ]
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8").split("\n", 3)[3]
    out += [" " + line if line.strip() else " ." for line in mit.strip().splitlines()]
    out += [
        "",
        "Files: opt/cjm-editor/_internal/*",
        "Copyright: the authors of each component listed below",
        "License: various",
        " The application bundle contains the components below, each under its own licence:",
    ]
    for credit in credits[1:]:
        name = Path(credit["file"]).name
        out.append(f" {credit['name']} ({credit['use']}): {credit['licence']}; full text in {DOC}/{name}")
    out += [
        " .",
        " Also bundled: Pillow and charset-normalizer, installed with ReportLab",
        " (licence texts in their .dist-info folders inside the bundle).",
        "",
    ]
    return "\n".join(out)


def _release_day(version: str) -> datetime:
    """The date of this version's release in the AppStream metainfo (noon UTC)."""
    xml = METAINFO.read_text(encoding="utf-8")
    match = re.search(rf'<release version="{re.escape(version)}" date="([0-9-]+)"', xml)
    if not match:
        sys.exit(f"{METAINFO.name}: no <release> for version {version}")
    return datetime.strptime(match.group(1), "%Y-%m-%d").replace(hour=12, tzinfo=UTC)


def changelog(version: str, maintainer: str) -> str:
    """One entry for this version, dated like its release."""
    day = _release_day(version)
    return (
        f"cjm-editor ({version}) unstable; urgency=medium\n\n"
        f"  * Release {version}; the release notes are in the AppStream metainfo.\n\n"
        f" -- {maintainer}  {format_datetime(day)}\n"
    )


SUMMARIES = {
    "cjm": "customer journey maps from the command line",
    "cjm-editor": "desktop editor for customer journey maps",
}
SEE_ALSO = {"cjm": "cjm-editor", "cjm-editor": "cjm"}


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    """The help of a parser and of each of its subcommands, depth first."""
    out = [parser.format_help()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out += _helps(sub)
    return out


def _roff(text: str) -> str:
    lines = []
    for line in text.replace("\\", "\\e").replace("-", "\\-").splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def manpage(name: str, version: str, help_text: str) -> str:
    """A manual page whose body is the command's own --help text, so it never drifts from it."""
    day = _release_day(version).strftime("%Y-%m-%d")
    return (
        f'.TH {name.upper()} 1 "{day}" "cjm-editor {version}" "User Commands"\n'
        f".SH NAME\n{_roff(name)} \\- {SUMMARIES[name]}\n"
        f".SH DESCRIPTION\n.nf\n{_roff(help_text.strip())}\n.fi\n"
        f".SH SEE ALSO\n.BR {_roff(SEE_ALSO[name])} (1)\n"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["copyright"]:
        sys.stdout.write(copyright_file())
    elif sys.argv[1:2] == ["changelog"] and len(sys.argv) == 4:
        sys.stdout.write(changelog(sys.argv[2], sys.argv[3]))
    elif sys.argv[1:3] == ["manpage", "cjm"] and len(sys.argv) == 4:
        from cjm_editor.cli import build_parser

        sys.stdout.write(manpage("cjm", sys.argv[3], "\n".join(_helps(build_parser()))))
    elif sys.argv[1:3] == ["manpage", "cjm-editor"] and len(sys.argv) == 4:
        sys.stdout.write(manpage("cjm-editor", sys.argv[3], sys.stdin.read()))
    else:
        sys.exit(__doc__)
