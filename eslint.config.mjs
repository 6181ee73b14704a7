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
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        Word: "readonly",
        OfficeExtension: "readonly",
      },
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
  {
    // The core is pure (README, issue #13): plain data in, plain data out. It may not reach into a
    // host, a pane, an adapter, the simulated Office hosts or Node; src/core/tsconfig.json keeps
    // their types out, this keeps their modules out.
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/adapters/**",
                "**/adapters",
                "**/taskpane/**",
                "**/web/**",
                "**/cli/**",
                "**/playground/**",
                "**/simulated-host/**",
                "**/simulated-host",
              ],
              message: "src/core is pure: adapters, panes, hosts and the CLI depend on it, never the other way round.",
            },
            { group: ["node:*"], message: "src/core is pure: no Node built-ins (use an adapter)." },
            {
              group: ["exceljs", "react", "react-dom", "@fluentui/*"],
              message: "src/core is pure: a file library or a UI belongs in an adapter or a pane.",
            },
          ],
          paths: ["fs", "path", "os", "crypto", "zlib", "buffer", "stream", "util", "child_process", "worker_threads", "url"].map(
            (name) => ({
              name,
              message: "src/core is pure: no Node built-ins (use an adapter).",
            }),
          ),
        },
      ],
    },
  },
];
