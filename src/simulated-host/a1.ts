// A1 references for the simulated Excel: the core's one module (src/core/address.ts), re-exported
// under the names the host uses.
export {
  MAX_COLUMNS,
  MAX_ROWS,
  colsOf,
  formatAddress,
  formatRef,
  intersect,
  parseRef,
  rowsOf,
  splitAreas,
  splitSheet,
} from "../core/address";
