import { defineProject } from "vitest/config";

// Reference tests compute every measure on real datasets (and io's read the full Horizon 2020
// file): seconds each, more on a busy machine.
export default defineProject({ test: { testTimeout: 120_000 } });
