/**
 * Backup and restore: what a restored site serves. A site with the demo newsroom, a story renamed
 * after publication (a former slug that must keep answering 301), an embargoed story (a pending
 * go-live moment) and an approved comment is backed up with the functions `npm run backup` and
 * `npm run restore` call, restored into a fresh database, and every public answer recorded
 * before is asked again.
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { createAdminUser, createFullAccessToken, MAIN_TITLE, articleIdByTitle } from '../helpers/fixtures';
import { createBackup } from '../../scripts/backup';
import { restoreBackup, RestoreRefused } from '../../scripts/restore';
import { ARTICLE, COMMENT, SECTION, TAG } from '../../src/uids';
import { SLUG_REGISTRY_TABLE } from '../../src/slugs/slug-registry';
import { GOLIVE_TABLE } from '../../src/golive/golive-store';
import { DOCS, LISTS } from '../../src/related/related-store';
import { instantToIso } from '../../src/domain/backup/dump-rows';

const KEY = 'correct horse battery staple';
const WORK = path.resolve(__dirname, '..', '..', '.tmp', 'test', `backup-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}`);
const ENCRYPTED = path.join(WORK, 'site-encrypted.tar.gz');
const PLAIN = path.join(WORK, 'site.tar.gz');
/** The restored site's own public folder: Strapi's import replaces the uploads folder wholesale. */
const RESTORED_PUBLIC = path.join(WORK, 'public');

interface Context {
  mainSlug: string;
  mainSlugEn: string;
  otherSlugs: string[];
  storySlug: string;
  formerSlug: string;
  embargoedSlug: string;
  tagSlug: string;
  sectionSlug: string;
}

interface Answer {
  status: number;
  location?: string;
  body: unknown;
}

type Probe = (server: TestApp['server'], ctx: Context) => Promise<Answer | Answer[]>;

const get = async (server: TestApp['server'], url: string): Promise<Answer> => {
  const res = await request(server).get(url);
  return { status: res.status, ...(res.headers.location ? { location: res.headers.location as string } : {}), body: res.body };
};

const RELATED_QUERY =
  'query ($slug: String!) { articleBySlug(slug: $slug, locale: "bg") { documentId title slug commentCount tags { slug } related(limit: 3) { documentId slug path commentCount } } }';

/** The public answers compared before and after: each names what a reader or a front end asks. */
const PROBES: Array<[string, Probe]> = [
  ['by-slug: the lead story (bg)', (s, c) => get(s, `/api/articles/by-slug/${c.mainSlug}?locale=bg`)],
  ['by-slug: the lead story (en)', (s, c) => get(s, `/api/articles/by-slug/${c.mainSlugEn}?locale=en`)],
  ['by-slug: the other seeded stories', (s, c) => Promise.all(c.otherSlugs.map((slug) => get(s, `/api/articles/by-slug/${slug}?locale=bg`)))],
  ['by-slug: the renamed story under its current slug', (s, c) => get(s, `/api/articles/by-slug/${c.storySlug}?locale=bg`)],
  ['by-slug: the renamed story under its former slug (301 + Location)', (s, c) => get(s, `/api/articles/by-slug/${c.formerSlug}?locale=bg`)],
  ['by-slug: the embargoed story stays hidden', (s, c) => get(s, `/api/articles/by-slug/${c.embargoedSlug}?locale=bg`)],
  ['related feed of the lead story', (s, c) => get(s, `/api/articles/by-slug/${c.mainSlug}/related?locale=bg&limit=5`)],
  ['related feed of the renamed story', (s, c) => get(s, `/api/articles/by-slug/${c.storySlug}/related?locale=bg&limit=5`)],
  ['latest teasers (bg)', (s) => get(s, '/api/teasers/latest?locale=bg&limit=10')],
  ['latest teasers (en)', (s) => get(s, '/api/teasers/latest?locale=en&limit=10')],
  [
    'latest teasers of a section, second page',
    async (s, c) => {
      const first = await get(s, `/api/teasers/latest?locale=bg&limit=2&section=${c.sectionSlug}`);
      const cursor = (first.body as { meta?: { nextCursor?: string } }).meta?.nextCursor;
      return [first, cursor ? await get(s, `/api/teasers/latest?locale=bg&limit=2&section=${c.sectionSlug}&cursor=${cursor}`) : { status: 0, body: null }];
    },
  ],
  ['comment counts', (s, c) => get(s, `/api/comments/counts?locale=bg&slugs=${[c.mainSlug, c.storySlug, ...c.otherSlugs].join(',')}`)],
  ['approved comments of the renamed story', (s, c) => get(s, `/api/articles/by-slug/${c.storySlug}/comments?locale=bg`)],
  ['tag by-slug', (s, c) => get(s, `/api/tags/by-slug/${c.tagSlug}?locale=bg`)],
  ['section by-slug', (s, c) => get(s, `/api/sections/by-slug/${c.sectionSlug}?locale=bg`)],
  ['source agency by-slug', (s) => get(s, '/api/source-agencies/by-slug/bgnes?locale=bg')],
  [
    'GraphQL articleBySlug with related, under the former slug',
    async (s, c) => {
      const res = await request(s)
        .post('/graphql')
        .send({ query: RELATED_QUERY, variables: { slug: c.formerSlug } });
      return { status: res.status, body: res.body };
    },
  ],
  [
    'core REST list of articles with tags',
    (s) => get(s, '/api/articles?locale=bg&sort[0]=publicationDate:desc&sort[1]=documentId:asc&populate[0]=tags&pagination[pageSize]=50'),
  ],
];

