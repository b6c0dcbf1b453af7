import { defineConfig } from "vitest/config";
// Vitest 4 ignores vitest.workspace.ts on its own; the project list lives there and is used here.
import projects from "./vitest.workspace.ts";

// Two test files at once: by default Vitest leaves one of two cores free, and npm test then runs
// its files one after another (over 11 minutes on a 2-core machine, most of it waiting on Chromium
// or on child processes).
export default defineConfig({ test: { projects, maxWorkers: 2 } });
