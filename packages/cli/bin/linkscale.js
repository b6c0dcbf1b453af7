#!/usr/bin/env node
// The linkscale command. It runs the TypeScript sources as they are (no build step): tsx
// registers its loader before the first .ts module is imported. An error thrown after `main` has
// returned (in `view`'s server, say) is reported as `main` reports its own: one line, exit 70 for
// a bug, never a stack trace without --debug.
import { register } from "tsx/esm/api";

register();
const { main, reportError, wantsDebug } = await import("../src/main.ts");
const crashed = (error) => process.exit(reportError(error, wantsDebug(process.argv)));
process.on("uncaughtException", crashed);
process.on("unhandledRejection", crashed);
process.exitCode = await main(process.argv);
