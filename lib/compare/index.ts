export { accountFigures, CompareError, compareAccount, mainAccount, tryCompareAccount } from './compare';
export { headline } from './headline';
export { DATE_SPAN_DAYS, FLAG_CODES, METHOD_SUMMARY, METHOD_VERSION, METRIC_PREFERENCE } from './method';
export type * from './types';
