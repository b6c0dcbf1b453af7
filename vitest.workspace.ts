// The list of test projects: one per workspace package. Vitest 4 no longer reads this file by
// itself; vitest.config.ts imports it as `test.projects`.
export default ["packages/core", "packages/io", "packages/cli", "apps/viewer"];
