// The live Word document as a target: insert a rendered report, read its link, refresh its figures.
export { readLinkedReport, type LinkedReportRead, type WordLinkProblem, type WordLinkProblemCode } from "./read";
export type { ApplyResult, WordRefreshPlan } from "./apply";
export { insertReport, insertFileOptions, INSERT_FILE_OPTIONS, WordInsertError, type BodyLook, type InsertResult } from "./insert";
export { overridesFromRecord } from "../../core/refresh/recompute";
export { refreshInWord, type WordRefresh, type WordRefreshOptions } from "./refresh";
export { selectFigure } from "./select";
export { bytesToBase64, defaultEnvironment } from "./host";
export type { LinkPartRef, WordEnvironment, WordFoundControl, WordMessage, WordRun } from "./host";
