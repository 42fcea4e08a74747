/**
 * The attacker's suite: planted drafts, an unpublished edit, an embargoed story with its teaser
 * and pending comments with e-mails (tests/helpers/planted-secrets.ts), then every way a public
 * caller (anonymous or with a read-only token) could read or detect them, over REST and GraphQL.
 * The relation-filter probes are generated from the content-type schemas, so a new relation is
 * probed without anyone listing it here.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { createFullAccessToken, createReadOnlyToken } from '../helpers/fixtures';
import { leakedSecrets, MARKERS, plantSecrets, type PlantedSecrets } from '../helpers/planted-secrets';
import { ARTICLE, AUTHOR, COMMENT, PUBLIC_READ_TYPES } from '../../src/uids';

let app: TestApp;
let planted: PlantedSecrets;
let readOnlyToken: string;
let fullToken: string;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
  planted = await plantSecrets(app.strapi);
  readOnlyToken = await createReadOnlyToken(app.strapi);
  fullToken = await createFullAccessToken(app.strapi);
});

afterAll(async () => {
  await app?.close();
});

type Caller = 'anonymous' | 'read-only token';
const CALLERS: Caller[] = ['anonymous', 'read-only token'];

function get(path: string, caller: Caller = 'anonymous') {
  const req = request(app.server).get(path);
  return caller === 'anonymous' ? req : req.set('Authorization', `Bearer ${readOnlyToken}`);
}

function graphql(query: string, caller: Caller = 'anonymous', variables: Record<string, unknown> = {}) {
  const req = request(app.server).post('/graphql').send({ query, variables });
  return caller === 'anonymous' ? req : req.set('Authorization', `Bearer ${readOnlyToken}`);
}

interface Attribute {
  type: string;
  target?: string;
  relation?: string;
  private?: boolean;
}
const model = (uid: string) =>
  app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes] as unknown as {
    attributes: Record<string, Attribute>;
    info: { pluralName: string };
    options?: { draftAndPublish?: boolean };
  };
const TEXT_TYPES = new Set(['string', 'text', 'uid', 'blocks']);
const textFieldsOf = (uid: string) =>
  Object.entries(model(uid)?.attributes ?? {})
    .filter(([, a]) => TEXT_TYPES.has(a.type) && !a.private)
    .map(([name]) => name);
const relationsOf = (uid: string) => Object.entries(model(uid).attributes).filter(([, a]) => a.type === 'relation' && a.target);
const hasDrafts = (uid: string) => Boolean(model(uid)?.options?.draftAndPublish);

/** Every public type × relation × (nested relation) × text field of a type that has drafts. */
function relationFilterProbes(): Array<{ name: string; uid: string; plural: string; path: string[]; field: string }> {
  const probes: Array<{ name: string; uid: string; plural: string; path: string[]; field: string }> = [];
  for (const uid of PUBLIC_READ_TYPES) {
    const plural = model(uid).info.pluralName;
    for (const [name, attribute] of relationsOf(uid)) {
      const target = attribute.target as string;
      if (hasDrafts(target)) {
        for (const field of textFieldsOf(target)) probes.push({ name: `${plural}: ${name}.${field}`, uid, plural, path: [name], field });
      } else if (model(target)) {
        for (const [inner, innerAttribute] of relationsOf(target)) {
          if (!hasDrafts(innerAttribute.target as string)) continue;
          for (const field of textFieldsOf(innerAttribute.target as string))
            probes.push({ name: `${plural}: ${name}.${inner}.${field}`, uid, plural, path: [name, inner], field });
        }
      }
    }
  }
  return probes;
}

const bracket = (path: string[]) => path.map((part) => `[${part}]`).join('');

describe('planted secrets are really there (so the checks below can fail)', () => {
  test('an internal read sees every planted secret', async () => {
    const drafts = await app.strapi.documents(ARTICLE).findMany({ locale: 'bg', status: 'draft', limit: 100 });
    const published = await app.strapi.documents(ARTICLE).findMany({ locale: 'bg', status: 'published', limit: 100 });
    const comments = await app.strapi.db.query(COMMENT).findMany({ where: { articleDocumentId: planted.mainDocumentId } });
    const all = JSON.stringify([drafts, published, comments]);
    for (const marker of Object.values(MARKERS)) expect(all).toContain(marker);
  });

  test('an API token previewing drafts sees them, so the probes would notice a leak', async () => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({ status: 'draft', 'filters[lede][$contains]': MARKERS.draft })
      .set('Authorization', `Bearer ${fullToken}`)
      .expect(200);
    expect(leakedSecrets(res.body, [MARKERS.draft])).toEqual([MARKERS.draft]);
  });

  test('the generated probes cover every relation into articles and teasers', () => {
    const names = relationFilterProbes().map((probe) => probe.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'tags: articles.lede',
        'sections: articles.title',
        'teasers: article.lede',
        'articles: localizations.lede',
        'articles: teaser.title',
        'articles: relatedArticles.body',
        'articles: tags.articles.lede',
      ]),
    );
  });
});

