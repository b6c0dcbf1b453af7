#!/usr/bin/env Rscript
# Peer timing for bench/brokerage.ts: Gould & Fernandez (1989) brokerage roles in R sna,
# brokerage(g, cl), on the very graph (or sample of it) linkscale measures.
#
# Input, written by bench/brokerage.ts:
#   GRAPH.tsv.gz  gzip TSV, first line `n<TAB>NUMBER_OF_NODES`, then one line per link
#                 `i<TAB>j<TAB>weight` with 0-based indices i < j (the format of bench/centrality.ts)
#   NODES.tsv     `i<TAB>class` per node, in index order; an empty class (no country) is a class of
#                 its own, as linkscale's "unknown"
# sna counts directed two-paths, so, as datasets/reference/brokerage.R does, the
# undirected network is given with each link in both directions (weights dropped: brokerage reads
# arcs), here as an sna edge list (a 3-column matrix with attribute n) rather than the n x n
# sociomatrix, which on the full network would be 36k^2 doubles (~10 GB) before sna even starts.
# Timed: the brokerage() call alone (elapsed seconds), reading the files excluded (loadSeconds).
#
# Usage: Rscript bench/peers/brokerage_sna.R GRAPH.tsv.gz NODES.tsv [VALUES.tsv]
# Prints one JSON object on stdout: {"tool", "version", "nodes", "arcs", "loadSeconds",
# "seconds": {"brokerage"}, "peakMB", "network": {"raw": [6], "z": [6]}}, roles w_I, w_O, b_IO, b_OI, b_O, t;
# peakMB is the process's VmHWM. With VALUES.tsv, per node (index order) raw_<role> and z_<role>
# are written there with sprintf("%.17g"), so the bench can check agreement. Base R + sna only.

suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: brokerage_sna.R GRAPH.tsv.gz NODES.tsv [VALUES.tsv]")
log <- function(...) message("brokerage_sna: ", sprintf(...))

start <- proc.time()[["elapsed"]]
con <- gzfile(args[1], "rt")
head <- strsplit(readLines(con, n = 1), "\t")[[1]]
if (length(head) != 2 || head[1] != "n") stop(args[1], ": first line must be 'n<TAB>count'")
n <- as.integer(head[2])
links <- scan(con, what = list(integer(), integer(), numeric()), sep = "\t", quiet = TRUE)
close(con)
nodes <- read.delim(args[2], header = FALSE, colClasses = c("integer", "character"),
                    na.strings = character(0), col.names = c("i", "class"))
stopifnot(nrow(nodes) == n, identical(nodes$i, seq_len(n) - 1L))
i <- links[[1]] + 1; j <- links[[2]] + 1
g <- cbind(c(i, j), c(j, i), 1)   # every link as two arcs
attr(g, "n") <- n
load_seconds <- proc.time()[["elapsed"]] - start
log("sna %s: %d nodes, %d arcs loaded in %.3g s", packageVersion("sna"), n, nrow(g), load_seconds)

seconds <- system.time(b <- brokerage(g, nodes$class))[["elapsed"]]
log("brokerage: %.3g s", seconds)

roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
stopifnot(identical(colnames(b$raw.nli), roles))
fmt <- function(x) sprintf("%.17g", x)
if (length(args) >= 3) {
  block <- function(m, prefix) {
    d <- as.data.frame(matrix(fmt(unname(m)), nrow(m)), stringsAsFactors = FALSE)
    names(d) <- paste0(prefix, roles)
    d
  }
  values <- cbind(block(b$raw.nli, "raw_"), block(b$z.nli, "z_"))
  write.table(values, args[3], sep = "\t", quote = FALSE, row.names = FALSE)
}

status <- readLines("/proc/self/status")
peak_kb <- as.numeric(gsub("[^0-9]", "", status[startsWith(status, "VmHWM:")]))
json_numbers <- function(x) paste0("[", paste(ifelse(is.finite(x), fmt(x), "null"), collapse = ","), "]")
cat(sprintf(paste0('{"tool":"sna","version":"%s","nodes":%d,"arcs":%d,"loadSeconds":%s,"seconds":{"brokerage":%s},',
                   '"peakMB":%s,"network":{"raw":%s,"z":%s}}\n'),
            packageVersion("sna"), n, nrow(g), fmt(load_seconds), fmt(seconds), fmt(peak_kb / 1024),
            json_numbers(unname(b$raw.gli)), json_numbers(unname(b$z.gli))))
