export {
  CHART_COLOURS,
  CHART_LAYOUT,
  type ChartBar,
  type ChartContext,
  type ChartModel,
  chartModel,
  drawChart,
} from './chart';
export {
  type CsvDialect,
  type CsvOptions,
  comparisonCsvHeader,
  comparisonToCsv,
  defaultDialect,
  groupCsvHeader,
  groupToCsv,
} from './csv';
export { exportFileName, groupExportFileName } from './filename';
export {
  COMPARISON_SCHEMA_ID,
  type ComparisonDocument,
  comparisonDocument,
  comparisonToJson,
  GROUP_SCHEMA_ID,
  type GroupDocument,
  groupDocument,
  groupToJson,
} from './json';
export { comparisonToMarkdown, escapeMarkdown } from './markdown';