describe.each(CALLERS)('relation filters are no oracle (%s)', (caller) => {
  test('REST: every relation filter path into articles or teasers, also inside $or and $not, answers the same whatever the secret', async () => {
    const probes = relationFilterProbes();
    expect(probes.length).toBeGreaterThan(30);
    for (const probe of probes) {
      for (const wrap of [(p: string) => `filters${p}`, (p: string) => `filters[$or][0]${p}`, (p: string) => `filters[$not]${p}`]) {
        const key = `${wrap(bracket(probe.path))}[${probe.field}][$contains]`;
        const secret = await get(`/api/${probe.plural}?${encodeURI(key)}=${MARKERS.draft}`, caller);
        const control = await get(`/api/${probe.plural}?${encodeURI(key)}=zqnothingqz`, caller);
        expect({ probe: key, status: secret.status }).toEqual({ probe: key, status: control.status });
        expect({ probe: key, body: secret.body }).toEqual({ probe: key, body: control.body });
        expect(secret.status).toBe(400);
        expect(secret.body.error.message).toContain(probe.path[probe.path.length - 1]);
      }
    }
  });

  test('GraphQL: the same filters, at the root and on nested relation fields, answer 400', async () => {
    const naming = app.strapi.plugin('graphql').service('utils').naming as { getFindQueryName(ct: unknown): string };
    for (const probe of relationFilterProbes()) {
      const root = naming.getFindQueryName(app.strapi.contentTypes[probe.uid as keyof typeof app.strapi.contentTypes]);
      const filter = probe.path.reduceRight((inner, part) => `{ ${part}: ${inner} }`, `{ ${probe.field}: { contains: "${MARKERS.embargo}" } }`);
      const res = await graphql(`{ ${root}(filters: ${filter}) { documentId } }`, caller);
      if (probe.field === 'body') {
        // Blocks have no text filter in the GraphQL schema: a validation error (400) before any read.
        expect(res.status).toBe(400);
        continue;
      }
      expect({ probe: probe.name, status: res.status }).toEqual({ probe: probe.name, status: 400 });
      expect(leakedSecrets(res.body, planted.secrets)).toEqual([]);
    }
    const nested = await graphql(
      `
        {
          tags(pagination: { limit: 5 }) {
            articles(filters: { localizations: { lede: { contains: "x" } } }) {
              title
            }
          }
        }
      `,
      caller,
    );
    expect(nested.status).toBe(400);
    const inFragment = await graphql(
      `
        query Q($f: TagFiltersInput) {
          tags(filters: $f) {
            ...T
          }
        }
        fragment T on Tag {
          name
        }
      `,
      caller,
      { f: { articles: { lede: { contains: MARKERS.draft } } } },
    );
    expect(inFragment.status).toBe(400);
  });

  test('filters on allowed relations (tags, sections, agencies) still work', async () => {
    const res = await get('/api/articles?filters[tags][slug][$eq]=rusia&fields[0]=slug', caller).expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(leakedSecrets(res.body, planted.secrets)).toEqual([]);
  });

  test('sorting through a relation with drafts and publicationFilter are refused', async () => {
    for (const path of [
      '/api/articles?sort=teaser.title',
      '/api/tags?sort=articles.title',
      '/api/articles?sort[0]=localizations.lede:desc',
      '/api/articles?publicationFilter=modified',
      '/api/articles?hasPublishedVersion=true',
    ]) {
      const res = await get(path, caller);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
    const gql = await graphql('{ articles(publicationFilter: MODIFIED) { title } }', caller);
    expect(gql.status).toBe(400);
  });
});

describe.each(CALLERS)('reads at any depth show only published, released content (%s)', (caller) => {
  const populates = [
    'populate=*',
    'populate[tags][populate][articles][populate]=*',
    'populate[section][populate][articles][populate][teaser]=*',
    'populate[localizations][populate]=*',
    'populate[relatedArticles][populate][tags][populate]=*',
    'populate[article][populate]=*',
    'populate[articles][populate][localizations]=*',
  ];

  test('REST lists and single documents of every public type, with status=draft, all locales and deep populate', async () => {
    for (const uid of PUBLIC_READ_TYPES) {
      const plural = model(uid).info.pluralName;
      const relationNames = new Set(relationsOf(uid).map(([name]) => name));
      for (const populate of ['', ...populates.filter((p) => p === 'populate=*' || relationNames.has(p.slice(9).split(']')[0]))]) {
        // A token asking for drafts previews them by design (see the API-token tests below).
        for (const extra of ['', ...(caller === 'anonymous' ? ['&status=draft'] : []), '&locale=en', '&locale=*']) {
          const path = `/api/${plural}?pagination[pageSize]=100&${populate}${extra}`;
          const res = await get(path, caller);
          expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
          expect({ path, leaked: leakedSecrets(res.body, planted.secrets) }).toEqual({ path, leaked: [] });
        }
      }
    }
  });

  test('drafts, the embargoed story and its teaser are 404 by documentId, by slug and in feeds', async () => {
    for (const path of [
      `/api/articles/${planted.draftDocumentId}`,
      ...(caller === 'anonymous' ? [`/api/articles/${planted.draftDocumentId}?status=draft`] : []),
      `/api/articles/${planted.embargoDocumentId}`,
      `/api/teasers/${planted.embargoTeaserDocumentId}`,
      `/api/articles/by-slug/${planted.embargoSlug}`,
      `/api/articles/by-slug/${planted.embargoSlug}/related`,
      `/api/articles/by-slug/${planted.embargoSlug}/comments`,
    ]) {
      const res = await get(path, caller);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    for (const path of [
      `/api/articles/by-slug/${planted.mainSlug}`,
      `/api/articles/by-slug/${planted.mainSlug}/related?limit=20`,
      `/api/teasers/latest?limit=50`,
      '/api/teasers/latest?limit=50&flag=breaking',
      '/api/teasers/latest?limit=50&flag=featured',
      `/api/articles/${planted.mainDocumentId}?populate=corrections`,
      '/api/articles?populate[corrections]=true&pagination[pageSize]=100',
      `/api/comments/counts?slugs=${planted.mainSlug},${planted.embargoSlug}`,
      `/api/articles/by-slug/${planted.mainSlug}/comments`,
    ]) {
      const res = await get(path, caller).expect(200);
      expect({ path, leaked: leakedSecrets(res.body, planted.secrets) }).toEqual({ path, leaked: [] });
    }
  });

  test('search finds no draft, unpublished edit or embargoed story (REST and GraphQL), though the embargoed one is indexed', async () => {
    // The embargoed story is in the search index (indexed at publish): only the read-time release rule hides it.
    const indexed = await app.strapi.db.connection('novinar_search_docs').where({ document_id: planted.embargoDocumentId, locale: 'bg' }).first();
    expect(indexed).toBeTruthy();
    for (const q of [MARKERS.draft, MARKERS.edit, MARKERS.embargo, 'Чернова', 'Ембарго', 'Редакция']) {
      for (const query of [`q=${encodeURIComponent(q)}`, `q=${encodeURIComponent(q)}&status=draft`, `q=${encodeURIComponent(q)}&section=${'x'}`]) {
        const res = await get(`/api/search?${query}`, caller);
        if (res.status === 200) expect({ q, data: res.body.data, total: res.body.meta.total }).toEqual({ q, data: [], total: 0 });
        else expect(res.status).toBe(400);
        // meta.terms echoes the caller's own words; everything else must hold no secret.
        expect(leakedSecrets({ ...res.body, meta: { ...res.body.meta, terms: undefined } }, planted.secrets)).toEqual([]);
      }
      const gql = await graphql('query S($q: String!) { search(q: $q, locale: "bg", limit: 50) { cards { documentId title snippet } total } }', caller, {
        q,
      }).expect(200);
      expect({ q, search: gql.body.data.search }).toEqual({ q, search: { cards: [], total: 0 } });
    }
    // The main story is found with its published text only (its unpublished edit stays hidden).
    const main = await get('/api/search?q=Путин+Ким&limit=50', caller).expect(200);
    expect(main.body.data.map((card: { documentId: string }) => card.documentId)).toContain(planted.mainDocumentId);
    expect(leakedSecrets(main.body, planted.secrets)).toEqual([]);
  });

  test('search narrowed by author finds nothing through a draft author, nor the draft and embargoed stories a published author is credited on', async () => {
    // So this can fail: the embargoed story is indexed and its published row credits the published author.
    const embargoed = (await app.strapi
      .documents(ARTICLE)
      .findOne({ documentId: planted.embargoDocumentId, locale: 'bg', status: 'published', populate: ['authors'] } as never)) as unknown as {
      authors: Array<{ slug: string }>;
    };
    expect(embargoed.authors.map((author) => author.slug)).toContain(planted.publicAuthorSlug);
    for (const author of [planted.draftAuthorSlug, planted.publicAuthorSlug]) {
      for (const q of [MARKERS.draft, MARKERS.edit, MARKERS.embargo, 'Чернова', 'Ембарго', 'Редакция', 'Текст', 'Путин Ким']) {
        const res = await get(`/api/search?q=${encodeURIComponent(q)}&author=${author}&limit=50`, caller).expect(200);
        expect({ q, author, data: res.body.data, total: res.body.meta.total }).toEqual({ q, author, data: [], total: 0 });
        expect(leakedSecrets({ ...res.body, meta: { ...res.body.meta, terms: undefined } }, planted.secrets)).toEqual([]);
        const gql = await graphql(
          'query S($q: String!, $author: String) { search(q: $q, author: $author, limit: 50) { cards { documentId title snippet } total } }',
          caller,
          { q, author },
        ).expect(200);
        expect({ q, author, search: gql.body.data.search }).toEqual({ q, author, search: { cards: [], total: 0 } });
      }
    }
  });

  test("search narrowed by author matches published author rows only, even when a public story's row is linked to a draft author's row", async () => {
    // The Document Service links published stories to published authors only; an import or a
    // direct database write can link a draft author's row, and the draft's slug must still find nothing.
    const word = caller === 'anonymous' ? 'кашалоти' : 'нарвали';
    const control = await app.strapi.documents(AUTHOR).create({ locale: 'bg', data: { name: `Контролен автор ${word}` } as never });
    await app.strapi.documents(AUTHOR).publish({ documentId: control.documentId, locale: 'bg' });
    const controlSlug = (control as unknown as { slug: string }).slug;
    const story = await app.strapi
      .documents(ARTICLE)
      .create({ locale: 'bg', status: 'published', data: { title: `Китове и ${word} в Черно море`, lede: '', authors: [control.documentId] } as never });
    const storyRow = (await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: story.documentId, locale: 'bg', publishedAt: { $notNull: true } }, select: ['id'] })) as { id: number };
    const draftRow = (await app.strapi.db
      .query(AUTHOR)
      .findOne({ where: { slug: planted.draftAuthorSlug, locale: 'bg', publishedAt: null }, select: ['id'] })) as { id: number };
    const link = (
      app.strapi.db.metadata.get(ARTICLE as never) as unknown as {
        attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
      }
    ).attributes.authors.joinTable;
    if (!link || !storyRow || !draftRow) throw new Error('fixture: the story, the draft author row or the authors link table is missing');
    const row = { [link.joinColumn.name]: storyRow.id, [link.inverseJoinColumn.name]: draftRow.id };
    await app.strapi.db.connection(link.name).insert(row);
    try {
      const shown = await get(`/api/search?q=${encodeURIComponent(word)}&author=${controlSlug}`, caller).expect(200);
      expect(shown.body.data.map((card: { documentId: string }) => card.documentId)).toEqual([story.documentId]);
      expect(leakedSecrets({ ...shown.body, meta: { ...shown.body.meta, terms: undefined } }, planted.secrets)).toEqual([]);
      const hidden = await get(`/api/search?q=${encodeURIComponent(word)}&author=${planted.draftAuthorSlug}`, caller).expect(200);
      expect({ data: hidden.body.data, total: hidden.body.meta.total }).toEqual({ data: [], total: 0 });
      const gql = await graphql('query S($q: String!, $author: String) { search(q: $q, author: $author) { cards { documentId } total } }', caller, {
        q: word,
        author: planted.draftAuthorSlug,
      }).expect(200);
      expect(gql.body.data.search).toEqual({ cards: [], total: 0 });
    } finally {
      await app.strapi.db.connection(link.name).where(row).delete();
    }
  });

  test('GraphQL: every root query with status DRAFT and every relation field, nested, aliased and through connections', async () => {
    const naming = app.strapi.plugin('graphql').service('utils').naming as { getFindQueryName(ct: unknown): string };
    const selection = (uid: string) =>
      textFieldsOf(uid)
        .filter((field) => field !== 'body')
        .concat('documentId')
        .join(' ');
    for (const uid of PUBLIC_READ_TYPES) {
      const root = naming.getFindQueryName(app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes]);
      const nested = relationsOf(uid)
        .filter(([, a]) => model(a.target as string) && PUBLIC_READ_TYPES.includes(a.target as never))
        .map(([name, a]) => `${name}${a.relation?.endsWith('Many') ? '(pagination: { limit: 5 })' : ''} { ${selection(a.target as string)} }`)
        .join(' ');
      const variants = [
        '(pagination: { limit: 10 })',
        '(locale: "*", pagination: { limit: 10 })',
        ...(caller === 'anonymous' ? ['(status: DRAFT, pagination: { limit: 10 })'] : []),
      ];
      for (const status of variants) {
        const query = `{ x: ${root}${status} { ${selection(uid)} ${nested} } }`;
        const res = await graphql(query, caller);
        expect({ query, status: res.status < 500 }).toEqual({ query, status: true });
        expect({ query, errors: res.body.errors }).toEqual({ query, errors: undefined });
        expect({ query, leaked: leakedSecrets(res.body, planted.secrets) }).toEqual({ query, leaked: [] });
      }
    }
    const drafty = [
      '{ tags(status: DRAFT) { name articles { title lede slug teaser { title } } } }',
      '{ sections(status: DRAFT) { name articles { title lede } } }',
      `{ article(documentId: "${planted.mainDocumentId}", status: DRAFT) { title lede section { articles { title lede } } tags { articles_connection { nodes { title lede } } } } }`,
      '{ articles(status: DRAFT, pagination: { limit: 10 }) { tags { articles { title lede } } localizations { title lede } relatedArticles { title } } }',
      '{ teasers(status: DRAFT, pagination: { limit: 50 }) { title lede article { title lede } } }',
    ];
    for (const query of [
      ...(caller === 'anonymous' ? drafty : drafty.map((query) => query.replace(/status: DRAFT,? ?/, ''))),
      `{ articleBySlug(slug: "${planted.mainSlug}") { title lede tags { articles { title lede slug } } relatedArticles { title slug } teaser { title } related(limit: 20) { title slug } } }`,
      `{ relatedArticles(slug: "${planted.mainSlug}", locale: "bg", limit: 20) { title slug lede } latestTeasers(locale: "bg", limit: 50) { cards { title slug } } }`,
      `{ b: latestTeasers(locale: "bg", limit: 50, flag: breaking) { cards { documentId title slug flags } } f: latestTeasers(locale: "bg", limit: 50, flag: featured) { cards { documentId title } } }`,
      `{ articleBySlug(slug: "${planted.mainSlug}") { flags corrections { date note } } articles(pagination: { limit: 100 }) { documentId flags corrections { note } } }`,
      `{ comments(slug: "${planted.mainSlug}") { comments { authorName body } total } commentCounts(slugs: ["${planted.mainSlug}", "${planted.embargoSlug}"]) { slug count } }`,
      `{ a: article(documentId: "${planted.draftDocumentId}") { title } b: article(documentId: "${planted.embargoDocumentId}") { title } c: teaser(documentId: "${planted.embargoTeaserDocumentId}") { title } }`,
    ]) {
      const res = await graphql(query, caller);
      expect({ query, status: res.status < 500 }).toEqual({ query, status: true });
      expect({ query, leaked: leakedSecrets(res.body, planted.secrets) }).toEqual({ query, leaked: [] });
    }
  });
});

