export { describeEntry, describeStudy, type EntryWords, type SourceWords, studyFooter } from './describe';
export { checkedAbsences, STUDY_ENTITIES, studyToday } from './study';
export * from './types';
export {
  STUDY_SCHEMA_ID,
  type StudyDocument,
  studyDocument,
  studyFileName,
  studyToJson,
  studyToMarkdown,
  studyToText,
} from './writers';
