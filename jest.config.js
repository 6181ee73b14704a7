/** Unit, adapter and file-level tests. Browser tests live in tests/e2e and run from scripts/test.mjs. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
  transform: {
    // Type errors fail the test file that has them (tsc checks the same tree in npm test's first step).
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: true }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/tests/helpers/office-addin-manifest-stub.js",
  },
  testTimeout: 60000,
  // Every workbook read in any test must account for all its rows (issue #16).
  setupFilesAfterEnv: ["<rootDir>/tests/helpers/setup-row-accounting.ts"],
};
