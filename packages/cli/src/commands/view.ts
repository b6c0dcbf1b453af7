import { basename } from "node:path";
import { serveViewer } from "@linkscale/viewer/serve";
import { InvalidArgumentError, type Command } from "commander";
import { parseStagesFlag } from "../analysis/stages.ts";
import { inputPaths, InputError } from "../input.ts";

interface ViewFlags {
  port?: string;
  quiet?: boolean;
  stages?: Record<string, readonly [number, number]>;
}

/** --stages for the viewer: named stages only, NAME=FROM-TO,… (it plays the years by itself). */
function parseViewStages(value: string): Record<string, readonly [number, number]> {
  const windowing = parseStagesFlag(value);
  if (windowing.kind !== "stages") throw new InvalidArgumentError("the viewer steps through the years by itself: --stages takes named stages, NAME=FROM-TO,… (e.g. start-up=2014-2015,development=2016-2018)");
  return windowing.stages;
}

export function viewCommand(program: Command): void {
  program
    .command("view")
    .description("open a network in the viewer: serves the app and the files on 127.0.0.1 until Ctrl-C")
    .argument("[input...]", "files or directories, as for validate (none: the bundled datasets)")
    .option("--port <n>", "port to listen on (default: a free one)")
    .option("--stages <stages>", "named stages to choose a year window from and play through: NAME=FROM-TO,… (e.g. start-up=2014-2015,development=2016-2018)", parseViewStages)
    .option("-q, --quiet", "no progress on stderr")
    .action(async (inputs: string[], flags: ViewFlags) => {
      const port = flags.port === undefined ? 0 : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port: not a port number: ${flags.port}`);
      const paths = inputPaths(inputs);
      // What the user named bounds what is served: a symlink in a named folder that leads out of it is not.
      const server = await serveViewer({
        port,
        ...(paths.length === 0 ? {} : { dataset: { name: inputs.map((input) => basename(input)).join(" + "), paths, roots: inputs } }),
        onProgress: (message) => flags.quiet || process.stderr.write(`${message}\n`),
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "EADDRINUSE" || error.code === "EACCES") throw new InputError(`--port ${port}: ${error.code === "EADDRINUSE" ? "in use" : "not allowed"}; leave it out for a free port`);
        throw error;
      });
      // The address is the command's result: stdout. It serves until interrupted.
      const stages = flags.stages === undefined ? "" : `?stages=${encodeURIComponent(Object.entries(flags.stages).map(([name, [from, to]]) => `${name}:${from}-${to}`).join(","))}`;
      process.stdout.write(`${server.url}${stages}\n`);
      if (!flags.quiet) process.stderr.write("serving on 127.0.0.1 only; Ctrl-C stops\n");
      await new Promise<void>((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
      });
      await server.close();
    });
}
