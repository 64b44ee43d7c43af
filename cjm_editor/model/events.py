"""A tiny synchronous event: callbacks run in subscription order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Event(Generic[P]):
    """Past-tense notification from JourneyDocument. Handlers must not mutate the document."""

    __slots__ = ("_handlers",)

    def __init__(self) -> None:
        self._handlers: list[Callable[P, object]] = []

    def connect(self, handler: Callable[P, object]) -> None:
        self._handlers.append(handler)

    def disconnect(self, handler: Callable[P, object]) -> None:
        self._handlers.remove(handler)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for handler in list(self._handlers):
            handler(*args, **kwargs)

    def __len__(self) -> int:
        return len(self._handlers)
