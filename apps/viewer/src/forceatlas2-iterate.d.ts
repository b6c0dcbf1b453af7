/**
 * Types for graphology-layout-forceatlas2's single-iteration function, which the package ships
 * without them: the layout worker runs it in batches over the matrices it holds.
 */
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

  /**
   * One ForceAtlas2 iteration, in place. `nodes`: ten numbers per node (x, y, dx, dy, old dx,
   * old dy, mass, convergence, size, fixed); `edges`: three per link (the source's and target's
   * offsets in `nodes`, the weight).
   */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}
