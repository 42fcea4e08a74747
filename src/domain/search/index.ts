export { cyrillicKey, cyrillicReadings, isLatinToken, latinKeys, MAX_READINGS } from './latin-reading';
export { documentTerms, KEY_PREFIX, queryWords, tokenTerms, type QueryWord } from './search-terms';
export { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MIN_QUERY_LENGTH, parseSearchQuery, type ParsedSearchQuery } from './parse-search-query';
export { fts5Match, tsqueryLiteral, tsvectorLiteral } from './match-expression';
export { escapeHtml, highlightSnippet, MARK_CLOSE, MARK_OPEN, SNIPPET_LENGTH, SNIPPET_TEXT_CHARS } from './snippet';
export { recencyFactor, SEARCH_RECENCY_DEFAULTS, type RecencySettings } from './recency';
export { parseDateBound } from './date-bounds';