describe.each(CALLERS)('bylines, cards, localizations and page heads show only published, released content (%s)', (caller) => {
  test('an unpublished author is 404 by slug and on its stories, null over GraphQL, and in no list', async () => {
    for (const path of [`/api/authors/by-slug/${planted.draftAuthorSlug}`, `/api/authors/by-slug/${planted.draftAuthorSlug}/articles`]) {
      const res = await get(path, caller);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const gql = await graphql(
      `
        query ($slug: String!) {
          authorBySlug(slug: $slug) {
            name
          }
          authorArticles(slug: $slug) {
            cards {
              slug
            }
          }
        }
      `,
      caller,
      { slug: planted.draftAuthorSlug },
    ).expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data).toEqual({ authorBySlug: null, authorArticles: null });
    const latest = await get(`/api/teasers/latest?author=${planted.draftAuthorSlug}`, caller).expect(200);
    expect(latest.body.data).toEqual([]);
  });

  test("a published author's stories leave out the draft and the embargoed story it is credited on", async () => {
    const rest = await get(`/api/authors/by-slug/${planted.publicAuthorSlug}/articles?limit=50`, caller).expect(200);
    expect(rest.body.data).toEqual([]);
    const latest = await get(`/api/teasers/latest?author=${planted.publicAuthorSlug}&limit=50`, caller).expect(200);
    expect(latest.body.data).toEqual([]);
    const gql = await graphql(
      `
        query ($slug: String!) {
          authorArticles(slug: $slug, limit: 50) {
            cards {
              slug
              documentId
            }
          }
          authorBySlug(slug: $slug) {
            name
          }
        }
      `,
      caller,
      { slug: planted.publicAuthorSlug },
    ).expect(200);
    expect(gql.body.data.authorArticles.cards).toEqual([]);
    expect(gql.body.data.authorBySlug.name).toBe('Публичен Автор');
  });

  test('the embargoed story has no page head; public page heads, cards and localizations carry no planted secret', async () => {
    for (const path of [`/api/articles/by-slug/${planted.embargoSlug}/seo`]) {
      const res = await get(path, caller);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    for (const path of [
      `/api/articles/by-slug/${planted.mainSlug}`,
      `/api/articles/by-slug/${planted.mainSlug}/seo`,
      `/api/articles/by-slug/${planted.mainSlug}/seo?locale=bg`,
      `/api/articles/by-slug/${planted.variantStorySlug}`,
      `/api/articles/by-slug/${planted.variantStorySlug}/seo`,
      '/api/teasers/latest?limit=50',
      '/api/authors?populate=*&pagination[pageSize]=100&locale=*',
    ]) {
      const res = await get(path, caller).expect(200);
      expect({ path, leaked: leakedSecrets(res.body, planted.secrets) }).toEqual({ path, leaked: [] });
    }
    const variant = await get(`/api/articles/by-slug/${planted.variantStorySlug}`, caller).expect(200);
    expect(variant.body.data.localizations).toEqual([]);
    expect(variant.body.data.seo.alternates.map((alternate: { hreflang: string }) => alternate.hreflang)).toEqual(['bg', 'x-default']);
    const main = await get(`/api/articles/by-slug/${planted.mainSlug}`, caller).expect(200);
    expect(main.body.data.authors).toEqual([]);
    const gql = await graphql(
      `
        query ($embargo: String!, $main: String!) {
          hidden: articleSeo(slug: $embargo) {
            canonicalUrl
          }
          shown: articleSeo(slug: $main) {
            jsonLd
            localizations {
              slug
            }
          }
          page: articleBySlug(slug: $main) {
            seo {
              jsonLd
            }
            authors {
              name
            }
          }
        }
      `,
      caller,
      { embargo: planted.embargoSlug, main: planted.mainSlug },
    ).expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.hidden).toBeNull();
    expect(leakedSecrets(gql.body, planted.secrets)).toEqual([]);
  });
});

