Creator "linkscale peers/gml.py"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "FhG"
    type "research"
  ]
  node
  [
    id 1
    name "KUL"
    type "university"
  ]
  node
  [
    id 2
    name "PHI"
    type "firm"
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
