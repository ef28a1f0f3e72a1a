"""Which cell most likely holds the wrong number, when several sum relations (R1–R4) break together.

One mistyped cell of table 三 breaks every relation it takes part in (two or three), and each broken
relation names all of its cells: 总计 75 for 70 involves 25 cells. The cell that explains them is the
one whose change alone would mend every broken relation around it without breaking one that holds:

- it lies in every broken relation of its group (broken relations that share cells);
- every relation it takes part in, whose cells are all filled, is broken — changing a cell of a relation
  that holds would break it;
- those relations all ask for the same value, a count that could be typed (0 … MAX_COUNT).

Exactly one such cell is the suspect. None, or two and more (a lone broken row of table 四: any of its
five cells could be the wrong one), and there is no suspect: the totals whose relation broke are named.
"""
from __future__ import annotations

from dataclasses import dataclass

from .form import MAX_COUNT, CellRef


@dataclass(frozen=True)
class Suspect:
    cell: CellRef
    value: int              # what it would have to be for every relation around it to hold
    relations: int          # how many broken relations it explains


def required(rel, cells: dict, ref: CellRef) -> int:
    """The value `ref` would need for `rel` to hold, the other cells unchanged (may be negative)."""
    same, other = (rel.left, rel.right) if ref in rel.left else (rel.right, rel.left)
    return sum(cells[r] for r in other) - sum(cells[r] for r in same if r != ref)


def _groups(broken: list) -> list[list]:
    """Broken relations joined when they share a cell (transitively)."""
    groups: list[tuple[set, list]] = []
    for rel in broken:
        cells = set(rel.cells)
        joined = [g for g in groups if not g[0].isdisjoint(cells)]
        for g in joined:
            groups.remove(g)
            cells |= g[0]
        groups.append((cells, [r for g in joined for r in g[1]] + [rel]))
    return [rels for _, rels in groups]


def _mends(ref: CellRef, relations_of: dict, cells: dict, broken_keys: set) -> int | None:
    around = [r for r in relations_of[ref] if all(cells[c] is not None for c in r.cells)]
    if any(r.key not in broken_keys for r in around):
        return None
    values = {required(r, cells, ref) for r in around}
    if len(values) != 1:
        return None
    value = values.pop()
    return value if 0 <= value <= MAX_COUNT else None


def find(broken: list, relations_of: dict, cells: dict) -> dict[str, Suspect]:
    """For each broken relation (by key) whose group has exactly one suspect: that suspect."""
    broken_keys = {r.key for r in broken}
    out: dict[str, Suspect] = {}
    for group in _groups(broken):
        common = set(group[0].cells).intersection(*(r.cells for r in group[1:]))
        found = []
        for ref in common:
            value = _mends(ref, relations_of, cells, broken_keys)
            if value is not None:
                found.append(Suspect(ref, value, len(group)))
                if len(found) > 1:
                    break
        if len(found) == 1:
            out.update((r.key, found[0]) for r in group)
    return out