describe('breaking/featured flags and corrections show only on published, released stories', () => {
  test('the planted draft and embargoed story are flagged and corrected (so the probes above could fail)', async () => {
    const internal = await app.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'bg', status: 'published', filters: { breaking: true }, populate: ['corrections'], limit: 100 } as never);
    expect(JSON.stringify(internal)).toContain(planted.embargoDocumentId);
    expect(JSON.stringify(internal)).toContain(MARKERS.embargo);
    const drafts = await app.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'bg', status: 'draft', filters: { featured: true }, populate: ['corrections'], limit: 100 } as never);
    expect(JSON.stringify(drafts)).toContain(MARKERS.draft);
  });

  test.each(CALLERS)('a released breaking story is listed with its flag; the flag fields cannot be filtered on (%s)', async (caller) => {
    const documents = app.strapi.documents(ARTICLE);
    const story = await documents.create({ locale: 'bg', data: { title: `Публично извънредно ${caller}`, lede: 'Вече е публично.', breaking: true } as never });
    await documents.publish({ documentId: story.documentId, locale: 'bg' });
    const res = await get('/api/teasers/latest?limit=50&flag=breaking', caller).expect(200);
    expect(res.body.data.map((card: { documentId: string }) => card.documentId)).toContain(story.documentId);
    expect(leakedSecrets(res.body, planted.secrets)).toEqual([]);
    for (const path of [
      '/api/articles?filters[breaking][$eq]=true',
      '/api/articles?filters[featuredUntil][$notNull]=true',
      '/api/articles?sort=breakingUntil:desc',
    ]) {
      const probe = await get(path, caller);
      expect({ path, status: probe.status }).toEqual({ path, status: 400 });
    }
    // Notes filter published rows only: the unpublished note answers like a string no one wrote.
    const secret = await get(`/api/articles?filters[corrections][note][$contains]=${MARKERS.edit}&fields[0]=title`, caller);
    const control = await get('/api/articles?filters[corrections][note][$contains]=zqnothingqz&fields[0]=title', caller);
    expect({ status: secret.status, body: secret.body }).toEqual({ status: control.status, body: control.body });
    await get('/api/teasers/latest?flag=secret', caller).expect(400);
  });
});

