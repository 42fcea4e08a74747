export { analyze, analyzeToken, languageOf } from './analyze';
export { stemBg } from './stem-bg';
export { stemEn } from './stem-en';
export { STOPWORDS_BG } from './stopwords-bg';
export { STOPWORDS_EN } from './stopwords-en';
export { segmentWords, stripAccents, tokenize, wordSpans } from './tokenize';
export { blocksToText } from './blocks-to-text';
