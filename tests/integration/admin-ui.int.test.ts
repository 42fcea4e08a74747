import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin } from '../helpers/fixtures';
import { ARTICLE, COMMENT } from '../../src/uids';

let app: TestApp;
let auth: { Authorization: string };

beforeAll(async () => {
  app = await startTestApp({ SEED_DEMO: 'false', PREVIEW_URL: 'https://novini.example', PREVIEW_SECRET: 'preview-secret' });
  auth = { Authorization: `Bearer ${await adminLogin(app.server, await createSuperAdmin(app.strapi))}` };
});

afterAll(async () => {
  await app?.close();
});

test('the article list and edit views are laid out for a newsroom, in Bulgarian', async () => {
  const res = await request(app.server).get(`/content-manager/content-types/${ARTICLE}/configuration`).set(auth).expect(200);
  const { contentType } = res.body.data;
  expect(contentType.layouts.list).toEqual(['title', 'publicationDate', 'section', 'sourceAgency']);
  expect(contentType.layouts.edit[0].map((field: { name: string }) => field.name)).toEqual(['title', 'slug']);
  expect(contentType.metadatas.title.edit.label).toBe('Заглавие');
  expect(contentType.metadatas.publicationDate.edit.description).toMatch(/ембарго/);
  expect(contentType.settings.defaultSortBy).toBe('publicationDate');
});

test('the comment list shows author, text and moderation status', async () => {
  const res = await request(app.server).get(`/content-manager/content-types/${COMMENT}/configuration`).set(auth).expect(200);
  expect(res.body.data.contentType.layouts.list).toEqual(['authorName', 'body', 'moderationStatus', 'locale', 'createdAt']);
  expect(res.body.data.contentType.metadatas.moderationStatus.edit.label).toBe('Статус');
});

test('a layout changed later in the admin is kept across restarts', async () => {
  const { applyAdminLayouts } = require('../../dist/src/bootstrap/admin-layouts') as typeof import('../../src/bootstrap/admin-layouts');
  const service = app.strapi.plugin('content-manager').service('content-types');
  const contentType = app.strapi.contentType(ARTICLE);
  const current = await service.findConfiguration(contentType);
  await service.updateConfiguration(contentType, { ...current, layouts: { ...current.layouts, list: ['title', 'slug'] } });
  await applyAdminLayouts(app.strapi);
  expect((await service.findConfiguration(contentType)).layouts.list).toEqual(['title', 'slug']);
});

test('preview opens a draft on the public site', async () => {
  const draft = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Чернова за преглед' } as never });
  const handler = app.strapi.config.get('admin.preview.config.handler') as (
    uid: string,
    params: { documentId: string; locale: string; status: string },
  ) => Promise<string | null>;
  expect(app.strapi.config.get('admin.preview.enabled')).toBe(true);
  const url = await handler(ARTICLE, { documentId: draft.documentId, locale: 'bg', status: 'draft' });
  expect(url).toBe('https://novini.example/api/preview?url=%2Fbg%2Fchernova-za-pregled&secret=preview-secret&status=draft');
  expect(await handler(COMMENT, { documentId: draft.documentId, locale: 'bg', status: 'draft' })).toBeNull();
});

test('the breaking/featured flags and the correction notes have Bulgarian labels', async () => {
  const res = await request(app.server).get(`/content-manager/content-types/${ARTICLE}/configuration`).set(auth).expect(200);
  const { metadatas, layouts } = res.body.data.contentType;
  expect([
    metadatas.breaking.edit.label,
    metadatas.breakingUntil.edit.label,
    metadatas.featured.edit.label,
    metadatas.featuredUntil.edit.label,
    metadatas.corrections.edit.label,
  ]).toEqual(['Извънредно', 'Извънредно до', 'Водеща', 'Водеща до', 'Поправки']);
  expect(layouts.edit.flat().map((field: { name: string }) => field.name)).toEqual(
    expect.arrayContaining(['breaking', 'breakingUntil', 'featured', 'featuredUntil', 'corrections']),
  );
  const component = await request(app.server).get('/content-manager/components/news.correction/configuration').set(auth).expect(200);
  expect(component.body.data.component.metadatas.note.edit.label).toBe('Поправка');
  expect(component.body.data.component.metadatas.date.edit.label).toBe('Дата на поправката');
});

test("the content manager's preview service (what the edit view asks) answers with the handler installed at register", async () => {
  const draft = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Чернова през редактора' } as never });
  const preview = app.strapi.plugin('content-manager').service('preview') as {
    getPreviewUrl(uid: string, params: { documentId: string; locale: string; status: string }): Promise<string | null>;
  };
  expect(await preview.getPreviewUrl(ARTICLE, { documentId: draft.documentId, locale: 'bg', status: 'draft' })).toBe(
    'https://novini.example/api/preview?url=%2Fbg%2Fchernova-prez-redaktora&secret=preview-secret&status=draft',
  );
  expect(await preview.getPreviewUrl(COMMENT, { documentId: draft.documentId, locale: 'bg', status: 'draft' })).toBeNull();
});

test('the languages are named in Bulgarian, and a name an administrator chose is kept', async () => {
  const names = async () =>
    Object.fromEntries(
      ((await request(app.server).get('/i18n/locales').set(auth).expect(200)).body as Array<{ code: string; name: string }>).map((l) => [l.code, l.name]),
    );
  expect(await names()).toEqual({ bg: 'Български', en: 'Английски' });
  const { ensureLocales } = require('../../dist/src/bootstrap/locales') as typeof import('../../src/bootstrap/locales');
  const en = await app.strapi.db.query('plugin::i18n.locale').findOne({ where: { code: 'en' } });
  // A locale still carrying Strapi's English name is renamed…
  await app.strapi.db.query('plugin::i18n.locale').update({ where: { id: en.id }, data: { name: 'English (en)' } });
  await ensureLocales(app.strapi, ['en']);
  expect((await names()).en).toBe('Английски');
  // …one renamed in the admin is not.
  await app.strapi.db.query('plugin::i18n.locale').update({ where: { id: en.id }, data: { name: 'Английски (САЩ)' } });
  await ensureLocales(app.strapi, ['en']);
  expect((await names()).en).toBe('Английски (САЩ)');
});
