// The simulated Office host: an in-memory Excel behind the Office.js API subset the add-in uses.
export * from "./excel";
export { installSimulatedOffice, type SimulatedOfficeOptions } from "./office";
export { formatAddress, parseRef, splitSheet } from "./a1";
export * from "./word";
