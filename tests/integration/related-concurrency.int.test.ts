import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';

/**
 * Publishes and deletes of stories sharing terms at the same moment, through the admin API as
 * editors do: on PostgreSQL the df decrement of a delete and the df increment of a publish
 * used to lock the same rows in opposite orders ("deadlock detected", a 500 after the article
 * was already deleted, list rows left pointing to it).
 */
let app: TestApp;
let adminJwt: string;

const para = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const TEXTS = [
  'Британският премиер заяви, че преговорите за Брекзит с Европейския съюз ще продължат. Парламентът в Лондон обсъжда споразумението за напускане.',
  'Британският парламент отложи гласуването по споразумението за Брекзит. Депутатите искат още време, а премиерът предупреди за напускане без сделка.',
  'Лидерите на Европейския съюз обсъждат ново отлагане на Брекзит по молба на Лондон. Правителството иска време за споразумението за напускане.',
];
const PAIRS = 6;
const ROUNDS = 3;
const admin = (req: request.Test) => req.set('Authorization', `Bearer ${adminJwt}`);
const cm = `/content-manager/collection-types/${ARTICLE}`;

beforeAll(async () => {
  app = await startTestApp();
  adminJwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
  // One listener for the burst: supertest would start one per request on the same server.
  await new Promise<void>((resolve) => (app.server as import('http').Server).listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => (app?.server as import('http').Server | undefined)?.close(resolve) ?? resolve(null));
  await app?.close();
});

test('concurrent publishes and deletes of stories sharing terms all succeed and leave nothing pointing to the deleted ones', async () => {
  const articles = app.strapi.documents(ARTICLE);
  // Long, overlapping texts: many shared df rows, touched in different orders by each writer.
  const body = (i: number) => [0, 1, 2].map((k) => TEXTS[(i + k) % TEXTS.length]).join(' ') + ` Коментар номер ${i} на кореспондента.`;
  const make = async (title: string, i: number) =>
    (await articles.create({ locale: 'bg', data: { title, lede: 'Брекзит и споразумението.', body: para(body(i)) } as never })).documentId;
  const knex = app.strapi.db.connection;
  const doomed: string[] = [];
  const fresh: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const deleting: string[] = [];
    const publishing: string[] = [];
    for (let i = 0; i < PAIRS; i += 1) {
      const id = await make(`Брекзит: стара новина ${round}-${i}`, i);
      await articles.publish({ documentId: id, locale: 'bg' });
      deleting.push(id);
      publishing.push(await make(`Брекзит: нова новина ${round}-${i}`, i + 1));
      // A re-publish of an edited story: its old terms go down and its new ones up in one transaction.
      const edited = await make(`Брекзит: поправена новина ${round}-${i}`, i + 2);
      await articles.publish({ documentId: edited, locale: 'bg' });
      await articles.update({
        documentId: edited,
        locale: 'bg',
        data: { body: para(`${body(i)} Допълнение за митниците, рибарите и ирландската граница ${round}.`) } as never,
      });
      publishing.push(edited);
    }
    // Every doomed story sits in other stories' lists before the burst.
    const listed = await knex('novinar_related_lists').whereIn('related_document_id', deleting).count({ n: '*' });
    expect(Number((listed as Array<{ n: number | string }>)[0].n)).toBeGreaterThan(0);
    const responses = await Promise.all(
      deleting.flatMap((id, i) => [
        admin(request(app.server).delete(`${cm}/${id}`).query({ locale: 'bg' })),
        ...[publishing[2 * i], publishing[2 * i + 1]].map((target) =>
          admin(request(app.server).post(`${cm}/${target}/actions/publish`).query({ locale: 'bg' }).send({})),
        ),
      ]),
    );
    expect(responses.map((res) => `${res.status} ${res.status === 200 ? '' : JSON.stringify(res.body).slice(0, 200)}`.trim())).toEqual(
      responses.map(() => '200'),
    );
    doomed.push(...deleting);
    fresh.push(...publishing);
  }

  const pointing = await knex('novinar_related_lists')
    .where((q) => q.whereIn('related_document_id', doomed).orWhereIn('document_id', doomed))
    .select('document_id', 'related_document_id');
  expect(pointing).toEqual([]);
  expect(await knex('novinar_related_docs').whereIn('document_id', doomed).select('document_id')).toEqual([]);
  expect(await knex('novinar_related_terms').whereIn('document_id', doomed).select('document_id')).toEqual([]);
  expect((await knex('novinar_related_docs').whereIn('document_id', fresh).select('document_id')).length).toBe(fresh.length);
  // Document frequencies equal a recount from the indexed documents.
  const docs = (await knex('novinar_related_docs').where({ locale: 'bg' }).select('all_terms')) as Array<{ all_terms: string }>;
  const expected = new Map<string, number>();
  for (const row of docs) for (const term of JSON.parse(row.all_terms) as string[]) expected.set(term, (expected.get(term) ?? 0) + 1);
  const stored = new Map(
    ((await knex('novinar_related_df').where({ locale: 'bg' }).select('term', 'df')) as Array<{ term: string; df: number }>).map((row) => [
      row.term,
      Number(row.df),
    ]),
  );
  expect(stored).toEqual(expected);
});