describe('API tokens: the same rule on every endpoint', () => {
  test('a read-only token lists no embargoed story (REST and GraphQL), as by-slug answers 404', async () => {
    const lists = [
      await get('/api/articles?pagination[pageSize]=100', 'read-only token').expect(200),
      await get('/api/teasers?pagination[pageSize]=100', 'read-only token').expect(200),
    ];
    for (const res of lists) expect(leakedSecrets(res.body, [MARKERS.embargo, planted.embargoDocumentId])).toEqual([]);
    const gql = await graphql('{ articles(pagination: { limit: 100 }) { title } teasers(pagination: { limit: 100 }) { title } }', 'read-only token').expect(
      200,
    );
    expect(leakedSecrets(gql.body, [MARKERS.embargo])).toEqual([]);
    await get(`/api/articles/by-slug/${planted.embargoSlug}`, 'read-only token').expect(404);
  });

  test('with status=draft a token previews drafts and embargoed stories', async () => {
    const res = await get('/api/articles?status=draft&pagination[pageSize]=100', 'read-only token').expect(200);
    expect(leakedSecrets(res.body, [MARKERS.draft, MARKERS.embargo])).toEqual([MARKERS.draft, MARKERS.embargo]);
    const gql = await graphql('{ articles(status: DRAFT, pagination: { limit: 100 }) { title } }', 'read-only token').expect(200);
    expect(leakedSecrets(gql.body, [MARKERS.draft])).toEqual([MARKERS.draft]);
  });
});

