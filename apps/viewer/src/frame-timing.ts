/**
 * When the picture sigma drew is ready. WebGL draws asynchronously: sigma's render call returns
 * long before the GPU is done (on a machine without a GPU, 85,000 links take most of a second),
 * so the time is read from a WebGL2 fence placed after each layer's commands, polled between
 * tasks (a fence's status changes only then). Without WebGL2, the animation frame after the next
 * one, which waits for the drawing to be shown, stands in.
 */
import type Sigma from "sigma";

const POLL_MS = 4;

/** Resolves with performance.now() once everything drawn so far on the renderer's layers is done. */
export function whenDrawn(renderer: Sigma): Promise<number> {
  const fences: Array<{ gl: WebGL2RenderingContext; sync: WebGLSync }> = [];
  for (const canvas of Object.values(renderer.getCanvases())) {
    // A layer's existing context: 2D layers, and WebGL1 ones, give null here.
    const gl = canvas.getContext("webgl2");
    const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (gl === null || sync === null || sync === undefined) continue;
    gl.flush();
    fences.push({ gl, sync });
  }
  return new Promise((resolve) => {
    if (fences.length === 0) {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      return;
    }
    const poll = () => {
      if (!fences.every(({ gl, sync }) => gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED)) {
        window.setTimeout(poll, POLL_MS);
        return;
      }
      const now = performance.now();
      for (const { gl, sync } of fences) gl.deleteSync(sync);
      resolve(now);
    };
    window.setTimeout(poll, 0);
  });
}
