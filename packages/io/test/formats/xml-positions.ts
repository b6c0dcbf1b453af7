/**
 * Where an element starts in a hand-made XML text, as the GEXF and GraphML readers report it: the
 * 1-based line (`row`) and column (`character`) of the n-th occurrence of `start`, found by
 * searching the text itself, so that expected positions in tests come from the text they check.
 */
export function positionIn(text: string, start: string, occurrence = 1): { row: number; character: number } {
  let offset = -1;
  for (let found = 0; found < occurrence; found++) {
    offset = text.indexOf(start, offset + 1);
    if (offset < 0) throw new Error(`positionIn: "${start}" occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, offset).split("\n");
  return { row: before.length, character: (before[before.length - 1] as string).length + 1 };
}
