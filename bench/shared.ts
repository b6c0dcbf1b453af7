/** Where benchmarks find the real data: ../shared/data beside the checkout, or $LINKSCALE_SHARED. */
import { fileURLToPath } from "node:url";

export const SHARED_DATA = process.env["LINKSCALE_SHARED"] ?? fileURLToPath(new URL("../../shared/data/", import.meta.url));
export const H2020_PARTICIPATIONS = `${SHARED_DATA}/cordis-h2020-participations/h2020.csv.gz`;

/** Debian's python3, which sees python3-networkx (the first python3 on PATH may not). */
export const PYTHON = process.env["LINKSCALE_PYTHON"] ?? "/usr/bin/python3";
