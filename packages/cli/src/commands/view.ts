import { basename } from "node:path";
import { serveViewer } from "@linkscale/viewer/serve";
import type { Command } from "commander";
import { inputPaths, InputError } from "../input.ts";

interface ViewFlags {
  port?: string;
  quiet?: boolean;
}

export function viewCommand(program: Command): void {
  program
    .command("view")
    .description("open a network in the viewer: serves the app and the files on 127.0.0.1 until Ctrl-C")
    .argument("[input...]", "files or directories, as for validate (none: the bundled datasets)")
    .option("--port <n>", "port to listen on (default: a free one)")
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
      process.stdout.write(`${server.url}\n`);
      if (!flags.quiet) process.stderr.write("serving on 127.0.0.1 only; Ctrl-C stops\n");
      await new Promise<void>((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
      });
      await server.close();
    });
}
