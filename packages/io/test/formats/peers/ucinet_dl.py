"""igraph's side of the UCINET DL tests (ucinet-dl.test.ts): the independent reading of each
DL file here, which linkscale's reading is compared with.

Run with Debian's python-igraph (0.10.2 when the expected files were written):
    /usr/bin/python3 packages/io/test/formats/peers/ucinet_dl.py

The ucinet-*.dl files beside this script are written by hand, one per dialect igraph 0.10 reads
(its DL grammar wants `DL N=…` on the first line, FORMAT before the labels, binary cells in a
full matrix, and a node list without labels to begin on the DATA: line). Each is read with
Graph.Read_DL(directed=True), and what igraph found is written to ucinet-<name>.expected.json:
its vertices' names (null when the file has no labels: igraph numbers vertices from 0), each
edge's two ends as vertex indices, each edge's weight (null where the line gives none: igraph
gives NaN, and the weights are null when no line gives one), and whether each edge's reverse is
also there (Graph.is_mutual). Nothing here is tuned: rerun it after changing a file.
"""
import json
import math
from pathlib import Path

import igraph as ig

HERE = Path(__file__).parent

for path in sorted(HERE.glob("ucinet-*.dl")):
    graph = ig.Graph.Read_DL(str(path), directed=True)
    names = graph.vs["name"] if "name" in graph.vs.attributes() else None
    weights = None
    if "weight" in graph.es.attributes():
        weights = [None if math.isnan(weight) else weight for weight in graph.es["weight"]]
    expected = {
        "igraph": ig.__version__,
        "directed": graph.is_directed(),
        "vertices": graph.vcount(),
        "names": names,
        "edges": [list(edge) for edge in graph.get_edgelist()],
        "weights": weights,
        "mutual": graph.is_mutual(),
    }
    target = path.with_suffix(".expected.json")
    target.write_text(json.dumps(expected, indent=2) + "\n")
    print(f"{path.name}: {graph.vcount()} vertices, {graph.ecount()} edges -> {target.name}")
