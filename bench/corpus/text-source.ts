/**
 * Where the corpus gets its words: real Bulgarian news (`--news path/to/news.jsonl`, never
 * copied into the repository) or the original text shipped in fallback-paragraphs.ts.
 * Either way the result is a list of topics, each with a pool of body paragraphs, ledes, a
 * headline maker and tags, so articles of one topic share vocabulary like stories of one
 * running event do. English variants always use the shipped English text.
 */
import fs from 'fs';
import { transliterateBg } from '../../src/domain/slug';
import { FALLBACK_TOPICS, HEADLINE_SUFFIXES, type FallbackTopic, type LocaleText } from './fallback-paragraphs';
import type { Rng } from './rng';

export type CorpusLocale = 'bg' | 'en';

export interface TopicLocaleText {
  /** How many distinct paragraphs or sentences bodies are recombined from. */
  poolSize: number;
  ledes: string[];
  makeTitle(rng: Rng): string;
  /** A body: trimmed paragraphs. */
  makeBody(rng: Rng): string[];
}

export interface TopicText {
  key: string;
  sectionKey: string;
  /** Indexes into TextSource.tags. */
  tagIndexes: number[];
  bg: TopicLocaleText;
  en: TopicLocaleText;
}

export interface TagName {
  bg: string;
  en: string;
}

export interface TextSource {
  origin: 'news' | 'fallback';
  description: string;
  topics: TopicText[];
  tags: TagName[];
}

const MAX_TITLE = 200;
const SENTENCE_END = /(?<=[.!?…])\s+(?=[„"«(\p{Lu}\d])/u;

function firstSentences(paragraph: string, maxLength: number): string {
  const sentences = paragraph.split(SENTENCE_END);
  let lede = sentences[0] ?? paragraph;
  for (const sentence of sentences.slice(1)) {
    if (lede.length + 1 + sentence.length > maxLength) break;
    lede = `${lede} ${sentence}`;
  }
  return lede.length > maxLength ? `${lede.slice(0, maxLength - 1).replace(/\s+\S*$/u, '')}…` : lede;
}

const clampTitle = (title: string): string => (title.length > MAX_TITLE ? title.slice(0, MAX_TITLE).replace(/\s+\S*$/u, '') : title);

/**
 * The shipped text is small (six paragraphs a topic), so bodies are recombined from its
 * sentences: paragraphs of two or three sentences, five to seven sentences a body. Recombining whole paragraphs
 * would make most stories of a topic near-duplicates of each other (shared word shingles),
 * and the related lists would collapse to a few entries.
 */
function sentenceBodies(paragraphs: readonly string[]): (rng: Rng) => string[] {
  const sentences = paragraphs.flatMap((paragraph) => paragraph.split(SENTENCE_END));
  return (rng) => {
    // About two fifths of the pool at most: two bodies then rarely share enough to be copies.
    const chosen = rng.sample(sentences, Math.min(rng.int(5, 7), Math.max(2, Math.floor(sentences.length / 2.5))));
    const body: string[] = [];
    while (chosen.length > 0) body.push(chosen.splice(0, chosen.length <= 3 ? chosen.length : rng.int(2, 3)).join(' '));
    return body;
  };
}

function fallbackLocaleText(text: LocaleText, suffixes: string[]): TopicLocaleText {
  const makeBody = sentenceBodies(text.paragraphs);
  return {
    poolSize: text.paragraphs.length,
    ledes: text.paragraphs.map((paragraph) => firstSentences(paragraph, 300)),
    makeTitle: (rng) => clampTitle(`${rng.pick(text.subjects)} ${rng.pick(text.predicates)}${rng.pick(suffixes)}`),
    makeBody,
  };
}

const PARAGRAPHS = { min: 3, max: 5 };
const MAX_BODY_CHARS = 3200;

/** Real paragraphs are plentiful: bodies are three to five of them, about 3,000 characters at most. */
function paragraphBodies(pool: readonly string[]): (rng: Rng) => string[] {
  return (rng) => {
    const kept: string[] = [];
    let length = 0;
    for (const paragraph of rng.sample(pool, rng.int(PARAGRAPHS.min, PARAGRAPHS.max))) {
      if (kept.length > 0 && length + paragraph.length > MAX_BODY_CHARS) break;
      kept.push(paragraph);
      length += paragraph.length;
    }
    return kept;
  };
}

function createTagRegistry() {
  const tags: TagName[] = [];
  const byName = new Map<string, number>();
  return {
    tags,
    add(bg: string, en: string): number {
      const key = bg.toLocaleLowerCase('bg');
      const existing = byName.get(key);
      if (existing !== undefined) return existing;
      tags.push({ bg, en });
      byName.set(key, tags.length - 1);
      return tags.length - 1;
    },
  };
}

function fallbackTopic(topic: FallbackTopic, addTag: (bg: string, en: string) => number): TopicText {
  return {
    key: topic.key,
    sectionKey: topic.section,
    tagIndexes: topic.tags.map(([bg, en]) => addTag(bg, en)),
    bg: fallbackLocaleText(topic.bg, HEADLINE_SUFFIXES.bg),
    en: fallbackLocaleText(topic.en, HEADLINE_SUFFIXES.en),
  };
}

export function fallbackTextSource(): TextSource {
  const registry = createTagRegistry();
  return {
    origin: 'fallback',
    description: `shipped text: ${FALLBACK_TOPICS.length} topics (bench/corpus/fallback-paragraphs.ts)`,
    topics: FALLBACK_TOPICS.map((topic) => fallbackTopic(topic, registry.add)),
    tags: registry.tags,
  };
}

// ---- news.jsonl -------------------------------------------------------------------------

interface NewsRecord {
  title: string;
  body: string;
  category: string;
}

/** Sections and topic tags for the categories of news.jsonl; an unknown category goes to "world". */
const CATEGORY_META: Record<string, { section: string; tag: [string, string] }> = {
  brexit: { section: 'world', tag: ['Брекзит', 'Brexit'] },
  'covid-19': { section: 'health', tag: ['COVID-19', 'COVID-19'] },
  us_election_2020: { section: 'world', tag: ['Избори в САЩ', 'US election'] },
  nord_stream: { section: 'economy', tag: ['Северен поток', 'Nord Stream'] },
  asia_bibi: { section: 'world', tag: ['Асия Биби', 'Asia Bibi'] },
  ryanair: { section: 'economy', tag: ['Райънеър', 'Ryanair'] },
};

function readNews(path: string): NewsRecord[] {
  const records: NewsRecord[] = [];
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const parsed = JSON.parse(line) as Partial<NewsRecord>;
    if (typeof parsed.title === 'string' && typeof parsed.body === 'string' && typeof parsed.category === 'string') {
      records.push({ title: parsed.title.trim(), body: parsed.body, category: parsed.category });
    }
  }
  return records;
}

const capitalise = (word: string): string => word.charAt(0).toLocaleUpperCase('en') + word.slice(1);

/**
 * Proper names of a category: capitalised words inside its headlines that never occur in
 * lower case in its bodies (so „Летище“ at the start of a phrase is not a name).
 */
function entityTags(records: readonly NewsRecord[], limit: number): string[] {
  const lowerWords = new Set<string>();
  for (const record of records) for (const word of record.body.split(/[^\p{L}]+/u)) if (word && word === word.toLocaleLowerCase('bg')) lowerWords.add(word);
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const raw of record.title.split(/\s+/u).slice(1)) {
      const word = raw.replace(/[^\p{L}\p{N}-]/gu, '');
      if (word.length < 3 || !/^\p{Lu}/u.test(word) || lowerWords.has(word.toLocaleLowerCase('bg'))) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([word]) => word);
}

