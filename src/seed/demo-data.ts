import fs from 'fs';
import path from 'path';

/** Shapes of the demo data files in src/seed/data (see its README). */
export interface LocalizedName {
  name: string;
}
export interface AgencyData {
  key: string;
  slug: string;
  url: string;
  kind: 'wire' | 'staff' | 'partner' | 'freelance';
  bg: { name: string; creditLine: string };
  en?: { name: string; creditLine: string };
}
export interface AuthorTexts {
  name: string;
  role: string;
  bio: string;
}
export interface AuthorData {
  key: string;
  links: Array<{ label: string; url: string }>;
  bg: AuthorTexts;
  en?: AuthorTexts;
}
export interface TaxonomyData {
  key: string;
  bg: LocalizedName;
  en?: LocalizedName;
}
export interface ArticleTexts {
  title: string;
  lede: string;
  coverCaption: string;
  coverAlt: string;
  body: string[];
  teaser: { title: string; lede: string };
}
export interface ArticleData {
  key: string;
  publicationDate: string;
  section: string;
  tags: string[];
  sourceAgency: string;
  /** Bylines in order; empty for a wire story (the agency credit stays separate). */
  authors: string[];
  citedAgencies: string[];
  commentsEnabled: boolean;
  cover: { file: string };
  relatedArticles: string[];
  bg: ArticleTexts;
  en?: ArticleTexts;
}
export interface DemoData {
  dir: string;
  agencies: AgencyData[];
  authors: AuthorData[];
  sections: TaxonomyData[];
  tags: TaxonomyData[];
  articles: ArticleData[];
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

/** Reads and cross-checks the demo files; a dangling key fails loudly before anything is written. */
export function loadDemoData(dir: string): DemoData {
  const data: DemoData = {
    dir,
    agencies: readJson(dir, 'agencies.json'),
    authors: readJson(dir, 'authors.json'),
    sections: readJson(dir, 'sections.json'),
    tags: readJson(dir, 'tags.json'),
    articles: readJson(dir, 'articles.json'),
  };
  const keys = (items: Array<{ key: string }>) => new Set(items.map((item) => item.key));
  const agencies = keys(data.agencies);
  const authors = keys(data.authors);
  const sections = keys(data.sections);
  const tags = keys(data.tags);
  const articles = keys(data.articles);
  for (const article of data.articles) {
    const missing = [
      ...[article.sourceAgency, ...article.citedAgencies].filter((key) => !agencies.has(key)),
      ...(sections.has(article.section) ? [] : [article.section]),
      ...article.tags.filter((key) => !tags.has(key)),
      ...article.authors.filter((key) => !authors.has(key)),
      ...article.relatedArticles.filter((key) => !articles.has(key)),
    ];
    if (missing.length > 0) throw new Error(`demo article "${article.key}" refers to unknown keys: ${missing.join(', ')}`);
  }
  return data;
}

/** Paragraph strings → Strapi blocks, so the body stays structured. */
export function paragraphsToBlocks(paragraphs: readonly string[]) {
  return paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));
}