describe('holes found by probing the landed hardening (each was a leak or a 500)', () => {
  test('a media file never opens the rows that use it (its `related` lists drafts and embargoed stories)', async () => {
    for (const caller of CALLERS) {
      for (const path of [
        `/api/articles/${planted.mainDocumentId}?populate[cover][populate]=*`,
        '/api/teasers?populate[image][populate]=*',
        `/api/articles?populate[cover][populate][related]=true`,
        '/api/articles?populate[cover][populate][0]=folder',
      ]) {
        const res = await get(path, caller);
        expect({ path, caller, status: res.status }).toEqual({ path, caller, status: 400 });
        expect(leakedSecrets(res.body, planted.secrets)).toEqual([]);
      }
    }
    const gql = await graphql('{ articles { cover { url related { __typename } } } }');
    expect(gql.status).toBe(400);
    expect(leakedSecrets(gql.body, planted.secrets)).toEqual([]);
  });

  test("a filter hidden in a variable's default value is checked like one sent", async () => {
    for (const query of [
      `query Q($f: TagFiltersInput = { articles: { lede: { contains: "${MARKERS.draft}" } } }) { tags(filters: $f) { name } }`,
      `query Q($o: [TagFiltersInput] = [{ articles: { lede: { contains: "${MARKERS.embargo}" } } }]) { tags(filters: { or: $o }) { name } }`,
      'query Q($s: [String] = ["teaser.title:asc"]) { articles(sort: $s) { title } }',
    ]) {
      const res = await graphql(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });

  test('API tokens do not list comments, media files or reader accounts', async () => {
    for (const path of [
      '/api/comments',
      `/api/comments?filters[article][lede][$contains]=${MARKERS.edit}`,
      '/api/upload/files',
      '/api/upload/files?populate=related',
      '/api/users',
      '/api/users-permissions/roles',
    ]) {
      const res = await get(path, 'read-only token');
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(leakedSecrets(res.body, planted.secrets)).toEqual([]);
    }
    const gql = await graphql('{ uploadFiles { name related { __typename } } usersPermissionsUsers { email } }', 'read-only token');
    expect(gql.status).toBe(400);
    // The counts route under /api/comments stays.
    await get(`/api/comments/counts?slugs=${planted.mainSlug}`, 'read-only token').expect(200);
  });

  test('pagination limit -1 ("all") is priced as the largest page', async () => {
    const res = await graphql('{ articles(pagination: { limit: -1 }) { documentId tags(pagination: { limit: -1 }) { name } related(limit: 20) { title } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/too expensive/);
  });

  test('an embargoed pick does not shape the related feed (its near-copy stays)', async () => {
    const documents = app.strapi.documents(ARTICLE);
    const text = 'Парламентът гласува окончателно бюджета за следващата година след дълъг дебат за заплатите и пенсиите.';
    const para = (value: string) => [{ type: 'paragraph', children: [{ type: 'text', text: value }] }];
    const original = await documents.create({ locale: 'bg', data: { title: 'Парламентът прие бюджета', lede: text, body: para(text) } as never });
    await documents.publish({ documentId: original.documentId, locale: 'bg' });
    const copy = await documents.create({
      locale: 'bg',
      data: { title: 'Парламентът прие бюджета', lede: text, body: para(text), publicationDate: new Date(Date.now() + 86_400_000).toISOString() } as never,
    });
    await documents.publish({ documentId: copy.documentId, locale: 'bg' });
    const picker = await documents.create({
      locale: 'bg',
      data: { title: 'Още за гласуването в парламента', lede: 'Коментар.', relatedArticles: [copy.documentId, original.documentId] } as never,
    });
    await documents.publish({ documentId: picker.documentId, locale: 'bg' });
    const slug = (await documents.findOne({ documentId: picker.documentId, locale: 'bg', status: 'published' }))?.slug as string;
    for (const caller of CALLERS) {
      const res = await get(`/api/articles/by-slug/${slug}/related?limit=5`, caller).expect(200);
      expect(res.body.data[0]?.documentId).toBe(original.documentId);
      expect(JSON.stringify(res.body)).not.toContain(copy.documentId);
    }
    const gql = await graphql(
      `{ relatedArticles(slug: "${slug}", limit: 5) { documentId } articleBySlug(slug: "${slug}") { related(limit: 5) { documentId } } }`,
    ).expect(200);
    expect(gql.body.data.relatedArticles[0].documentId).toBe(original.documentId);
    expect(gql.body.data.articleBySlug.related[0].documentId).toBe(original.documentId);
  });

  test('values the database would choke on get a 400, not a 500 (with SQL in it)', async () => {
    for (const path of [
      '/api/articles?filters[id][$eq]=abc',
      '/api/articles?filters[id][$in][0]=abc',
      '/api/articles?filters[tags][id][$eq]=abc',
      '/api/sections?filters[position][$gt]=abc',
      '/api/sections?filters[position][$eq]=1.5',
      '/api/sections?filters[position][$eq]=99999999999999999999999',
      '/api/articles?filters[body][$contains]=x',
      '/api/articles?filters[publicationDate][$lt]=-271821-04-20T00:00:00.000Z',
      '/api/articles?filters[title][$eq]=a%00b',
      '/api/articles?_q=a%00',
      '/api/articles/by-slug/x%00',
      `/api/teasers/latest?cursor=${Buffer.from('-271821-04-20T00:00:00.000Z|abc').toString('base64url')}`,
    ]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
    for (const query of [
      'query { articles { ...A } } fragment A on Article { ...A }',
      '{ articles { ...Missing } }',
      '{ article(documentId: "a\\u0000b") { title } }',
      '{ articles(filters: { title: { eq: "a\\u0000" } }) { title } }',
    ]) {
      const res = await graphql(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(res.body)).not.toMatch(/select |INTERNAL_SERVER_ERROR/i);
    }
    const subscription = await graphql('subscription { articles { title } }');
    expect(subscription.status).toBe(400);
    const trace = await request(app.server).trace('/api/articles');
    expect(trace.status).toBe(405);
  });
});

describe('GraphQL cost bounds', () => {
  const heavy = 'articles(pagination: { limit: 100 }) { title body tags { name } related(limit: 20) { title } }';

  test('the alias bomb is refused with a 400 that says why, and the server stays up', async () => {
    const bomb = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${heavy}`).join(' ')} }`;
    const res = await request(app.server).post('/graphql').send({ query: bomb });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/limit|too expensive|Token/i);
    const related = `{ articles { ${Array.from({ length: 2000 }, (_, i) => `r${i}: related { title }`).join(' ')} } }`;
    const second = await request(app.server).post('/graphql').send({ query: related });
    expect(second.status).toBe(400);
    await request(app.server).get('/_health').expect(204);
  });

  test('one list nested in another is priced by the items it may return', async () => {
    const res = await graphql(`{ ${heavy} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/too expensive: cost \d+ over the limit of \d+/);
    const deep = await graphql('{ tags(pagination: { limit: 100 }) { articles(pagination: { limit: 100 }) { tags { articles { title } } } } }');
    expect(deep.status).toBe(400);
  });

  test('the README example query still passes', async () => {
    const slug = planted.mainSlug;
    const readme = `query {
      articleBySlug(slug: "${slug}", locale: "bg") {
        title publicationDate publicationDateDisplay commentCount
        sourceAgency { creditLine } citedAgencies { creditLine } tags { name } section { name }
        related(limit: 3) { title slug path creditLine publicationDateDisplay commentCount }
      }
      relatedArticles(slug: "${slug}", locale: "bg", limit: 3) { title slug image { url alternativeText } }
      latestTeasers(locale: "bg", limit: 10, section: "svyat") { cards { title slug } nextCursor }
      comments(slug: "${slug}", locale: "bg") { comments { authorName body createdAt replies { authorName body } } total commentCount }
      commentCounts(slugs: ["${slug}"], locale: "bg") { slug count }
    }`;
    const res = await graphql(readme).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articleBySlug.title).toBeTruthy();
  });
});

describe.each(CALLERS)('feeds and sitemaps show no draft, unpublished edit or embargoed story (%s)', (caller) => {
  const PATHS = [
    '/api/feeds/rss?locale=bg&limit=100',
    '/api/feeds/atom?locale=bg&limit=100',
    '/api/feeds/json?locale=bg&limit=100',
    '/api/feeds/json?locale=en&limit=100',
    '/api/sitemaps/index.xml',
    '/api/sitemaps/articles/bg-1.xml',
    '/api/sitemaps/articles/en-1.xml',
    '/api/sitemaps/news.xml',
    '/api/sitemaps/sections.xml',
    '/api/sitemaps/tags.xml',
    '/api/sitemaps/authors.xml',
  ];
  const text = (res: request.Response) => (Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text);

  test('no planted secret in any feed or sitemap; the main story is there with its published text', async () => {
    for (const path of PATHS) {
      const res = await get(path, caller).buffer(true);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect({ path, leaked: leakedSecrets(text(res), planted.secrets) }).toEqual({ path, leaked: [] });
    }
    const rss = text(await get('/api/feeds/rss?locale=bg&limit=100', caller).buffer(true));
    expect(rss).toContain(planted.mainSlug);
  });

  test('a draft-only locale variant is never an hreflang alternate, and narrowing by a draft author finds nothing', async () => {
    const marker = `${MARKERS.draft}variant${caller === 'anonymous' ? 'a' : 'b'}`;
    await app.strapi.documents(ARTICLE).update({ documentId: planted.mainDocumentId, locale: 'en', data: { title: `Draft variant ${marker}` } as never });
    for (const path of ['/api/sitemaps/articles/bg-1.xml', '/api/sitemaps/articles/en-1.xml', '/api/feeds/rss?locale=en&limit=100']) {
      const body = text(await get(path, caller).buffer(true).expect(200));
      expect({ path, leaked: body.includes(marker) }).toEqual({ path, leaked: false });
    }
    const author = await app.strapi.documents(AUTHOR).create({ locale: 'bg', data: { name: `Автор ${marker}` } as never });
    const slug = (author as unknown as { slug: string }).slug;
    const res = await get(`/api/feeds/rss?locale=bg&author=${slug}`, caller);
    expect(res.status).toBe(404);
    expect(text(await get('/api/sitemaps/authors.xml', caller).buffer(true))).not.toContain(slug);
  });
});
