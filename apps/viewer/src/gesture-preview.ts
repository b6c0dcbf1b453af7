/**
 * Pan and zoom for a view too heavy to redraw at every frame. Once sigma's last full frame took
 * longer than a frame at 30 fps to be drawn (85,000 links take most of a second where WebGL runs
 * on the CPU), a mouse drag or the wheel moves the picture sigma last drew, as a CSS transform of
 * its canvases that the compositor applies at screen rate (a wheel step eased over sigma's
 * zoomDuration, as sigma's own zoom is), and sigma draws the new view once, when the gesture has
 * rested for REST_MS. What comes into view meanwhile shows then. Lighter views keep sigma's own
 * navigation, redrawn at every step; touch always does.
 *
 * Written here because sigma has no such mode; it goes through sigma's documented hooks: the
 * mouse captor's events with preventSigmaDefault, afterRender, and the camera's state.
 */
import type Sigma from "sigma";
import { whenDrawn } from "./frame-timing.ts";

/** The longest a frame may take to be drawn and keep 30 frames per second. */
const FRAME_BUDGET_MS = 1000 / 30;
/** How long a gesture rests before sigma draws the view it leads to. */
const REST_MS = 300;

/** Screen point p of the last drawn picture shows at scale·p + (x, y). */
interface Shift {
  x: number;
  y: number;
  scale: number;
}

const UNMOVED: Shift = { x: 0, y: 0, scale: 1 };

export class GesturePreview {
  private readonly renderer: Sigma;
  /** Gestures move the picture once a frame takes longer (tests set 0 or Infinity to choose). */
  frameBudgetMs = FRAME_BUDGET_MS;
  /** How long the last full frame took to be drawn. */
  private frameMs = 0;
  private measureNextFrame = false;
  /** Where the gesture has led the picture so far, while one is under way. */
  private target: Shift | undefined;
  /** A wheel step's easing: from where the picture was, since when. */
  private zoom: { from: Shift; start: number } | undefined;
  private pointer: { x: number; y: number } | undefined;
  private lastWheel = { direction: 0, time: 0 };
  private rest: number | undefined;
  private painting: number | undefined;
  /** The mouse moved while down: the click that ends the drag is no click on a node. */
  dragged = false;

  constructor(renderer: Sigma) {
    this.renderer = renderer;
    const captor = renderer.getMouseCaptor();
    // The frame sigma drew as it was made is the first timed.
    this.time();
    renderer.getCamera().on("updated", () => (this.measureNextFrame = true));
    renderer.on("afterRender", () => this.measure());
    captor.on("mousedown", ({ x, y }) => {
      this.pointer = { x, y };
      this.dragged = false;
    });
    captor.on("mousemovebody", (event) => {
      if (!captor.isMouseDown || this.pointer === undefined) return;
      this.dragged ||= event.x !== this.pointer.x || event.y !== this.pointer.y;
      if (!this.slow) return;
      event.preventSigmaDefault();
      event.original.preventDefault();
      const [dx, dy] = [event.x - this.pointer.x, event.y - this.pointer.y];
      this.pointer = { x: event.x, y: event.y };
      // The picture follows the pointer, a zoom's easing included.
      for (const shift of [this.begin(), this.zoom?.from]) {
        if (shift === undefined) continue;
        shift.x += dx;
        shift.y += dy;
      }
      this.moved();
    });
    captor.on("mouseup", () => {
      this.pointer = undefined;
      if (this.target !== undefined) this.moved();
    });
    captor.on("wheel", (event) => {
      if (!this.slow || event.delta === 0) return;
      // sigma 3.0.3 hands wheel listeners a copy of the coordinates whose preventSigmaDefault
      // marks the original, while its own wheel zoom reads the copy: marked here directly.
      event.sigmaDefaultPrevented = true;
      event.original.preventDefault();
      // One zoom step per notch, and none for a notch too soon after one the same way, as sigma does.
      const direction = Math.sign(event.delta);
      const now = performance.now();
      if (direction === this.lastWheel.direction && now - this.lastWheel.time < renderer.getSetting("zoomDuration") / 5) return;
      this.lastWheel = { direction, time: now };
      const camera = renderer.getCamera();
      const step = direction > 0 ? renderer.getSetting("zoomingRatio") : 1 / renderer.getSetting("zoomingRatio");
      const ratio = camera.getState().ratio / (this.target?.scale ?? 1);
      const factor = ratio / camera.getBoundedRatio(ratio / step);
      if (factor === 1) return;
      this.zoom = { from: this.shown(now), start: now };
      const target = this.begin();
      // About the pointer: the point under it stays there.
      target.x = event.x + factor * (target.x - event.x);
      target.y = event.y + factor * (target.y - event.y);
      target.scale *= factor;
      this.moved();
    });
  }

