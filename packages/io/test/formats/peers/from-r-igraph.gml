Creator "igraph version 1.3.4.9022 Sat Dec  5 07:20:06 2026"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "FhG"
    type "research"
    country "DE"
  ]
  node
  [
    id 1
    name "KUL"
    type "university"
    country "NA"
  ]
  node
  [
    id 2
    name "PHI"
    type "firm"
    country "NL"
  ]
  edge
  [
    source 1
    target 0
    weight 2.5
  ]
  edge
  [
    source 2
    target 1
    weight 1
  ]
]
