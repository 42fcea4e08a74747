export { isEmbargoed } from './embargo';
export { DEFAULT_DISPLAY_DATE_STYLE, DEFAULT_DISPLAY_TIME_ZONE, formatDisplayDate, parseDisplayDateStyle } from './format-display-date';
export type { DisplayDateStyle } from './format-display-date';
export { isSubstantiveChange, stampPublicationDate, SUBSTANTIVE_FIELDS } from './publication-dates';
export { toInstant, toOptionalInstant } from './to-instant';
export { isStorableInstant } from './storable-instant';
