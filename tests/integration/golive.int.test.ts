/**
 * Go-live events: an embargoed story fires `entry.golive` once when its moment comes, across
 * instances, and its cached lists are invalidated; a re-dated or withdrawn embargo fires at the
 * new moment or not at all. The worker's timer is off in tests (cron off); ticks are driven here,
 * with the app's clock moved instead of waited for.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin, publishArticle, setAppClock } from '../helpers/fixtures';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { ARTICLE } from '../../src/uids';

// The compiled modules, as the booted app uses them.
const golive = require('../../dist/src/golive') as typeof import('../../src/golive');
const { createGoLiveWorker } = require('../../dist/src/golive/golive-worker') as typeof import('../../src/golive/golive-worker');
const { GOLIVE_TABLE } = require('../../dist/src/golive/golive-store') as typeof import('../../src/golive/golive-store');

let app: TestApp;
let receiver: WebhookReceiver;
const T0 = new Date('2026-12-02T08:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
  const webhook = await app.strapi.get('webhookStore').createWebhook({
    name: 'front end revalidation',
    url: receiver.url,
    headers: {},
    events: ['entry.golive', 'entry.publish'],
    isEnabled: true,
  });
  app.strapi.get('webhookRunner').add(webhook);
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

const worker = () => {
  const running = golive.goLiveWorker();
  if (!running) throw new Error('fixture: the go-live worker did not start');
  return running;
};
const secondInstance = () => createGoLiveWorker(app.strapi, { pollSeconds: 60, claimTimeoutSeconds: 60, batchSize: 50 });
const pending = () => app.strapi.db.connection(GOLIVE_TABLE).whereNull('fired_at').select('document_id', 'locale', 'go_live_at');
const goLives = (documentId: string) => receiver.received.filter((event) => event.event === 'entry.golive' && event.entry.documentId === documentId);

/** Waits for the webhook runner's asynchronous POSTs (bounded; not a timing assertion). */
async function settle(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

const publishEmbargoed = (title: string, goLive: Date) => publishArticle(app.strapi, { title, lede: 'Ембарго.', publicationDate: goLive.toISOString() });

test('fires entry.golive once across two instances when the moment comes, and the lists show the story at once', async () => {
  setAppClock(at(0));
  const story = await publishEmbargoed('Ембаргова новина за пристанището', at(2));
  expect((await pending()).map((row: { document_id: string }) => row.document_id)).toContain(story.documentId);
  expect(await worker().tick()).toBe(0);
  const before = await request(app.server).get('/api/teasers/latest').query({ limit: 50 }).expect(200);
  expect(JSON.stringify(before.body)).not.toContain(story.documentId);

  setAppClock(at(2));
  const [first, second] = await Promise.all([worker().tick(), secondInstance().tick()]);
  expect(first + second).toBe(1);
  expect(await worker().tick()).toBe(0);
  await settle(() => goLives(story.documentId).length > 0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const events = goLives(story.documentId);
  expect(events).toHaveLength(1);
  expect(events[0].entry).toMatchObject({
    documentId: story.documentId,
    locale: 'bg',
    slug: story.slug,
    path: `/bg/${story.slug}`,
    publicationDate: at(2).toISOString(),
  });

  const after = await request(app.server).get('/api/teasers/latest').query({ limit: 50 }).expect(200);
  expect(JSON.stringify(after.body)).toContain(story.documentId);
});

test('a re-dated embargo fires at the new moment only; a withdrawn one never', async () => {
  setAppClock(at(10));
  const moved = await publishEmbargoed('Преместено ембарго', at(15));
  await app.strapi.documents(ARTICLE).update({ documentId: moved.documentId, locale: 'bg', data: { publicationDate: at(12).toISOString() } as never });
  await app.strapi.documents(ARTICLE).publish({ documentId: moved.documentId, locale: 'bg' });
  const rows = (await pending()).filter((row: { document_id: string }) => row.document_id === moved.documentId);
  expect(rows.map((row: { go_live_at: string | number | Date }) => new Date(row.go_live_at).toISOString())).toEqual([at(12).toISOString()]);

  const withdrawn = await publishEmbargoed('Оттеглено ембарго', at(12));
  await app.strapi.documents(ARTICLE).unpublish({ documentId: withdrawn.documentId, locale: 'bg' });
  const deleted = await publishEmbargoed('Изтрито ембарго', at(12));
  await app.strapi.documents(ARTICLE).delete({ documentId: deleted.documentId });

  setAppClock(at(12));
  expect(await worker().tick()).toBe(1);
  await settle(() => goLives(moved.documentId).length > 0);
  expect(goLives(moved.documentId)).toHaveLength(1);
  expect(goLives(withdrawn.documentId)).toHaveLength(0);
  expect(goLives(deleted.documentId)).toHaveLength(0);
});

test('a moment claimed by an instance that died is taken over after the claim timeout', async () => {
  setAppClock(at(20));
  const story = await publishEmbargoed('Ембарго на спряла инстанция', at(21));
  await app.strapi.db
    .connection(GOLIVE_TABLE)
    .where({ document_id: story.documentId })
    .update({ claimed_by: 'dead-instance', claimed_at: at(21) });
  setAppClock(at(21));
  expect(await worker().tick()).toBe(0);
  setAppClock(new Date(at(21).getTime() + 61_000));
  expect(await worker().tick()).toBe(1);
  await settle(() => goLives(story.documentId).length > 0);
  expect(goLives(story.documentId)).toHaveLength(1);
});

test('the webhook API accepts entry.golive (as the README shows)', async () => {
  const jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
  const res = await request(app.server)
    .post('/admin/webhooks')
    .set('Authorization', `Bearer ${jwt}`)
    .send({ name: 'ISR', url: 'http://127.0.0.1:9999/revalidate', headers: {}, events: ['entry.publish', 'entry.golive'] });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  expect(res.body.data.events).toContain('entry.golive');
  await request(app.server)
    .post('/admin/webhooks')
    .set('Authorization', `Bearer ${jwt}`)
    .send({ name: 'x', url: 'http://127.0.0.1:9999/', headers: {}, events: ['entry.nope'] })
    .expect(400);
});
