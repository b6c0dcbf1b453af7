/**
 * Node labels that never overlap each other, never run off the canvas and keep clear of what
 * floats over it (the zoom buttons, the status line, community names). Sigma chooses the labels
 * worth drawing (a few per cell of its grid, by size: `labelDensity`), but draws each where it
 * falls, in cell order, over any other; it has no placement of its own, and no maintained library
 * places labels on a canvas, hence this file.
 *
 * Sigma hands its choice to `collectLabel` (its `defaultDrawNodeLabel`), which only records it;
 * once the frame is drawn, the labels are placed greedily, forced ones (the selected and hovered
 * organisation) first and then the largest nodes first: each to the right of its node, else to
 * its left, else not at all. A label that is not drawn still has its node; hovering shows it.
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";

/** A label sigma chose, in viewport pixels. */
interface Candidate {
  text: string;
  x: number;
  y: number;
  /** The node's radius on screen. */
  radius: number;
  forced: boolean;
}

/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pixels between a node's disc and its label, as sigma leaves. */
const GAP = 3;
/** Pixels kept free around each label, so that neighbours read apart. */
const PADDING = 2;

/** The labels sigma chose for each canvas this frame (a temporary renderer's, for an export, has its own). */
const chosen = new WeakMap<CanvasRenderingContext2D, Candidate[]>();
/** What each renderer drew last: its labels' texts and boxes. */
const drawn = new WeakMap<Sigma, Array<{ text: string; box: Box }>>();

/** The labels `renderer` drew in its last frame, with their boxes in viewport pixels (tests read them). */
export function drawnLabels(renderer: Sigma): ReadonlyArray<{ text: string; box: Box }> {
  return drawn.get(renderer) ?? [];
}

/** Sigma's `defaultDrawNodeLabel`: records the label, placed when the frame is drawn. */
export function collectLabel(context: CanvasRenderingContext2D, data: { label?: string | null; x: number; y: number; size: number; forceLabel?: boolean }): void {
  if (typeof data.label !== "string" || data.label === "") return;
  let list = chosen.get(context);
  if (list === undefined) chosen.set(context, (list = []));
  list.push({ text: data.label, x: data.x, y: data.y, radius: data.size, forced: data.forceLabel === true });
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Where each candidate's label goes: right of its node, else left, else nowhere (undefined), so
 * that no two overlap and none leaves `bounds` or meets an obstacle. `width` measures a text.
 * Forced labels are placed first, then the largest nodes'; ties keep sigma's order.
 */
export function placeLabels(
  candidates: readonly Candidate[],
  width: (text: string) => number,
  textSize: number,
  bounds: Box,
  obstacles: readonly Box[],
): Array<{ candidate: Candidate; box: Box } | undefined> {
  const order = candidates.map((_, i) => i).sort((a, b) => {
    const [first, second] = [candidates[a] as Candidate, candidates[b] as Candidate];
    return Number(second.forced) - Number(first.forced) || second.radius - first.radius || a - b;
  });
  const taken: Box[] = [...obstacles];
  const placed: Array<{ candidate: Candidate; box: Box } | undefined> = candidates.map(() => undefined);
  for (const i of order) {
    const candidate = candidates[i] as Candidate;
    const w = width(candidate.text);
    const top = candidate.y - textSize / 2 - PADDING;
    const bottom = candidate.y + textSize / 2 + PADDING;
    const right: Box = { left: candidate.x + candidate.radius + GAP - PADDING, top, right: candidate.x + candidate.radius + GAP + w + PADDING, bottom };
    const left: Box = { left: candidate.x - candidate.radius - GAP - w - PADDING, top, right: candidate.x - candidate.radius - GAP + PADDING, bottom };
    const fits = (box: Box) =>
      box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom && !taken.some((other) => overlaps(box, other));
    // The selected or hovered organisation's label is drawn whatever it meets, inside the canvas where it can be.
    const inside = (box: Box) => box.left >= bounds.left && box.right <= bounds.right;
    const box = [right, left].find(fits) ?? (candidate.forced ? ([right, left].find(inside) ?? right) : undefined);
    if (box === undefined) continue;
    taken.push(box);
    placed[i] = { candidate, box };
  }
  return placed;
}

/** The setting a renderer is made with whose labels `placeRendererLabels` places. */
export const PLACED_LABELS = { defaultDrawNodeLabel: collectLabel as unknown as Settings["defaultDrawNodeLabel"] };

/**
 * Has `renderer` draw its labels placed (see the banner); `obstacles` gives, at each frame, the
 * boxes labels keep clear of, in viewport pixels. Returns what undoes it.
 */
export function placeRendererLabels(renderer: Sigma, obstacles: () => Box[] = () => []): () => void {
  // A renderer made with PLACED_LABELS has it already: a change of setting would index and draw
  // the whole network again on the next frame (the first frame twice over).
  if (renderer.getSetting("defaultDrawNodeLabel") !== PLACED_LABELS.defaultDrawNodeLabel) renderer.setSetting("defaultDrawNodeLabel", PLACED_LABELS.defaultDrawNodeLabel);
  const context = renderer.getCanvases()["labels"]?.getContext("2d") as CanvasRenderingContext2D;
  const clear = () => void chosen.delete(context);
  // After every other listener of the frame (community labels move in theirs), before it is shown.
  const draw = () => queueMicrotask(() => drawPlaced(renderer, context, obstacles()));
  renderer.on("beforeRender", clear);
  renderer.on("afterRender", draw);
  return () => {
    renderer.off("beforeRender", clear);
    renderer.off("afterRender", draw);
  };
}

function drawPlaced(renderer: Sigma, context: CanvasRenderingContext2D, obstacles: Box[]): void {
  const candidates = chosen.get(context) ?? [];
  chosen.delete(context);
  const { labelSize, labelFont, labelWeight, labelColor } = renderer.getSettings();
  context.font = `${labelWeight} ${labelSize}px ${labelFont}`;
  context.fillStyle = labelColor.color ?? "#000";
  const { width, height } = renderer.getDimensions();
  const placed = placeLabels(candidates, (text) => context.measureText(text).width, labelSize, { left: 0, top: 0, right: width, bottom: height }, obstacles);
  const shown: Array<{ text: string; box: Box }> = [];
  for (const label of placed) {
    if (label === undefined) continue;
    context.fillText(label.candidate.text, label.box.left + PADDING, label.candidate.y + labelSize / 3);
    shown.push({ text: label.candidate.text, box: label.box });
  }
  drawn.set(renderer, shown);
}

/** What floats over the canvas, which labels keep clear of: the zoom buttons, the status line, community names. */
const FLOATING = ".zoom, #status, .group-label";

/** The boxes of what floats over `container`, in its pixels. */
export function floatingBoxes(container: HTMLElement): Box[] {
  const origin = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const element of document.querySelectorAll<HTMLElement>(FLOATING)) {
    const box = element.getBoundingClientRect();
    if (element.hidden || box.width === 0 || box.height === 0) continue;
    boxes.push({ left: box.left - origin.left, top: box.top - origin.top, right: box.right - origin.left, bottom: box.bottom - origin.top });
  }
  return boxes;
}
