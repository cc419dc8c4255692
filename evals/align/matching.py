"""One-to-one alignment of predicted with gold content spans (see the package doc)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..corpora.records import Span
from .spans import overlap_ratio

MATCH_RATIO = 0.5


def align(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold index, pred index, ratio)`` among items sharing a character."""
    items = [(min(s[0] for s in spans), max(s[1] for s in spans), 0, i) for i, spans in enumerate(gold) if spans]
    items += [(min(s[0] for s in spans), max(s[1] for s in spans), 1, i) for i, spans in enumerate(pred) if spans]
    items.sort()
    edges: dict[tuple[int, int], float] = {}
    active: list[tuple[int, int, int, int]] = []
    for item in items:
        start = item[0]
        active = [a for a in active if a[1] > start]
        for other in active:
            if other[2] == item[2]:
                continue
            g, p = (other[3], item[3]) if other[2] == 0 else (item[3], other[3])
            r = overlap_ratio(gold[g], pred[p])
            if r > 0:
                edges[(g, p)] = r
        active.append(item)
    if not edges:
        return []
    # connected components over the bipartite overlap graph
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, p in edges:
        ra, rb = find((0, g)), find((1, p))
        if ra != rb:
            parent[ra] = rb
    comps: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for g, p in edges:
        comps[find((0, g))].append((g, p))
    pairs: list[tuple[int, int, float]] = []
    for comp in comps.values():
        if len(comp) == 1:
            g, p = comp[0]
            pairs.append((g, p, edges[(g, p)]))
            continue
        gs = sorted({g for g, _ in comp})
        ps = sorted({p for _, p in comp})
        gi = {g: k for k, g in enumerate(gs)}
        pi = {p: k for k, p in enumerate(ps)}
        from scipy.optimize import linear_sum_assignment
        import numpy as np

        w = np.zeros((len(gs), len(ps)))
        for g, p in comp:
            r = edges[(g, p)]
            w[gi[g], pi[p]] = r + (1.0 if r >= MATCH_RATIO else 0.0)
        rows, cols = linear_sum_assignment(w, maximize=True)
        for r, c in zip(rows, cols):
            if w[r, c] > 0:
                pairs.append((gs[r], ps[c], edges[(gs[r], ps[c])]))
    pairs.sort()
    return pairs