  /** The next frame is to be timed: the view changed (its links, its colours, ...). */
  remeasure(): void {
    this.measureNextFrame = true;
  }

  /** A gesture is under way: the picture on screen is moved, not drawn. */
  get active(): boolean {
    return this.target !== undefined;
  }

  kill(): void {
    window.clearTimeout(this.rest);
    if (this.painting !== undefined) cancelAnimationFrame(this.painting);
  }

  /** Frames are too slow to draw a gesture's every step. */
  get slow(): boolean {
    return this.active || this.frameMs > this.frameBudgetMs;
  }

  private measure(): void {
    if (!this.measureNextFrame || this.active || this.renderer.getCamera().isAnimated()) return;
    this.measureNextFrame = false;
    this.time();
  }

  /** Times the frame just drawn. */
  private time(): void {
    const start = performance.now();
    void whenDrawn(this.renderer).then((drawn) => (this.frameMs = drawn - start));
  }

  private begin(): Shift {
    return (this.target ??= { ...UNMOVED });
  }

  /** Where the picture is at a time: the target, or on the way to it while a wheel step eases. */
  private shown(now: number): Shift {
    const target = this.target ?? UNMOVED;
    const zoom = this.zoom;
    if (zoom === undefined) return { ...target };
    const t = Math.min(1, (now - zoom.start) / this.renderer.getSetting("zoomDuration"));
    if (t === 1) this.zoom = undefined;
    const eased = t * (2 - t); // quadraticOut, sigma's easing for its wheel zoom
    return {
      x: zoom.from.x + eased * (target.x - zoom.from.x),
      y: zoom.from.y + eased * (target.y - zoom.from.y),
      scale: zoom.from.scale + eased * (target.scale - zoom.from.scale),
    };
  }

  /** Shows the moved picture from the next frame on, and draws the real one once the gesture rests. */
  private moved(): void {
    const paint = (now: number) => {
      const { x, y, scale } = this.shown(now);
      this.transformCanvases(`translate(${x}px, ${y}px) scale(${scale})`);
      this.painting = this.zoom === undefined ? undefined : requestAnimationFrame(paint);
    };
    this.painting ??= requestAnimationFrame(paint);
    window.clearTimeout(this.rest);
    this.rest = window.setTimeout(() => this.settle(), REST_MS);
  }

  /** Moves the camera to where the gesture led, and draws that view in place of the moved picture. */
  private settle(): void {
    // Still held down: the release sets the rest going again.
    if (this.target === undefined || this.pointer !== undefined) return;
    const { x, y, scale } = this.target;
    this.target = undefined;
    this.zoom = undefined;
    const { width, height } = this.renderer.getDimensions();
    const camera = this.renderer.getCamera();
    // The new view's centre is the point of the old one that the gesture moved to the centre.
    const centre = this.renderer.viewportToFramedGraph({ x: (width / 2 - x) / scale, y: (height / 2 - y) / scale });
    camera.setState({ x: centre.x, y: centre.y, ratio: camera.getState().ratio / scale });
    // Drawn now, with what changed meanwhile (a hover left), and the transforms cleared in the
    // same task: the screen never shows the old picture unmoved.
    this.renderer.refresh();
    if (this.painting !== undefined) cancelAnimationFrame(this.painting);
    this.painting = undefined;
    this.transformCanvases("");
  }

  private transformCanvases(transform: string): void {
    for (const [layer, canvas] of Object.entries(this.renderer.getCanvases())) {
      // The mouse layer takes the pointer's events: it stays where the pointer is.
      if (layer === "mouse") continue;
      canvas.style.transformOrigin = "0 0";
      canvas.style.transform = transform;
    }
  }
}
