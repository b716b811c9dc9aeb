"""Results of pure functions of long-lived values, kept from one build to the next by identity.

`digest serve` keeps each unchanged article's record as the same object from one build to the
next. What is computed from one record alone (its themed claims, where its figures and quotes are,
its views) is then computed once and recalled by the record's identity, instead of again for every
record on every save. A value is recalled only while it is the very object it was computed from,
which the recall keeps alive so that its identity cannot pass to another object; what a build did
not ask for is let go when the next build begins.

The functions recalled must be pure, and the values they are given must not change afterwards:
records and views are frozen dataclasses, or dicts and lists nobody writes to once made.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Recall:
    """What pure functions returned for values still alive, by function name and value identity."""

    def __init__(self) -> None:
        self._last: dict[tuple[Any, ...], tuple[Any, Any]] = {}
        self._now: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    def __len__(self) -> int:
        return len(self._now)

    def one(self, name: Hashable, value: T, make: Callable[[T], R]) -> R:
        """Return `make(value)`, computed once for as long as `value` is asked for under `name`."""
        return self.many(name, (value,), lambda batch: [make(batch[0])])[0]

    def many(self, name: Hashable, values: Sequence[T], make: Callable[[list[T]], Iterable[R]]) -> list[R]:
        """Return the result of each of `values`; those not known are computed by `make` in one batch."""
        out: list[Any] = []
        missing: list[int] = []
        for value in values:
            key = (name, id(value))
            hit = self._now.get(key) or self._last.get(key)
            if hit is None or hit[0] is not value:
                missing.append(len(out))
                out.append(None)
            else:
                self._now[key] = hit
                out.append(hit[1])
        if missing:
            made = list(make([values[i] for i in missing]))
            if len(made) != len(missing):
                raise ValueError(f"{name!r} made {len(made)} results for {len(missing)} values")
            for i, result in zip(missing, made, strict=True):
                self._now[(name, id(values[i]))] = (values[i], result)
                out[i] = result
        return out

    def whole(self, name: Hashable, values: Sequence[Any], make: Callable[[], R]) -> R:
        """Return `make()`, a function of `values` together, recalled while they are the same objects."""
        key = (name, *map(id, values))
        hit = self._now.get(key) or self._last.get(key)
        if (
            hit is None
            or len(hit[0]) != len(values)
            or any(a is not b for a, b in zip(hit[0], values, strict=True))
        ):
            hit = (tuple(values), make())
        self._now[key] = hit
        return hit[1]

    def turn(self) -> None:
        """Begin another build: keep what the last one asked for, let the rest go."""
        if self._now:
            self._last, self._now = self._now, {}


def recalled(recall: Recall | None, name: Hashable, value: T, make: Callable[[T], R]) -> R:
    """Return `make(value)`, through `recall` when there is one."""
    return make(value) if recall is None else recall.one(name, value, make)


def each(
    recall: Recall | None, name: Hashable, values: Sequence[T], make: Callable[[list[T]], Iterable[R]]
) -> list[R]:
    """Return the result of each of `values` made by the batch function `make`, through `recall`."""
    return list(make(list(values))) if recall is None else recall.many(name, values, make)
