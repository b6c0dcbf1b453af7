import { defineProject } from "vitest/config";

// These tests run the `linkscale` bin in child processes, each loading real datasets, and start
// Chromium in their hooks (report.html): on a loaded 2-core machine either takes far longer than
// Vitest's 10 s defaults (issue 22, point 11: "Hook timed out in 10000ms").
export default defineProject({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
