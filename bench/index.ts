/**
 * `npm run bench`: speed and memory on the full Horizon 2020 data from ../shared/data, beside the
 * peer tools (NetworkX, via Debian's python3) in the same run. Results on stdout, progress on
 * stderr. Never part of `npm test`.
 */
import { benchProjection } from "./projection.ts";

benchProjection();
