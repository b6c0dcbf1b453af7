/**
 * Progress on stderr, never on stdout (results only go there): a cli-progress bar on a terminal,
 * one line per step otherwise (CI logs), nothing with --quiet.
 */
import { SingleBar } from "cli-progress";

export interface Progress {
  /** Announces a step of work. */
  step(label: string): void;
  /** A bar for a step of `total` units; call `update` as work is done and `stop` at the end. */
  bar(label: string, total: number): { update(done: number, total?: number): void; stop(): void };
}

export function createProgress(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (quiet) return { step() {}, bar: () => ({ update() {}, stop() {} }) };
  return {
    step(label) {
      stream.write(`${label}\n`);
    },
    bar(label, total) {
      if (!stream.isTTY) {
        stream.write(`${label}\n`);
        return { update() {}, stop() {} };
      }
      const bar = new SingleBar({
        format: `${label} [{bar}] {percentage}% {value}/{total}`,
        stream,
        hideCursor: true,
        clearOnComplete: true,
      });
      bar.start(total, 0);
      return {
        update(done, newTotal) {
          if (newTotal !== undefined) bar.setTotal(newTotal);
          bar.update(done);
        },
        stop() {
          bar.stop();
        },
      };
    },
  };
}