/**
 * What legitimately changes in a restore and is left out of the comparison:
 * - numeric `id` fields: Strapi's import inserts every row anew, so the database hands out new
 *   ids (documentId, the identity the API is built on, is kept and is compared).
 * Timestamps (createdAt, updatedAt, publishedAt and the project's own dates) are compared: the
 * import writes the stored values back as they were.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, field]) => !(key === 'id' && typeof field === 'number'))
        .map(([key, field]) => [key, comparable(field)]),
    );
  }
  return value;
}

async function record(server: TestApp['server'], ctx: Context): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const [name, probe] of PROBES) answers.set(name, comparable(await probe(server, ctx)));
  return answers;
}

/** The rows of a table as portable values, without its own numeric id, in a stable order. */
async function tableRows(strapi: Core.Strapi, table: string): Promise<Array<Record<string, unknown>>> {
  const rows = (await strapi.db.connection(table).select('*')) as Array<Record<string, unknown>>;
  return rows
    .map(({ id: _id, ...row }) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, instantColumn(key) && value !== null ? instantToIso(value, key) : value])),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/**
 * The same instant may be stored in another shape after a restore: on SQLite a column default
 * writes UTC text, a restored Date is bound as milliseconds.
 */
const instantColumn = (column: string) => column.endsWith('_at');

async function articleIdentities(strapi: Core.Strapi) {
  return (await strapi.db.query(ARTICLE).findMany({
    select: ['id', 'documentId', 'locale', 'publishedAt'],
    orderBy: [{ documentId: 'asc' }, { locale: 'asc' }, { publishedAt: 'asc' }],
  })) as Array<{ id: number; documentId: string; locale: string; publishedAt: string | null }>;
}

