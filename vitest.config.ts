import { defineConfig } from "vitest/config";
// Vitest 4 ignores vitest.workspace.ts on its own; the project list lives there and is used here.
import projects from "./vitest.workspace.ts";

export default defineConfig({ test: { projects } });
