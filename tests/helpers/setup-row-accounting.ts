// Every workbook any test reads through the ledger reader has its rows accounted for (issue #16):
// readLedgers is wrapped so that each call also checks the invariant against an independent
// count of the workbook's cells (tests/helpers/row-accounting.ts).
import type * as Read from "../../src/core/ledger/read";
import type * as Accounting from "./row-accounting";

jest.mock("../../src/core/ledger/read", () => {
  const actual: typeof Read = jest.requireActual("../../src/core/ledger/read");
  const { assertRowAccounting }: typeof Accounting = jest.requireActual("./row-accounting");
  return {
    ...actual,
    readLedgers: (...args: Parameters<typeof Read.readLedgers>) => {
      const set = actual.readLedgers(...args);
      if (args[0] && Array.isArray(args[0].tables)) assertRowAccounting(args[0], set);
      return set;
    },
  };
});
