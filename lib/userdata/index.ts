export {
  exportUserData,
  isReadingSource,
  parseReadingNote,
  readingNote,
  readingSourceId,
  USER_DATA_FORMAT,
  USER_DATA_MARKER,
  USER_DATA_URN,
  type UserDataExport,
} from './export';
export {
  type AppliedImport,
  applyImport,
  type CurrentUserData,
  type ImportChoices,
  type ImportConflict,
  type ImportContext,
  type ImportPlan,
  type ImportProblem,
  type ImportResult,
  importSizeProblem,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_DEPTH,
  parseImport,
} from './import';
export { FORBIDDEN_KEYS, scanJson } from './json-scan';
export {
  formatSize,
  pageLabel,
  type ReadingsOfAccount,
  readingsByAccount,
  storedSize,
  summarise,
  type UserDataSummary,
  withoutObservation,
} from './summary';
