#!/usr/bin/env node
// The linkscale command. It runs the TypeScript sources as they are (no build step): tsx
// registers its loader before the first .ts module is imported.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv);
