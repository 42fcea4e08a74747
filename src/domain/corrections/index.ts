export { correctionsChanged, prepareCorrections } from './correction-notes';
export type { CorrectionNote } from './correction-notes';
