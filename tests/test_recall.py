"""Results recalled by identity between builds: computed once per object, never for another one."""

from __future__ import annotations

import pytest

from digest.recall import Recall, each, recalled


class Box:
    """A value compared by identity only (as records and views are recalled)."""

    def __init__(self, n: int) -> None:
        self.n = n


def test_a_result_is_made_once_while_its_value_is_the_same_object() -> None:
    calls: list[int] = []
    recall = Recall()
    box = Box(1)

    def make(b: Box) -> int:
        calls.append(b.n)
        return b.n * 10

    assert recall.one("x", box, make) == 10
    recall.turn()
    assert recall.one("x", box, make) == 10
    assert calls == [1]
    assert recall.one("x", Box(1), make) == 10  # an equal but other object is computed again
    assert calls == [1, 1]


def test_names_keep_results_apart() -> None:
    recall = Recall()
    box = Box(2)
    assert recall.one("double", box, lambda b: b.n * 2) == 4
    assert recall.one("square", box, lambda b: b.n**2) == 4
    assert recall.one(("times", 5), box, lambda b: b.n * 5) == 10
    assert recall.one(("times", 3), box, lambda b: b.n * 3) == 6


def test_what_a_build_did_not_ask_for_is_let_go() -> None:
    calls: list[int] = []
    recall = Recall()
    kept, dropped = Box(1), Box(2)

    def make(b: Box) -> int:
        calls.append(b.n)
        return b.n

    recall.one("x", kept, make)
    recall.one("x", dropped, make)
    recall.turn()
    recall.one("x", kept, make)  # the next build asks for one of the two
    recall.turn()
    assert len(recall) == 0
    recall.one("x", kept, make)
    recall.one("x", dropped, make)
    assert calls == [1, 2, 2]


def test_a_recalled_value_keeps_its_object_alive_so_its_identity_is_not_reused() -> None:
    recall = Recall()
    recall.one("x", Box(1), lambda b: b.n)
    # Were the box let go, a new object could take its id and be given its result.
    fresh = [Box(7) for _ in range(1000)]
    assert all(recall.one("x", b, lambda b: b.n) == 7 for b in fresh)


def test_many_makes_only_the_missing_ones_in_one_batch_and_keeps_order() -> None:
    batches: list[list[int]] = []
    recall = Recall()
    boxes = [Box(n) for n in range(5)]

    def make(batch: list[Box]) -> list[int]:
        batches.append([b.n for b in batch])
        return [b.n * 100 for b in batch]

    assert recall.many("x", boxes[:3], make) == [0, 100, 200]
    recall.turn()
    assert recall.many("x", boxes[::-1], make) == [400, 300, 200, 100, 0]
    assert batches == [[0, 1, 2], [4, 3]]


def test_many_refuses_a_batch_function_that_loses_results() -> None:
    with pytest.raises(ValueError):
        Recall().many("x", [Box(1), Box(2)], lambda batch: [1])


def test_whole_is_recalled_only_while_every_part_is_the_same_object() -> None:
    calls: list[str] = []
    recall = Recall()
    a, b = Box(1), Box(2)

    def make(label: str):  # type: ignore[no-untyped-def]
        return lambda: calls.append(label) or label

    assert recall.whole("w", [a, b], make("ab")) == "ab"
    recall.turn()
    assert recall.whole("w", [a, b], make("again")) == "ab"  # a new list of the same objects
    assert recall.whole("w", [a, Box(2)], make("other")) == "other"
    assert recall.whole("w", [b, a], make("ba")) == "ba"
    assert calls == ["ab", "other", "ba"]


def test_without_a_recall_every_call_computes() -> None:
    box = Box(3)
    assert recalled(None, "x", box, lambda b: b.n) == 3
    assert each(None, "x", [box, box], lambda batch: [b.n for b in batch]) == [3, 3]
