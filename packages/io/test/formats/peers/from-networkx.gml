graph [
  node [
    id 0
    label "FhG"
    name "Fraunhofer &#38; Co"
    type "research"
    country "DE"
    lat 48.1
    lon 11.6
    tags "a"
    tags "b"
  ]
  node [
    id 1
    label "KUL"
    name "KU Leuven"
    type "university"
    country "BE"
  ]
  node [
    id 2
    label "PHI"
    name "M&#252;ller &#9731;"
    type "firm"
    country "NL"
  ]
  edge [
    source 0
    target 1
    weight 2.5
    firstYear 2015
    lastYear 2018
  ]
  edge [
    source 1
    target 2
    weight 1
  ]
]
