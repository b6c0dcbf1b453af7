# Shared by the brokerage reference scripts (datasets/reference/brokerage.R and the directed
# fixture's packages/core/test/brokerage/fixtures/directed.R): the role order, an independent
# brute-force count to check sna's, and the writer of sna's results.

roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")

# Independent brute force: for every broker j, every ordered pair (i, k) with i -> j -> k,
# i != k and no arc i -> k, classified by which of i, j, k share j's class.
brute <- function(A, cl) {
  out <- matrix(0, nrow(A), 6, dimnames = list(NULL, roles))
  for (j in seq_len(nrow(A))) {
    I <- setdiff(which(A[, j] != 0), j)   # i -> j
    K <- setdiff(which(A[j, ] != 0), j)   # j -> k
    if (!length(I) || !length(K)) next
    ok <- A[I, K, drop = FALSE] == 0 & outer(I, K, "!=")   # no i -> k, and i != k
    si <- cl[I] == cl[j]; sk <- cl[K] == cl[j]; ik <- outer(cl[I], cl[K], "==")
    wI <- outer(si, sk, "&")
    bIO <- outer(si, !sk, "&")
    bOI <- outer(!si, sk, "&")
    wO <- outer(!si, !sk, "&") & ik
    bO <- outer(!si, !sk, "&") & !ik
    out[j, ] <- c(sum(ok & wI), sum(ok & wO), sum(ok & bIO), sum(ok & bOI), sum(ok & bO), sum(ok))
  }
  out
}

fmt <- function(x) sprintf("%.17g", x)

write_rows <- function(df, path) {
  lines <- c(paste(names(df), collapse = ","),
             apply(df, 1, function(r) paste(r, collapse = ",")))
  con <- file(path, "wb")
  writeLines(lines, con, sep = "\n")
  close(con)
}

# Writes sna's brokerage(g, cl) result b: one row per node (id, raw_/exp_/z_/sd_<role>) to
# node_path, one row per role (raw, exp, sd, z) to network_path; returns the latter's table.
write_brokerage <- function(b, ids, node_path, network_path) {
  block <- function(m, prefix) {
    m <- unname(m)
    d <- as.data.frame(matrix(fmt(m), nrow(m)), stringsAsFactors = FALSE)
    names(d) <- paste0(prefix, roles)
    d
  }
  node <- cbind(data.frame(id = ids, stringsAsFactors = FALSE),
                block(b$raw.nli, "raw_"), block(b$exp.nli, "exp_"),
                block(b$z.nli, "z_"), block(b$sd.nli, "sd_"))
  write_rows(node, node_path)
  net <- data.frame(role = roles, raw = fmt(unname(b$raw.gli)), exp = fmt(unname(b$exp.gli)),
                    sd = fmt(unname(b$sd.gli)), z = fmt(unname(b$z.gli)), stringsAsFactors = FALSE)
  write_rows(net, network_path)
  net
}
