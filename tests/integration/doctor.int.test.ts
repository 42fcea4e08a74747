import request from 'supertest';
import { publishArticle } from '../helpers/fixtures';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE } from '../../src/uids';

/**
 * The doctor against derived data corrupted the way a crash leaves it (an article deleted with
 * none of its follow-ups run, an index row lost, a df count off by one, a placeholder slug of
 * a create that never finished): the report counts each kind, the fix repairs them, a second
 * check is clean, and the related feed shows every card again. Then the same repair at boot.
 */
let app: TestApp;
type Doctor = typeof import('../../src/doctor');
// The compiled module the booted app uses (one cache store, one clock).
const doctor = () => require('../../dist/src/doctor') as Doctor;

const TEXTS = [
  'Британският премиер заяви, че преговорите за Брекзит с Европейския съюз ще продължат. Парламентът в Лондон обсъжда споразумението за напускане.',
  'Британският парламент отложи гласуването по споразумението за Брекзит. Депутатите искат още време, а премиерът предупреди за напускане без сделка.',
  'Лидерите на Европейския съюз обсъждат ново отлагане на Брекзит по молба на Лондон. Правителството иска време за споразумението за напускане.',
];
const knex = () => app.strapi.db.connection;

const WORDS =
  'митници рибари граница пристанище камиони опашки фунт борса банки ферми студенти визи лекари болници данъци мита износ внос пазар заводи коли самолети влакове пощи училища пенсии заплати наеми цени'.split(
    ' ',
  );
/** Text of its own per story: shared Brexit sentences plus a word sequence no other story has (not a near-duplicate). */
const bodyOf = (i: number) => `${TEXTS[i % 3]} ${Array.from({ length: 30 }, (_, k) => WORDS[(i * 7 + k * (i + 2)) % WORDS.length]).join(' ')}.`;

const publish = (title: string, i: number, data: Record<string, unknown> = {}) =>
  publishArticle(app.strapi, { title, lede: 'Брекзит.', body: bodyOf(i), ...data });

/** What a kill -9 after the article's delete committed leaves: the rows are gone, nothing else ran. */
async function deleteLikeACrash(documentId: string) {
  const rows = (await app.strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['id'] })) as Array<{ id: number }>;
  for (const row of rows) await app.strapi.db.query(ARTICLE).delete({ where: { id: row.id } });
}

const feed = async (slug: string) =>
  (
    (await request(app.server).get(`/api/articles/by-slug/${slug}/related`).query({ locale: 'bg', limit: 20 }).expect(200)).body.data as Array<{ slug: string }>
  ).map((card) => card.slug);

const counts = (results: ReturnType<Doctor['describeResults']> extends unknown ? Awaited<ReturnType<Doctor['runDoctor']>>['results'] : never) =>
  Object.fromEntries(results.flatMap((result) => result.disagreements.map((item) => [`${result.check}: ${item.kind}`, item.count])));

beforeAll(async () => {
  // Uncached feeds: the corruption below is written behind the app's back, as a crash leaves it.
  app = await startTestApp({ RESPONSE_CACHE: 'false' });
});

afterAll(async () => {
  await app?.close();
});

