// `npm run lint` (office-addin-lint) picks this file up instead of its built-in config: the same
// Office add-in rules, plus the globals our three environments have (browser pane, Node CLI, tests).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  { ignores: ["dist/**", "dist-playground/**", "node_modules/**", "bench/data/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { ...globals.browser, ...globals.node, ...globals.jest, Office: "readonly", Excel: "readonly", Word: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      // TypeScript checks undefined names itself, including type-only globals the rule cannot see.
      "no-undef": "off",
      // Sanitising XML text means matching control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // The simulated hosts implement the API rather than call it; the load/sync rules do not apply.
    files: ["src/simulated-host/**", "tests/**"],
    rules: { "office-addins/load-object-before-read": "off", "office-addins/call-sync-before-read": "off" },
  },
];
