"""Files shipped with cjm-editor (templates, samples, fonts, icons), found with importlib.resources."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. resource("samples", "streaming.cjm.json")."""
    node = resources.files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node