describe('npm run doctor', () => {
  test('finds nothing to repair on the freshly seeded demo newsroom', async () => {
    const report = await doctor().runDoctor(app.strapi, { fix: false });
    expect(doctor().describeResults(report.results)).toEqual([]);
    expect(report.results.map((result) => result.check)).toEqual([
      'slug-registry',
      'related-docs',
      'related-terms',
      'related-lists',
      'related-df',
      'teasers',
      'golive',
      'search-index',
    ]);
  });

  test('reports each kind of crash damage, repairs it, checks clean again, and the feed is full again', async () => {
    const stories = [];
    for (let i = 0; i < 6; i += 1) stories.push(await publish(`Брекзит: доклад на лекаря ${i}`, i));
    const deleted = await publish('Брекзит: история, изтрита при срив', 6);
    const embargoed = await publish('Брекзит: ембаргова история, изтрита при срив', 7, {
      publicationDate: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    const lost = stories[1];
    const reader = stories[0];
    const fullFeed = await feed(reader.slug);
    expect(fullFeed).toEqual(expect.arrayContaining([deleted.slug, lost.slug]));

    await deleteLikeACrash(deleted.documentId);
    await deleteLikeACrash(embargoed.documentId);
    await knex()('novinar_related_docs').where({ document_id: lost.documentId, locale: 'bg' }).delete();
    const bumped = (await knex()('novinar_related_df').where({ locale: 'bg' }).orderBy('term').first('term')) as { term: string };
    await knex()('novinar_related_df').where({ locale: 'bg', term: bumped.term }).increment('df', 1);
    await knex()('novinar_slug_registry').insert({
      uid: ARTICLE,
      locale: 'bg',
      slug: 'nedovarshena-istoria',
      document_id: 'pending:crashed-create',
      is_current: true,
      published: false,
    });
    const broken = await feed(reader.slug);
    expect(broken.length).toBeLessThan(fullFeed.length - 1);

    const report = await doctor().runDoctor(app.strapi, { fix: false });
    const found = counts(report.results);
    expect(found).toMatchObject({
      'slug-registry: registry rows of deleted document variants': 3,
      'related-docs: published article variants missing from the related index': 1,
      'related-docs: indexed variants that are not published (unpublished or deleted)': 2,
      'related-terms: postings of variants not in the index': expect.any(Number),
      'related-lists: list rows owned by variants not in the index': expect.any(Number),
      'related-lists: list entries pointing to variants not in the index': expect.any(Number),
      'related-df: document frequencies that disagree with the index': expect.any(Number),
      'teasers: published teasers of articles that are not published': 2,
      'golive: pending go-live moments of stories not published at that date': 1,
    });
    expect(found['related-terms: postings of variants not in the index']).toBeGreaterThan(0);
    expect(found['related-lists: list entries pointing to variants not in the index']).toBeGreaterThan(0);
    expect(found['related-df: document frequencies that disagree with the index']).toBeGreaterThan(1);
    // Nothing was repaired by a report.
    expect(report.results.every((result) => result.repaired === 0)).toBe(true);
    expect(await feed(reader.slug)).toEqual(broken);

    const fixed = await doctor().runDoctor(app.strapi, { fix: true });
    expect(fixed.results.reduce((n, result) => n + result.repaired, 0)).toBeGreaterThan(0);
    expect(fixed.recheck && doctor().describeResults(fixed.recheck)).toEqual([]);
    const again = await doctor().runDoctor(app.strapi, { fix: false });
    expect(doctor().describeResults(again.results)).toEqual([]);

    // Every card is back (the re-indexed story is weighed with today's df, so its rank may move).
    expect((await feed(reader.slug)).sort()).toEqual(fullFeed.filter((slug) => slug !== deleted.slug && slug !== embargoed.slug).sort());
    await request(app.server).get(`/api/articles/by-slug/${deleted.slug}`).query({ locale: 'bg' }).expect(404);
    expect(
      await knex()('teasers')
        .whereNotNull('published_at')
        .whereIn('title', ['Брекзит: история, изтрита при срив', 'Брекзит: ембаргова история, изтрита при срив']),
    ).toEqual([]);
    expect(await knex()('novinar_golive').where({ document_id: embargoed.documentId })).toEqual([]);
    expect(await knex()('novinar_slug_registry').where({ document_id: 'pending:crashed-create' })).toEqual([]);
    const reused = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Брекзит: история, изтрита при срив' } as never });
    expect(reused.slug).toBe(deleted.slug);
  });

  test('the repair runs at boot (DOCTOR_AT_BOOT, on by default) and not when switched off', async () => {
    const story = await publish('Брекзит: история, изтрита преди рестарт', 0);
    await deleteLikeACrash(story.documentId);
    const term = (await knex()('novinar_related_df').where({ locale: 'bg' }).orderBy('term', 'desc').first('term')) as { term: string };
    await knex()('novinar_related_df').where({ locale: 'bg', term: term.term }).decrement('df', 1);

    process.env.DOCTOR_AT_BOOT = 'false';
    try {
      await app.restart();
    } finally {
      delete process.env.DOCTOR_AT_BOOT;
    }
    const untouched = await doctor().runDoctor(app.strapi, { fix: false });
    expect(doctor().disagreementCount(untouched.results)).toBeGreaterThan(0);

    const started = Date.now();
    await app.restart();
    const after = await doctor().runDoctor(app.strapi, { fix: false });
    expect(doctor().describeResults(after.results)).toEqual([]);
    expect(await knex()('novinar_related_lists').where({ related_document_id: story.documentId })).toEqual([]);
    // Fast on the demo data: the whole restart, doctor included, stays well under a test timeout.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  test('search index: a published story missing from it and a deleted one left in it are found and repaired', async () => {
    const kept = await publish('Доктор за търсене: пропуснатата статия', 11);
    const gone = await publish('Доктор за търсене: изтритата статия', 12);
    await knex()('novinar_search_docs').where({ document_id: kept.documentId }).delete();
    await deleteLikeACrash(gone.documentId);
    const before = await doctor().runDoctor(app.strapi, { fix: false });
    const search = before.results.find((result) => result.check === 'search-index');
    expect(search?.disagreements.map((item) => [item.kind, item.count])).toEqual([
      ['published article variants missing from the search index', 1],
      ['search-indexed variants that are not published (unpublished or deleted)', 1],
    ]);
    await doctor().runDoctor(app.strapi, { fix: true });
    const found = await request(app.server).get('/api/search').query({ q: 'пропуснатата статия' }).expect(200);
    expect(found.body.data.map((card: { documentId: string }) => card.documentId)).toContain(kept.documentId);
    expect(await knex()('novinar_search_docs').where({ document_id: gone.documentId })).toEqual([]);
  });
});
