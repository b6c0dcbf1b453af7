#!/usr/bin/env Rscript
# Reference Gould & Fernandez (1989) brokerage of a dataset's organisation network, computed with
# R package sna, function brokerage(g, cl).
#
# Usage: Rscript datasets/reference/brokerage.R datasets/<name>   (run projection.py first)
#
# Graph: nodes = every organisation of <dataset>/organisations.csv in file order; a link joins two
# organisations that share at least one project of <dataset>/participations.csv. sna counts
# directed two-paths, so the undirected network is given as a symmetric 0/1 adjacency matrix (each
# link in both directions, zero diagonal). Classes cl = organisation `type`, then `country`.
#
# Writes to <dataset>/reference/:
#   brokerage.csv          classes = type; one row per organisation (file order): id,
#                          raw_<role> (raw.nli), exp_<role> (exp.nli), z_<role> (z.nli),
#                          sd_<role> (sd.nli)
#   brokerage-network.csv  classes = type; one row per role: raw (raw.gli), exp (exp.gli),
#                          sd (sd.gli), z (z.gli)
#   brokerage-country.csv, brokerage-country-network.csv   the same with classes = country
# roles: w_I, w_O, b_IO, b_OI, b_O, t. Numbers are written with sprintf("%.17g") (round-trip exact;
# integers print as integers; NaN/Inf as "NaN"/"Inf"/"-Inf").
#
# Checks (stop() on failure): every participating org is in organisations.csv; the link list equals
# projection.csv.gz; sna's raw counts equal an independent brute-force count of brokered two-paths.
# Deterministic: no randomness is used by the counts (set.seed only fixes the skip-list levels sna
# draws internally); rerunning gives byte-identical files.

suppressPackageStartupMessages(library(sna))
script <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)[1])
source(file.path(dirname(normalizePath(script)), "brokerage_common.R"))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript datasets/reference/brokerage.R datasets/<name>")
data <- normalizePath(args[1], mustWork = TRUE)
here <- file.path(data, "reference")

set.seed(1)

orgs <- read.csv(file.path(data, "organisations.csv"), colClasses = "character",
                 na.strings = character(0), encoding = "UTF-8")
parts <- read.csv(file.path(data, "participations.csv"), colClasses = "character",
                  na.strings = character(0), encoding = "UTF-8")
stopifnot(!anyDuplicated(orgs$id), all(parts$org %in% orgs$id))

ids <- orgs$id
n <- length(ids)
projects <- sort(unique(parts$project))
# organisation x project incidence (0/1; a repeated participation would still count once)
B <- matrix(0, n, length(projects))
B[cbind(match(parts$org, ids), match(parts$project, projects))] <- 1
W <- B %*% t(B)            # shared projects
diag(W) <- 0
A <- (W > 0) * 1           # symmetric 0/1 adjacency
dimnames(A) <- list(ids, ids)
stopifnot(isSymmetric(A), all(diag(A) == 0))

# Same links as projection.csv.gz (source < target as strings, full = shared projects)
con <- gzfile(file.path(here, "projection.csv.gz"), "rt")
proj <- read.csv(con, colClasses = "character", na.strings = character(0))
ut <- which(W > 0 & upper.tri(W), arr.ind = TRUE)
s <- ids[ut[, 1]]; t <- ids[ut[, 2]]
mine <- data.frame(source = pmin(s, t), target = pmax(s, t), full = as.character(W[ut]))
key <- function(d) sort(paste(d$source, d$target, d$full))
stopifnot(nrow(proj) == nrow(mine), identical(key(proj), key(mine)))

d <- sum(A) / (n * (n - 1))
cat(sprintf("sna %s, network %s, %s; nodes %d, links %d, arcs %d, density %.17g\n",
            packageVersion("sna"), packageVersion("network"), R.version.string, n,
            sum(A) / 2, sum(A), d))

for (attribute in c("type", "country")) {
  cl <- orgs[[attribute]]
  b <- brokerage(A, cl)
  stopifnot(identical(colnames(b$raw.nli), roles))
  bf <- brute(A, cl)
  stopifnot(all(unname(b$raw.nli) == bf))

  suffix <- if (attribute == "type") "" else paste0("-", attribute)
  net <- write_brokerage(b, ids, file.path(here, paste0("brokerage", suffix, ".csv")),
                         file.path(here, paste0("brokerage", suffix, "-network.csv")))

  cat(sprintf("\nclasses = %s (%d); sizes (sna clid order): %s\n", attribute, length(b$clid),
              paste(b$clid, b$n, sep = "=", collapse = " ")))
  top <- order(-b$raw.nli[, "t"], ids)[1:5]
  print(cbind(id = ids[top], class = cl[top], as.data.frame(b$raw.nli[top, ])), row.names = FALSE)
  print(net, row.names = FALSE)
}
