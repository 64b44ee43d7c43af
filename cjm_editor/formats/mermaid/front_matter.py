"""The YAML front matter of a Mermaid diagram, read with bounds.

Mermaid reads it with js-yaml's JSON schema: null, booleans, numbers and text, no dates. So dates
stay text here too (an impossible date such as 2023-02-30 is just text). Aliases are refused, since
a few hundred bytes of them expand into gigabytes, and nesting is capped at limits.MAX_DEPTH.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import Node

from cjm_editor.formats import limits

_BRACKET = re.compile(r"[\[\]{}]")


class FrontMatterError(ValueError):
    """The front matter cannot be read; `line` counts from 0 within it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _BoundedLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML has no type hints here
    """SafeLoader without dates, aliases or deep nesting; whole numbers past the digit limit stay text."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise ComposerError(
                None, None, "aliases (*name) are not allowed (limit: YAML aliases)", event.start_mark
            )
        self.depth += 1
        try:
            if self.depth > limits.MAX_DEPTH:
                event = self.peek_event()
                raise ComposerError(
                    None,
                    None,
                    f"nesting is deeper than {limits.MAX_DEPTH} levels (limit: nesting depth)",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_int(self, node: Any) -> Any:
        text = str(node.value)
        if limits.digits(text.replace("_", "")) is not None:
            return text
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return text


_BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _BoundedLoader.construct_yaml_int)
_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _bracket_depth(text: str) -> int:
    """The deepest nesting of flow brackets (a bound from above: brackets inside quotes count too).
    PyYAML's scanner takes time quadratic in this depth, so it is checked before YAML sees the text."""
    depth = best = 0
    for m in _BRACKET.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(0, depth - 1)
        best = max(best, depth)
    return best


def load(text: str) -> Any:
    """The front matter's value. Raises FrontMatterError with a one-line message."""
    if len(text) > limits.MAX_FRONT_MATTER:
        raise FrontMatterError(
            0,
            f"it is {len(text):,} characters long; the limit is {limits.MAX_FRONT_MATTER:,} "
            "(limit: front matter size)",
        )
    if _bracket_depth(text) > limits.MAX_DEPTH:
        raise FrontMatterError(0, f"nesting is deeper than {limits.MAX_DEPTH} levels (limit: nesting depth)")
    try:
        return yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(mark.line if mark is not None else 0, " ".join(problem.split())) from None
    except (ValueError, OverflowError, RecursionError, TypeError) as exc:
        raise FrontMatterError(0, f"cannot be read: {' '.join(str(exc).split())[:200]}") from None
