import { defineProject } from "vitest/config";

// These tests run the `linkscale` bin in child processes, each loading real datasets.
export default defineProject({ test: { testTimeout: 120_000 } });
