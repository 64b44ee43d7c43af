"""Errors raised by the model layer."""

from __future__ import annotations


class ModelError(ValueError):
    """A mutation that would break the map (unknown id, duplicate id, dangling reference)."""
