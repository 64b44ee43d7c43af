"""The YAML front matter of a Mermaid diagram, read with bounds.

Mermaid reads it with js-yaml 4's JSON schema, and so does this: null is `~`, `null`, `Null`, `NULL`
or nothing; booleans are `true`/`false` in three spellings (not `yes` or `on`); numbers are decimal
(leading zeros too), `0x`, `0o` and `0b` whole numbers, decimals with an optional exponent and `.inf`,
`.nan`, all JavaScript doubles (floats here); a number too large for a double stays text, as do
dates, `1_000` and `1:30`. Aliases are refused, since a few hundred bytes of them expand into
gigabytes, and nesting is capped at limits.MAX_DEPTH.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import Node

from cjm_editor.model import limits

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
        """js-yaml's parseYamlInteger, as a double; text when that is no finite double."""
        text = str(node.value)
        sign = -1.0 if text[0] == "-" else 1.0
        body = text.lstrip("+-")
        base = {"0b": 2, "0o": 8, "0x": 16}.get(body[:2], 10) if len(body) > 1 else 10
        digits = (body[2:] if base != 10 else body).lstrip("0") or "0"
        if len(digits) * math.log2(base) > 1100:  # far past the largest double (and Python's 4,300 digits)
            return text
        try:
            return sign * float(int(digits, base))
        except OverflowError:
            return text

    def construct_yaml_float(self, node: Any) -> Any:
        text = str(node.value).lower()
        sign = -1.0 if text[0] == "-" else 1.0
        body = text.lstrip("+-")
        if body in (".inf", ".nan"):
            return sign * math.inf if body == ".inf" else math.nan
        value = sign * float(body)
        return text if math.isinf(value) else value


def _resolver(tag: str, pattern: str, first: str) -> None:
    _BoundedLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


_BoundedLoader.yaml_implicit_resolvers = {}  # js-yaml's JSON schema, not YAML 1.1's
_resolver("null", "^(?:~|null|Null|NULL|)$", "~nN")
_BoundedLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile("^$"), [""])
_resolver("bool", "^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("int", "^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$", "-+0123456789")
_resolver(
    "float",
    r"^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)
_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _BoundedLoader.construct_yaml_int)
_BoundedLoader.add_constructor("tag:yaml.org,2002:float", _BoundedLoader.construct_yaml_float)


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
