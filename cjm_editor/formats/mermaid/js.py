"""The bits of JavaScript semantics Mermaid's parser relies on: whitespace, `Number()`, dedent."""

from __future__ import annotations

import math
import re

# JavaScript's \s (WhiteSpace and LineTerminator); Python's \s lacks U+FEFF, among others
WS_CHARS = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
WS = "[" + re.escape(WS_CHARS) + "]"
NOT_WS = "[^" + re.escape(WS_CHARS) + "]"
DOT = "[^\n\r\u2028\u2029]"  # JavaScript's `.` without the s flag

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # no backtracking
_RADIX = {"0x": (16, "0123456789abcdefABCDEF"), "0o": (8, "01234567"), "0b": (2, "01")}


def number(text: str) -> float:
    """JavaScript's `Number(text)` for a string: trimmed; empty is 0; decimal, 0x/0o/0b or ±Infinity;
    anything else is NaN."""
    s = text.strip(WS_CHARS)
    if not s:
        return 0.0
    if s in ("Infinity", "+Infinity"):
        return math.inf
    if s == "-Infinity":
        return -math.inf
    radix = _RADIX.get(s[:2].lower())
    if radix is not None:
        base, digits = radix
        rest = s[2:]
        if not rest or not all(c in digits for c in rest):
            return math.nan
        try:
            return float(int(rest, base))
        except OverflowError:  # JavaScript gives Infinity past the largest double
            return math.inf
    if _DECIMAL.fullmatch(s):
        return float(s)
    return math.nan


def dedent(text: str) -> str:
    """ts-dedent, as `mermaid.run()` applies it (then trims) to a diagram taken from a web page."""
    text = re.sub(r"\r?\n[\t ]*\Z", "", text)
    indents = [len(m) - 1 for m in re.findall("\n[\t ]+|\n(?=" + NOT_WS + ")", text)]
    # a line of only spaces counts with its spaces; a line starting with text counts as 0
    if indents:
        text = re.sub("\n[\t ]{" + str(min(indents)) + "}", "\n", text)
    text = re.sub(r"\A\r?\n", "", text)
    return text.strip(WS_CHARS)


def number_text(x: float) -> str:
    """JavaScript's `String(x)` for a number: the shortest digits that read back as x, written out in
    full from 1e-7 up to 1e21 and with an exponent (`1e+21`, `1.5e-7`) outside that."""
    if math.isnan(x):
        return "NaN"
    if x == 0:
        return "0"
    if x < 0:
        return "-" + number_text(-x)
    if math.isinf(x):
        return "Infinity"
    mantissa, _, exponent = repr(x).partition("e")  # repr: the same shortest digits
    whole, _, fraction = mantissa.partition(".")
    raw = whole + fraction
    leading = len(raw) - len(raw.lstrip("0"))
    digits = raw.strip("0")
    n = len(whole) + int(exponent or 0) - leading  # x = 0.digits * 10**n
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    e = f"{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return digits + "e" + e if k == 1 else digits[0] + "." + digits[1:] + "e" + e


def to_string(value: object) -> str:
    """JavaScript's `value.toString()` for what JSON or YAML gives: text, booleans, numbers (as
    doubles), arrays (joined by ',', null as nothing) and objects."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(float(value))
    if isinstance(value, list):
        return ",".join("" if v is None else to_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def truthy(value: object) -> bool:
    """JavaScript's truthiness: '', 0, NaN, false and null are false; every array and object is true."""
    if value is None or value is False:
        return False
    if isinstance(value, int | float):
        return value == value and value != 0
    if isinstance(value, str):
        return value != ""
    return True
