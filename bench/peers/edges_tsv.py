"""The edge files the benchmarks hand to their Python peers: gzip'd text, a first line
'n<TAB>count', then one link per line 'i<TAB>j<TAB>weight' over nodes 0..n-1."""
import gzip


def read_edges(path):
    """Returns (n, edges as (i, j) pairs, weights), in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        if len(head) != 2 or head[0] != "n":
            raise SystemExit(f"{path}: first line must be 'n<TAB>count', got {head!r}")
        n = int(head[1])
        edges, weights = [], []
        for line in f:
            if not line.strip():
                continue
            i, j, w = line.split("\t")
            edges.append((int(i), int(j)))
            weights.append(float(w))
    return n, edges, weights
