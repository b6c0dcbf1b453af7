import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // packages/core/assembly is AssemblyScript (its decorators and types are not TypeScript's).
  { ignores: ["**/node_modules/**", ".tsbuild/**", "**/dist/**", "datasets/**", "packages/core/assembly/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["**/bin/*.js", "scripts/*.mjs"], languageOptions: { globals: globals.node } },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
);
