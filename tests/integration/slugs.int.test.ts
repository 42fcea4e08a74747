import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createFullAccessToken, createSuperAdmin } from '../helpers/fixtures';
import { ARTICLE, COMMENT, TAG } from '../../src/uids';
import { activeFlags, type FlagValues } from '../../src/domain/flags';
import { now } from '../../src/clock';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  token = await createFullAccessToken(app.strapi);
});

afterAll(async () => {
  await app?.close();
});

const documents = () => app.strapi.documents(ARTICLE);
const bearer = () => ({ Authorization: `Bearer ${token}` });

async function createPublished(title: string, locale = 'bg', extra: Record<string, unknown> = {}) {
  const created = await documents().create({ locale, data: { title, lede: 'Лид.', ...extra } as never });
  await documents().publish({ documentId: created.documentId, locale });
  return created;
}

describe('slug generation', () => {
  test('fills the slug by the official transliteration through REST in bg', async () => {
    const res = await request(app.server)
      .post('/api/articles')
      .query({ locale: 'bg' })
      .set(bearer())
      .send({ data: { title: 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун', lede: 'Лид.' } })
      .expect(201);
    expect(res.body.data.slug).toBe('izoliraniyat-putin-tarsi-po-blizko-priyatelstvo-s-kim-chen-un');
  });

  test('fills an ASCII slug through REST in en', async () => {
    const res = await request(app.server)
      .post('/api/articles')
      .query({ locale: 'en' })
      .set(bearer())
      .send({ data: { title: 'Größe matters: Élysée answers Sofia', lede: 'Lede.' } })
      .expect(201);
    expect(res.body.data.slug).toBe('grosse-matters-elysee-answers-sofia');
  });

  test.each([
    ['Стара планина', 'stara-planina'],
    ['Щастие в България', 'shtastie-v-bulgaria'],
    ['Инфлацията е 3,0%', 'inflatsiyata-e-3-0'],
  ])('fills the slug through the Document Service: %s → %s', async (title, slug) => {
    const created = await documents().create({ locale: 'bg', data: { title } as never });
    expect(created.slug).toBe(slug);
  });

  test('fills slugs of tags, sections and agencies too', async () => {
    const tag = await app.strapi.documents(TAG).create({ locale: 'bg', data: { name: 'Горна Оряховица' } });
    expect(tag.slug).toBe('gorna-oryahovitsa');
  });

  test('a second "Путин" gets putin-2, across drafts and published versions', async () => {
    await createPublished('Путин');
    const second = await documents().create({ locale: 'bg', data: { title: 'Путин' } as never });
    expect(second.slug).toBe('putin-2');
    const english = await documents().create({ locale: 'en', data: { title: 'Путин' } as never });
    expect(english.slug).toBe('putin');
  });

  test('two creates of the same title at the same moment end with distinct slugs and no error', async () => {
    const results = await Promise.all([
      request(app.server)
        .post('/api/articles')
        .set(bearer())
        .send({ data: { title: 'Кърджали', lede: 'А.' } }),
      request(app.server)
        .post('/api/articles')
        .set(bearer())
        .send({ data: { title: 'Кърджали', lede: 'Б.' } }),
      documents().create({ locale: 'bg', data: { title: 'Кърджали' } as never }),
    ]);
    const restSlugs = results.slice(0, 2).map((res) => {
      expect((res as request.Response).status).toBe(201);
      return (res as request.Response).body.data.slug as string;
    });
    const slugs = [...restSlugs, (results[2] as { slug: string }).slug].sort();
    expect(slugs).toEqual(['kardzhali', 'kardzhali-2', 'kardzhali-3']);
  });
});

describe('slug stability and manual slugs', () => {
  test('a never-published draft follows its new title', async () => {
    const draft = await documents().create({ locale: 'bg', data: { title: 'Централен Балкан' } as never });
    expect(draft.slug).toBe('tsentralen-balkan');
    const updated = await documents().update({ documentId: draft.documentId, locale: 'bg', data: { title: 'Горна Оряховица днес' } as never });
    expect(updated?.slug).toBe('gorna-oryahovitsa-dnes');
  });

  test('keeps the slug after publish when the title changes', async () => {
    const article = await createPublished('Пловдив посреща гости');
    expect(article.slug).toBe('plovdiv-posreshta-gosti');
    await documents().update({ documentId: article.documentId, locale: 'bg', data: { title: 'Пловдив посреща още гости' } as never });
    await documents().publish({ documentId: article.documentId, locale: 'bg' });
    const res = await request(app.server).get('/api/articles/by-slug/plovdiv-posreshta-gosti').expect(200);
    expect(res.body.data.title).toBe('Пловдив посреща още гости');
  });

  test('rejects a bad hand-written slug with a 400 that explains the rule', async () => {
    const article = await createPublished('Варна през зимата');
    const res = await request(app.server)
      .put(`/api/articles/${article.documentId}`)
      .set(bearer())
      .send({ data: { slug: 'Варна--Зима' } })
      .expect(400);
    expect(res.body.error.message).toMatch(/slug/i);
    expect(res.body.error.message).toMatch(/a-z/);
    const stored = await documents().findOne({ documentId: article.documentId, locale: 'bg', status: 'published' });
    expect(stored?.slug).toBe('varna-prez-zimata');
  });

  test('rejects a hand-written slug that another article holds', async () => {
    const first = await createPublished('Бургас и морето');
    const second = await createPublished('Бургас и пристанището');
    const res = await request(app.server)
      .put(`/api/articles/${second.documentId}`)
      .set(bearer())
      .send({ data: { slug: first.slug } })
      .expect(400);
    expect(res.body.error.message).toMatch(/already used/);
  });

  test('a former slug answers 301 with the current URL, over REST and GraphQL', async () => {
    const article = await createPublished('Русе на Дунав');
    await request(app.server)
      .put(`/api/articles/${article.documentId}`)
      .set(bearer())
      .send({ data: { slug: 'ruse-i-dunav' } })
      .expect(200);
    const moved = await request(app.server).get('/api/articles/by-slug/ruse-na-dunav').query({ locale: 'bg' }).expect(301);
    expect(moved.headers.location).toBe('/api/articles/by-slug/ruse-i-dunav?locale=bg');
    const current = await request(app.server).get('/api/articles/by-slug/ruse-i-dunav').expect(200);
    expect(current.body.data.documentId).toBe(article.documentId);

    const gql = await request(app.server)
      .post('/graphql')
      .send({ query: 'query ($slug: String!) { articleBySlug(slug: $slug, locale: "bg") { documentId slug } }', variables: { slug: 'ruse-na-dunav' } })
      .expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.articleBySlug).toEqual({ documentId: article.documentId, slug: 'ruse-i-dunav' });

    // A second rename through REST (which publishes at once) keeps both former slugs resolving.
    await request(app.server)
      .put(`/api/articles/${article.documentId}`)
      .set(bearer())
      .send({ data: { slug: 'ruse-dnes' } })
      .expect(200);
    for (const former of ['ruse-na-dunav', 'ruse-i-dunav']) {
      const res = await request(app.server).get(`/api/articles/by-slug/${former}`).expect(301);
      expect(res.headers.location).toBe('/api/articles/by-slug/ruse-dnes?locale=bg');
    }
  });
});

describe('GET /api/articles/by-slug/:slug', () => {
  const MAIN_SLUG = 'izoliraniyat-putin-tarsi-po-blizko-priyatelstvo-s-kim-chen-un-prashta-mu-poslanie-za-po-tyasno-satrudnichestvo';

  test('returns the seeded article with agency, cited agencies, tags, section, cover, teaser and comment count', async () => {
    const res = await request(app.server).get(`/api/articles/by-slug/${MAIN_SLUG}`).query({ locale: 'bg' }).expect(200);
    const article = res.body.data;
    expect(article.sourceAgency.creditLine).toBe('БГНЕС');
    expect(article.citedAgencies[0].creditLine).toBe('АФП');
    expect(article.tags.length).toBeGreaterThan(0);
    expect(article.section.slug).toBe('svyat');
    expect(article.cover.url).toMatch(/^\/uploads\//);
    expect(article.teaser.title).toBe(article.title);
    expect(article.commentCount).toBe(0);
    expect(article.publicationDate).toBe('2025-12-22T09:30:00.000Z');
    expect(article.publicationDateDisplay).toBe('22 Декември, 2025');
  });

  test('serves the English variant with the CLDR date', async () => {
    const en = await app.strapi.documents(ARTICLE).findFirst({ locale: 'en', status: 'published' });
    const res = await request(app.server).get(`/api/articles/by-slug/${en?.slug}`).query({ locale: 'en' }).expect(200);
    expect(res.body.data.publicationDateDisplay).toBe('December 22, 2025');
  });

  test.each([
    ['unknown slug', '/api/articles/by-slug/nyama-takava', {}, 404],
    ['unknown query key', `/api/articles/by-slug/${MAIN_SLUG}`, { populate: '*' }, 400],
    ['unknown locale', `/api/articles/by-slug/${MAIN_SLUG}`, { locale: 'xx' }, 400],
    ['slug of another locale', `/api/articles/by-slug/${MAIN_SLUG}`, { locale: 'en' }, 404],
  ])('%s → %s', async (_name, path, query, status) => {
    const res = await request(app.server).get(path).query(query).expect(status);
    expect(res.body.error.message).toBeTruthy();
  });

  test('the SQL reading equals the Document Service + sanitizer reading, field by field', async () => {
    const service = app.strapi.service(ARTICLE) as unknown as {
      findPageBySlug(slug: string, locale: string): Promise<{ kind: string; document?: Record<string, unknown> }>;
    };
    // The reference: what the public would get through the Document Service and Strapi's output sanitizer.
    const populate = {
      authors: { fields: ['name', 'slug', 'role'] },
      sourceAgency: { fields: ['name', 'creditLine', 'slug', 'url', 'kind'] },
      citedAgencies: { fields: ['name', 'creditLine', 'slug', 'url', 'kind'] },
      tags: { fields: ['name', 'slug'] },
      section: { fields: ['name', 'slug'] },
      cover: { fields: ['url', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime'] },
      teaser: { fields: ['title', 'lede', 'slug', 'url'], populate: { image: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] } } },
      corrections: { fields: ['date', 'note'] },
    };
    const referenceReading = async (slug: string, locale: string) => {
      const found = (await documents().findFirst({ locale, status: 'published', filters: { slug }, populate } as never)) as unknown as Record<
        string,
        unknown
      > & { documentId: string };
      const commentCount = (await app.strapi.service(COMMENT).approvedCount(found.documentId, locale)) as number;
      const withFlags = { ...found, flags: activeFlags(found as FlagValues, now()) };
      return { ...((await app.strapi.contentAPI.sanitize.output(withFlags, app.strapi.getModel(ARTICLE), {})) as Record<string, unknown>), commentCount };
    };
    const variants = (await documents().findMany({ locale: '*', status: 'published', fields: ['slug', 'locale'], limit: 200 } as never)) as unknown as Array<{
      slug: string;
      locale: string;
    }>;
    expect(variants.length).toBeGreaterThan(3);
    let rich = 0;
    for (const { slug, locale } of variants) {
      const fast = await service.findPageBySlug(slug, locale);
      expect(fast.kind).toBe('found');
      const { seo, localizations, ...entry } = fast.document as Record<string, unknown>;
      expect(seo).toBeTruthy();
      expect(Array.isArray(localizations)).toBe(true);
      expect(entry).toEqual(await referenceReading(slug, locale));
      const doc = fast.document as { cover?: unknown; teaser?: { image?: unknown } | null; tags?: unknown[]; sourceAgency?: unknown };
      if (doc.cover && doc.teaser?.image && doc.tags?.length && doc.sourceAgency) rich += 1;
    }
    // The comparison covered articles with a cover, a teaser image, tags and an agency.
    expect(rich).toBeGreaterThan(0);
  });

  test('never serves a draft', async () => {
    const draft = await documents().create({ locale: 'bg', data: { title: 'Тайна чернова за Видин' } as never });
    await request(app.server).get(`/api/articles/by-slug/${draft.slug}`).expect(404);
    const gql = await request(app.server)
      .post('/graphql')
      .send({ query: `{ articleBySlug(slug: "${draft.slug}") { title } }` });
    expect(gql.body.data.articleBySlug).toBeNull();
  });
});

describe('GET /api/{tags,sections,source-agencies}/by-slug/:slug', () => {
  test.each([
    ['tags', 'rusia', 'Русия'],
    ['sections', 'svyat', 'Свят'],
    ['source-agencies', 'bgnes', 'БГНЕС'],
  ])('/api/%s/by-slug/%s finds %s', async (plural, slug, name) => {
    const res = await request(app.server).get(`/api/${plural}/by-slug/${slug}`).query({ locale: 'bg' }).expect(200);
    expect(res.body.data.name).toBe(name);
  });

  test('a renamed tag slug answers 301', async () => {
    const tag = await app.strapi.documents(TAG).create({ locale: 'bg', data: { name: 'Видин' } });
    await app.strapi.documents(TAG).update({ documentId: tag.documentId, locale: 'bg', data: { slug: 'vidin-grad' } });
    const res = await request(app.server).get('/api/tags/by-slug/vidin').expect(301);
    expect(res.headers.location).toBe('/api/tags/by-slug/vidin-grad?locale=bg');
    await request(app.server).get('/api/tags/by-slug/nyama').expect(404);
  });
});

describe('the admin panel slug field', () => {
  test('generates the same slug the server makes, with the official transliteration', async () => {
    const jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
    const res = await request(app.server)
      .post('/content-manager/uid/generate')
      .query({ locale: 'bg' })
      .set({ Authorization: `Bearer ${jwt}` })
      .send({ contentTypeUID: ARTICLE, field: 'slug', data: { title: 'Щастие в България' } })
      .expect(200);
    expect(res.body.data).toBe('shtastie-v-bulgaria-2');
  });
});
