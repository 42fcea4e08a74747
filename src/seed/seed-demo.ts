import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';
import { type ArticleData, type ArticleTexts, type DemoData, loadDemoData, paragraphsToBlocks } from './demo-data';

const STORE = { type: 'core' as const, name: 'novinar', key: 'demo-seed' };

/** key → documentId of everything the seed created; recorded after each item so a crash resumes. */
type SeedRecord = Record<string, string>;

interface UploadedFile {
  id: number;
}

async function readRecord(strapi: Core.Strapi): Promise<SeedRecord> {
  return ((await strapi.store.get(STORE)) as SeedRecord | null) ?? {};
}

async function remember(strapi: Core.Strapi, record: SeedRecord, key: string, documentId: string): Promise<string> {
  record[key] = documentId;
  await strapi.store.set({ ...STORE, value: record });
  return documentId;
}

async function uploadImage(strapi: Core.Strapi, dir: string, file: string, alternativeText: string, caption: string): Promise<number> {
  // The upload service removes what it reads from, so hand it a copy of the shipped file.
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'novinar-seed-')), file);
  fs.copyFileSync(path.join(dir, 'images', file), tmp);
  try {
    const [uploaded] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: file, alternativeText, caption } },
        files: { filepath: tmp, originalFilename: file, mimetype: 'image/jpeg', size: fs.statSync(tmp).size },
      })) as UploadedFile[];
    return uploaded.id;
  } finally {
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }
}

async function seedTaxonomies(strapi: Core.Strapi, data: DemoData, record: SeedRecord): Promise<void> {
  for (const agency of data.agencies) {
    const key = `agency:${agency.key}`;
    if (record[key]) continue;
    const created = await strapi.documents(SOURCE_AGENCY).create({
      locale: 'bg',
      data: { ...agency.bg, slug: agency.slug, url: agency.url, kind: agency.kind },
    });
    if (agency.en) {
      await strapi.documents(SOURCE_AGENCY).update({ documentId: created.documentId, locale: 'en', data: { ...agency.en, slug: agency.slug } });
    }
    await remember(strapi, record, key, created.documentId);
  }
  for (const [uid, prefix, items] of [
    [SECTION, 'section', data.sections],
    [TAG, 'tag', data.tags],
  ] as const) {
    for (const item of items) {
      const key = `${prefix}:${item.key}`;
      if (record[key]) continue;
      const created = await strapi.documents(uid).create({ locale: 'bg', data: { name: item.bg.name } });
      if (item.en) await strapi.documents(uid).update({ documentId: created.documentId, locale: 'en', data: { name: item.en.name } });
      await remember(strapi, record, key, created.documentId);
    }
  }
}

/** Bylines are published authors: a published story can only credit published rows. */
async function seedAuthors(strapi: Core.Strapi, data: DemoData, record: SeedRecord): Promise<void> {
  for (const author of data.authors) {
    const key = `author:${author.key}`;
    if (record[key]) continue;
    const created = await strapi.documents(AUTHOR).create({ locale: 'bg', data: { ...author.bg, links: author.links } as never });
    await strapi.documents(AUTHOR).publish({ documentId: created.documentId, locale: 'bg' });
    if (author.en) {
      await strapi.documents(AUTHOR).update({ documentId: created.documentId, locale: 'en', data: { ...author.en, links: author.links } as never });
      await strapi.documents(AUTHOR).publish({ documentId: created.documentId, locale: 'en' });
    }
    await remember(strapi, record, key, created.documentId);
  }
}

function articleFields(article: ArticleData, texts: ArticleTexts, record: SeedRecord, coverId: number) {
  return {
    title: texts.title,
    lede: texts.lede,
    body: paragraphsToBlocks(texts.body),
    cover: coverId,
    coverCaption: texts.coverCaption,
    publicationDate: article.publicationDate,
    commentsEnabled: article.commentsEnabled,
    sourceAgency: record[`agency:${article.sourceAgency}`],
    authors: article.authors.map((key) => record[`author:${key}`]),
    citedAgencies: article.citedAgencies.map((key) => record[`agency:${key}`]),
    section: record[`section:${article.section}`],
    tags: article.tags.map((key) => record[`tag:${key}`]),
  };
}