let source: TestApp | null = null;
let target: TestApp;
let ctx: Context;
let before: Map<string, unknown>;
let sourceRegistry: Array<Record<string, unknown>>;
let sourceGoLive: Array<Record<string, unknown>>;
let sourceArticles: Awaited<ReturnType<typeof articleIdentities>>;
let uploads: Array<{ url: string; bytes: Buffer }>;
let adminEmail: string;
let sourceTokens: string[];

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(path.join(RESTORED_PUBLIC, 'uploads'), { recursive: true });
  source = await startTestApp();
  const { strapi } = source;
  const articles = strapi.documents(ARTICLE);
  const tag = await strapi.documents(TAG).findFirst({ locale: 'bg', filters: { name: 'Русия' } });
  const section = await strapi.documents(SECTION).findFirst({ locale: 'bg', filters: { name: 'Свят' } });
  if (!tag || !section) throw new Error('fixture: the demo tag „Русия“ or section „Свят“ is missing');

  // A story published, then renamed with a new slug: its first slug is history only the slug registry keeps.
  const story = await articles.create({
    locale: 'bg',
    data: {
      title: 'Пазарджик посреща гости',
      lede: 'Градът се готви за празника.',
      tags: { connect: [tag.documentId] },
      section: { connect: [section.documentId] },
    } as never,
  });
  await articles.publish({ documentId: story.documentId, locale: 'bg' });
  await articles.update({
    documentId: story.documentId,
    locale: 'bg',
    data: { title: 'Пазарджик посреща още гости', slug: 'pazardzhik-poseshta-oshte-gosti' } as never,
  });
  await articles.publish({ documentId: story.documentId, locale: 'bg' });
  // An embargoed story: hidden until its moment, which the go-live table holds.
  const embargoed = await articles.create({
    locale: 'bg',
    data: { title: 'Ембарго до утре', lede: 'Тайна.', publicationDate: new Date(Date.now() + 7 * 86_400_000).toISOString() } as never,
  });
  await articles.publish({ documentId: embargoed.documentId, locale: 'bg' });

  const mainId = await articleIdByTitle(strapi, MAIN_TITLE);
  const published = (await articles.findMany({ locale: 'bg', status: 'published', fields: ['slug', 'title'], limit: 100 } as never)) as unknown as Array<{
    documentId: string;
    slug: string;
  }>;
  const main = published.find((article) => article.documentId === mainId);
  const mainEn = await articles.findOne({ documentId: mainId, locale: 'en', status: 'published' });
  if (!main || !mainEn?.slug) throw new Error('fixture: the lead story is not published in bg and en');
  ctx = {
    mainSlug: main.slug,
    mainSlugEn: mainEn.slug,
    otherSlugs: published
      .filter((article) => ![mainId, story.documentId, embargoed.documentId].includes(article.documentId))
      .map((article) => article.slug)
      .sort(),
    storySlug: 'pazardzhik-poseshta-oshte-gosti',
    formerSlug: story.slug as string,
    embargoedSlug: embargoed.slug as string,
    tagSlug: tag.slug as string,
    sectionSlug: section.slug as string,
  };
  expect(ctx.otherSlugs.length).toBeGreaterThanOrEqual(3);

  const comment = await request(source.server)
    .post(`/api/articles/by-slug/${ctx.storySlug}/comments?locale=bg`)
    .send({ data: { authorName: 'Мария', authorEmail: 'maria@example.com', body: 'Чакаме ви!', parent: null } })
    .expect(201);
  await strapi.documents(COMMENT).update({ documentId: comment.body.data.documentId, data: { moderationStatus: 'approved' } as never });
  // Left behind by Strapi's export and import: the restored site must not know them.
  adminEmail = (await createAdminUser(strapi)).email;
  await createFullAccessToken(strapi);
  sourceTokens = ((await strapi.db.query('admin::api-token').findMany({ select: ['accessKey'] })) as Array<{ accessKey: string }>).map(
    (token) => token.accessKey,
  );

  before = await record(source.server, ctx);
  // The comparison means something only if the recorded answers are rich.
  expect(before.get('by-slug: the renamed story under its former slug (301 + Location)')).toMatchObject({
    status: 301,
    location: `/api/articles/by-slug/${ctx.storySlug}?locale=bg`,
  });
  expect(before.get('by-slug: the embargoed story stays hidden')).toMatchObject({ status: 404 });
  expect(before.get('approved comments of the renamed story')).toMatchObject({
    status: 200,
    body: { data: [expect.objectContaining({ body: 'Чакаме ви!' })] },
  });
  expect((before.get('related feed of the lead story') as { body: { data: unknown[] } }).body.data.length).toBeGreaterThanOrEqual(3);
  expect((before.get('latest teasers (bg)') as { body: { data: unknown[] } }).body.data.length).toBeGreaterThanOrEqual(5);
  expect(before.get('comment counts')).toMatchObject({ status: 200 });

  sourceRegistry = await tableRows(strapi, SLUG_REGISTRY_TABLE);
  sourceGoLive = (await tableRows(strapi, GOLIVE_TABLE)).map(({ document_id, locale, go_live_at }) => ({ document_id, locale, go_live_at }));
  expect(sourceGoLive).toHaveLength(1);
  sourceArticles = await articleIdentities(strapi);
  const files = (await strapi.db.query('plugin::upload.file').findMany({ select: ['url', 'formats'] })) as Array<{
    url: string;
    formats: Record<string, { url: string }> | null;
  }>;
  const urls = files.flatMap((file) => [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)]);
  uploads = urls.map((url) => ({ url, bytes: fs.readFileSync(path.join(strapi.dirs.static.public, url)) }));
  expect(uploads.length).toBeGreaterThan(4);

  await createBackup(strapi, { file: ENCRYPTED, key: KEY });
  await createBackup(strapi, { file: PLAIN });
  await source.close();
  source = null;

  // A fresh, empty database: bootstrap only (locales, roles, permissions), no demo content.
  target = await startTestApp({ SEED_DEMO: 'false', PUBLIC_DIR: RESTORED_PUBLIC });
});

afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(WORK, { recursive: true, force: true });
});

function expectSameAnswers(after: Map<string, unknown>) {
  for (const [name] of PROBES) expect({ probe: name, answer: after.get(name) }).toEqual({ probe: name, answer: before.get(name) });
}

