import { defineProject } from "vitest/config";

// The tests build the app (once, in global-setup.ts) and drive Chromium: each step takes seconds,
// not milliseconds.
export default defineProject({ test: { testTimeout: 120_000, hookTimeout: 180_000, globalSetup: ["test/global-setup.ts"] } });