async function seedArticle(strapi: Core.Strapi, data: DemoData, article: ArticleData, record: SeedRecord): Promise<void> {
  const key = `article:${article.key}`;
  if (record[key]) return;
  const coverId = await uploadImage(strapi, data.dir, article.cover.file, article.bg.coverAlt, article.bg.coverCaption);
  // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
  const created = await strapi.documents(ARTICLE).create({ locale: 'bg', data: articleFields(article, article.bg, record, coverId) as never });
  const { documentId } = created;
  await strapi.documents(ARTICLE).publish({ documentId, locale: 'bg' });
  if (article.en) {
    // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
    await strapi.documents(ARTICLE).update({ documentId, locale: 'en', data: articleFields(article, article.en, record, coverId) as never });
    await strapi.documents(ARTICLE).publish({ documentId, locale: 'en' });
  }
  // Publishing made each variant's teaser from the article; the demo cards' own wording replaces it.
  for (const [locale, texts] of [
    ['bg', article.bg],
    ['en', article.en],
  ] as const) {
    if (!texts || (texts.teaser.title === texts.title && texts.teaser.lede === texts.lede)) continue;
    const teaser = (await strapi.db.query(TEASER).findOne({ where: { locale, publishedAt: null, article: { documentId } }, select: ['documentId'] })) as {
      documentId: string;
    } | null;
    if (!teaser) throw new Error(`the ${locale} teaser of ${article.key} was not created on publish`);
    // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
    await strapi.documents(TEASER).update({ documentId: teaser.documentId, locale, data: { title: texts.teaser.title, lede: texts.teaser.lede } as never });
    await strapi.documents(TEASER).publish({ documentId: teaser.documentId, locale });
  }
  await remember(strapi, record, `bylines:${article.key}`, documentId);
  await remember(strapi, record, key, documentId);
}

/** Sites seeded before bylines existed get them once (stories seeded since carry them from the start). */
async function seedBylines(strapi: Core.Strapi, data: DemoData, record: SeedRecord): Promise<void> {
  for (const article of data.articles.filter((candidate) => candidate.authors.length > 0)) {
    const key = `bylines:${article.key}`;
    const documentId = record[`article:${article.key}`];
    if (record[key] || !documentId) continue;
    const authors = article.authors.map((author) => record[`author:${author}`]);
    for (const locale of article.en ? ['bg', 'en'] : ['bg']) {
      await strapi.documents(ARTICLE).update({ documentId, locale, data: { authors } as never });
      await strapi.documents(ARTICLE).publish({ documentId, locale });
    }
    await remember(strapi, record, key, documentId);
  }
}

/** Editor picks can only point at articles that exist, so they are set once all are in. */
async function seedEditorPicks(strapi: Core.Strapi, data: DemoData, record: SeedRecord): Promise<void> {
  for (const article of data.articles.filter((candidate) => candidate.relatedArticles.length > 0)) {
    const key = `picks:${article.key}`;
    if (record[key]) continue;
    const documentId = record[`article:${article.key}`];
    const picks = article.relatedArticles.map((related) => record[`article:${related}`]);
    // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
    await strapi.documents(ARTICLE).update({ documentId, locale: 'bg', data: { relatedArticles: picks } as never });
    await strapi.documents(ARTICLE).publish({ documentId, locale: 'bg' });
    await remember(strapi, record, key, documentId);
  }
}

/**
 * Seeds the demo newsroom (a real front page's stories, src/seed/data) through the Document Service, so the
 * write-time middlewares run on it. Idempotent: each item is recorded in the core store once
 * created, so a second start (or a restart after a crash) creates nothing twice, and demo
 * items an editor deleted stay deleted.
 */
export async function seedDemo(strapi: Core.Strapi, dataDir: string): Promise<void> {
  const data = loadDemoData(dataDir);
  const record = await readRecord(strapi);
  await seedTaxonomies(strapi, data, record);
  await seedAuthors(strapi, data, record);
  for (const article of data.articles) {
    await seedArticle(strapi, data, article, record);
  }
  await seedBylines(strapi, data, record);
  await seedEditorPicks(strapi, data, record);
}