const TITLE_SEPARATORS = [': ', ' – ', ' - ', ', '];

/** Real headlines, and new ones from the head of one and the tail of another (same separator). */
function newsTitleMaker(titles: readonly string[]): (rng: Rng) => string {
  const splits: Array<{ head: string; separator: string; tail: string }> = [];
  for (const title of titles) {
    const separator = TITLE_SEPARATORS.find((candidate) => title.includes(candidate));
    if (!separator) continue;
    const at = title.indexOf(separator);
    splits.push({ head: title.slice(0, at), separator, tail: title.slice(at + separator.length) });
  }
  return (rng) => {
    if (splits.length < 2 || rng.chance(0.3)) return clampTitle(`${rng.pick(titles)}${rng.pick(HEADLINE_SUFFIXES.bg)}`);
    const head = rng.pick(splits);
    const tails = splits.filter((split) => split.separator === head.separator);
    return clampTitle(`${head.head}${head.separator}${rng.pick(tails).tail}`);
  };
}

function newsParagraphs(records: readonly NewsRecord[]): string[] {
  const paragraphs = new Set<string>();
  for (const record of records) {
    for (const paragraph of record.body.split(/\n[^\S\n]*\n/u)) {
      const text = paragraph.replace(/\s+/gu, ' ').trim();
      if (text.length >= 80 && text.length <= 1200) paragraphs.add(text);
    }
  }
  return [...paragraphs];
}

function newsTopic(category: string, records: NewsRecord[], index: number, addTag: (bg: string, en: string) => number): TopicText | null {
  const paragraphs = newsParagraphs(records);
  if (paragraphs.length < 5) return null;
  const meta = CATEGORY_META[category] ?? { section: 'world', tag: [category, category] as [string, string] };
  const english = FALLBACK_TOPICS[index % FALLBACK_TOPICS.length] as FallbackTopic;
  const ledes = records
    .map((record) =>
      firstSentences(
        record.body
          .split(/\n[^\S\n]*\n/u)[0]
          ?.replace(/\s+/gu, ' ')
          .trim() ?? '',
        300,
      ),
    )
    .filter((lede) => lede.length >= 40);
  return {
    key: category,
    sectionKey: meta.section,
    tagIndexes: [...new Set([addTag(...meta.tag), ...entityTags(records, 8).map((word) => addTag(word, capitalise(transliterateBg(word))))])],
    bg: {
      poolSize: paragraphs.length,
      ledes,
      makeTitle: newsTitleMaker([...new Set(records.map((record) => record.title))]),
      makeBody: paragraphBodies(paragraphs),
    },
    en: fallbackLocaleText(english.en, HEADLINE_SUFFIXES.en),
  };
}

export function newsTextSource(path: string): TextSource {
  const byCategory = new Map<string, NewsRecord[]>();
  for (const record of readNews(path)) byCategory.set(record.category, [...(byCategory.get(record.category) ?? []), record]);
  const registry = createTagRegistry();
  const topics = [...byCategory.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([category, records], index) => newsTopic(category, records, index, registry.add))
    .filter((topic): topic is TopicText => topic !== null);
  if (topics.length === 0) throw new Error(`${path}: no usable articles (need title, body, category)`);
  const count = topics.reduce((sum, topic) => sum + topic.bg.poolSize, 0);
  return { origin: 'news', description: `${path}: ${topics.length} topics, ${count} paragraphs recombined`, topics, tags: registry.tags };
}

export function loadTextSource(newsPath: string | undefined): TextSource {
  if (!newsPath) return fallbackTextSource();
  if (!fs.existsSync(newsPath)) throw new Error(`--news ${newsPath}: no such file`);
  return newsTextSource(newsPath);
}
