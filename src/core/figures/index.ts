// Figures: the 指标定义 language, the default figures of the seed report, and their evaluation.
export { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, SEED_MANUAL_VALUES, definitionToRow, withSeedManualValues } from "./defaults";
export { readDefinitions, DEFINITIONS_TABLE, FIELD_HEADERS as DEFINITION_FIELD_HEADERS } from "./read";
export { evaluateFigures, figureColumns, ledgerDepartments, ALL_DEPARTMENTS, type EvaluateOptions } from "./evaluate";
export { parseAggregate, aggregateToText, parseConditions, conditionsToText, periodKindFromLabel, periodLabel } from "./syntax";