describe('restoring into an empty database', () => {
  let after: Map<string, unknown>;

  beforeAll(async () => {
    await restoreBackup(target.strapi, { file: ENCRYPTED, key: KEY, quiet: true });
    // As after `npm run restore`: the servers start on the restored database.
    await target.restart();
    after = await record(target.server, ctx);
  });

  test.each(PROBES.map(([name]) => [name]))('%s: the same answer as before the backup', (name) => {
    expect(after.get(name)).toEqual(before.get(name));
  });

  test('keeps every document id; numeric ids are the new database’s own', async () => {
    const restored = await articleIdentities(target.strapi);
    const identity = (rows: typeof restored) => rows.map(({ documentId, locale, publishedAt }) => ({ documentId, locale, published: publishedAt !== null }));
    expect(identity(restored)).toEqual(identity(sourceArticles));
    // Publishing replaces a document's published row, so the source's ids have gaps; the import
    // numbers the rows anew. Nothing the project stores refers to them (only to documentId).
    expect(restored.map((row) => row.id)).not.toEqual(sourceArticles.map((row) => row.id));
  });

  test('loads the slug registry as it was, every row naming a restored document', async () => {
    expect(await tableRows(target.strapi, SLUG_REGISTRY_TABLE)).toEqual(sourceRegistry);
    const documentIds = new Set((await articleIdentities(target.strapi)).map((row) => row.documentId));
    const articleRows = sourceRegistry.filter((row) => row.uid === ARTICLE);
    expect(articleRows.length).toBeGreaterThan(5);
    for (const row of articleRows) expect(documentIds.has(row.document_id as string)).toBe(true);
  });

  test('carries the pending go-live moment, unclaimed', async () => {
    const rows = await tableRows(target.strapi, GOLIVE_TABLE);
    expect(rows.map(({ document_id, locale, go_live_at }) => ({ document_id, locale, go_live_at }))).toEqual(sourceGoLive);
    expect(rows[0]).toMatchObject({ claimed_by: null, fired_at: null });
  });

  test('rebuilds the related index from the published articles', async () => {
    const published = (await articleIdentities(target.strapi)).filter((row) => row.publishedAt !== null);
    const [{ count }] = (await target.strapi.db.connection(DOCS).count({ count: '*' })) as Array<{ count: number | string }>;
    expect(Number(count)).toBe(published.length);
    const [{ lists }] = (await target.strapi.db.connection(LISTS).count({ lists: '*' })) as Array<{ lists: number | string }>;
    expect(Number(lists)).toBeGreaterThan(0);
  });

  test('restores the uploaded files byte for byte into the site’s uploads folder', () => {
    for (const upload of uploads) expect(fs.readFileSync(path.join(RESTORED_PUBLIC, upload.url)).equals(upload.bytes)).toBe(true);
  });

  test('leaves admin users and API tokens behind, as Strapi’s import does', async () => {
    expect(await target.strapi.db.query('admin::user').count({ where: { email: adminEmail } })).toBe(0);
    // Strapi gives every new database default tokens of its own; none of the source's arrived.
    const tokens = ((await target.strapi.db.query('admin::api-token').findMany({ select: ['accessKey'] })) as Array<{ accessKey: string }>).map(
      (token) => token.accessKey,
    );
    expect(sourceTokens.length).toBeGreaterThan(0);
    expect(tokens.filter((accessKey) => sourceTokens.includes(accessKey))).toEqual([]);
  });
});

describe('restoring over a database with content', () => {
  test('refuses without --force and changes nothing', async () => {
    const registry = await tableRows(target.strapi, SLUG_REGISTRY_TABLE);
    await expect(restoreBackup(target.strapi, { file: PLAIN, quiet: true })).rejects.toThrow(RestoreRefused);
    await expect(restoreBackup(target.strapi, { file: PLAIN, quiet: true })).rejects.toThrow(/api::article\.article: \d+.*--force/);
    expect(await tableRows(target.strapi, SLUG_REGISTRY_TABLE)).toEqual(registry);
  });

  test.each([
    ['a wrong key', { key: 'wrong key' }, /wrong backup key/],
    ['no key for an encrypted backup', {}, /encrypted: give its key/],
  ])('refuses %s before deleting anything, even with --force', async (_name, options, message) => {
    const count = await target.strapi.db.query(ARTICLE).count({});
    await expect(restoreBackup(target.strapi, { file: ENCRYPTED, force: true, quiet: true, ...options })).rejects.toThrow(message);
    expect(await target.strapi.db.query(ARTICLE).count({})).toBe(count);
  });

  test('refuses a file that is not a backup', async () => {
    const bogus = path.join(WORK, 'not-a-backup.tar.gz');
    fs.writeFileSync(bogus, 'hello');
    await expect(restoreBackup(target.strapi, { file: bogus, force: true, quiet: true })).rejects.toThrow(/not a Novinar backup/);
  });

  test('with --force replaces it with an unencrypted backup, and the site answers as before', async () => {
    // Something the backup does not have, to be gone afterwards.
    await target.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Само в новата база', lede: 'Х.' } as never });
    await restoreBackup(target.strapi, { file: PLAIN, force: true, quiet: true });
    await target.restart();
    expect(await target.strapi.db.query(ARTICLE).count({ where: { title: 'Само в новата база' } })).toBe(0);
    expect(await tableRows(target.strapi, SLUG_REGISTRY_TABLE)).toEqual(sourceRegistry);
    expectSameAnswers(await record(target.server, ctx));
  });
});
