# R igraph's side of the round trips (graphml.test.ts, gml.test.ts, edge-list.test.ts).
#
# Run with Debian's R igraph (1.3.5 when the fixtures were made):
#     Rscript packages/io/test/formats/peers/r_igraph.R
#
# 1. Reads what linkscale writes for the format fixture (../out/fixture.graphml, fixture.gml,
#    fixture.edgelist as NCOL) with read_graph, prints the counts, and writes each back with
#    write_graph: fixture-via-r-igraph.graphml, .gml, .ncol (linkscale -> R igraph -> linkscale).
# 2. Builds a small network with vertex names (R igraph's identifier) and writes it in each
#    format: from-r-igraph.graphml, .gml, .ncol (R igraph -> linkscale).
suppressPackageStartupMessages(library(igraph))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
out <- file.path(here, "..", "out")
cat("R igraph", as.character(packageVersion("igraph")), "\n")

for (format in c("graphml", "gml")) {
  g <- read_graph(file.path(out, paste0("fixture.", format)), format = format)
  cat("read fixture.", format, ": ", vcount(g), " vertices, ", ecount(g), " edges\n", sep = "")
  write_graph(g, file.path(here, paste0("fixture-via-r-igraph.", format)), format = format)
}
g <- read_graph(file.path(out, "fixture.edgelist"), format = "ncol", directed = FALSE)
cat("read fixture.edgelist as NCOL:", vcount(g), "vertices,", ecount(g), "edges\n")
write_graph(g, file.path(here, "fixture-via-r-igraph.ncol"), format = "ncol")

g <- make_empty_graph(n = 3, directed = FALSE)
V(g)$name <- c("FhG", "KUL", "PHI")
V(g)$type <- c("research", "university", "firm")
V(g)$country <- c("DE", NA, "NL")
g <- add_edges(g, c("KUL", "FhG", "PHI", "KUL"))
E(g)$weight <- c(2.5, 1)
for (format in c("graphml", "gml", "ncol")) write_graph(g, file.path(here, paste0("from-r-igraph.", format)), format = format)
cat("written: from-r-igraph.graphml, .gml, .ncol\n")
