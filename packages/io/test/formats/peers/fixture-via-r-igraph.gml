Creator "igraph version 1.3.4.9022 Sat Dec  5 07:20:06 2026"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    label "DE-MUELLER"
    name "M&#252;ller &#38; S&#246;hne <GmbH>"
    type "firm"
    country "DE"
    region "DE21"
    city "M&#252;nchen"
    lat 48.1374
    lon 11.5755
    cluster "bavaria-mobility"
    valueChainStage "components"
    postCode "80331"
  ]
  node
  [
    id 1
    label "FR-SACLAY"
    name "Universit&#233; Paris-Saclay, &#34;Orsay&#34; campus"
    type "university"
    country "FR"
    region "FR10"
    city "Orsay"
    lat 48.7
    lon 2.18333333333333
    cluster "paris-saclay"
    valueChainStage "research"
    postCode "91400"
  ]
  node
  [
    id 2
    label "NL-TNO"
    name "TNO &#8211; Nederlandse Organisatie voor toegepast-natuurwetenschappelijk onderzoek"
    type "research"
    country "NL"
    region "NL33"
    city "Den Haag"
    lat 52.0705
    lon 4.3007
    cluster ""
    valueChainStage "research"
    postCode ""
  ]
  node
  [
    id 3
    label "SE-VINNOVA"
    name "Vinnova, Sweden's innovation agency"
    type "government"
    country "SE"
    region "SE11"
    city "Stockholm"
    lat 0
    lon 0
    cluster ""
    valueChainStage ""
    postCode ""
  ]
  node
  [
    id 4
    label "ES-CEAGA"
    name "Cl&#250;ster de Empresas de Automoci&#243;n de Galicia"
    type "intermediary"
    country "ES"
    region "ES11"
    city "Vigo"
    lat 42.2406
    lon -8.7207
    cluster "galicia-auto"
    valueChainStage "assembly"
    postCode "36201"
  ]
  node
  [
    id 5
    label "IT-ORG7"
    name ""
    type "other"
    country "IT"
    region ""
    city ""
    lat 0
    lon 0
    cluster ""
    valueChainStage ""
    postCode "00912"
  ]
  edge
  [
    source 1
    target 0
    weight 0.333333333333333
    projectCount 3
    firstYear 2015
    lastYear 2019
    kind "project"
    projects "H2020-1;H2020-2;H2020-3"
    programme "H2020"
  ]
  edge
  [
    source 2
    target 0
    weight 1.5
    projectCount 2
    firstYear 2016
    lastYear 2018
    kind ""
    projects "H2020-2;FP7-9"
    programme ""
  ]
  edge
  [
    source 2
    target 1
    weight 2
    projectCount 2
    firstYear 2014
    lastYear 2020
    kind "project"
    projects "H2020-1;H2020-4"
    programme "H2020"
  ]
  edge
  [
    source 3
    target 2
    weight 0.1
    projectCount 1
    firstYear 2017
    lastYear 2017
    kind "funding"
    projects "H2020-5"
    programme "H2020"
  ]
  edge
  [
    source 4
    target 3
    weight 0.25
    projectCount 1
    firstYear 2019
    lastYear 2019
    kind ""
    projects ""
    programme ""
  ]
  edge
  [
    source 4
    target 0
    weight 1
    projectCount 0
    firstYear 0
    lastYear 0
    kind "alliance"
    projects ""
    programme ""
  ]
  edge
  [
    source 4
    target 1
    weight 0.666666666666667
    projectCount 2
    firstYear 2012
    lastYear 2013
    kind "project"
    projects "FP7-1;FP7-2"
    programme "FP7"
  ]
]
