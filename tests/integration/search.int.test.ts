/**
 * Search: core `$containsi`/`_q` folding Cyrillic case, and GET /api/search + GraphQL `search`
 * (src/search): word forms, Latin-typed queries, filters, escaped snippets, visibility, paging,
 * caching and bad input, through the real HTTP API on the real database (SQLite, or PostgreSQL
 * with TEST_DATABASE=postgres).
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin, graphql, MAIN_TITLE, setAppClock } from '../helpers/fixtures';
import { ARTICLE, AUTHOR, SECTION, TAG } from '../../src/uids';

let app: TestApp;

const para = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const DAY = 86_400_000;

async function publish(data: Record<string, unknown>): Promise<string> {
  const created = await app.strapi.documents(ARTICLE).create({ locale: 'bg', status: 'published', data: { lede: '', ...data } as never });
  return created.documentId;
}

const search = (query: Record<string, string | number>) => request(app.server).get('/api/search').query(query);
const titles = (body: { data: Array<{ title: string }> }) => body.data.map((card) => card.title);

const STORIES = {
  nordStream: 'Газопроводът Северния поток спря доставките за Германия',
  vaccine: 'Ваксината на Pfizer пристига в България до края на месеца',
  happiness: 'Щастието е в малките неща, казват социолози',
  english: 'Putin meets Kim in Vladivostok',
  xss: 'Здравни власти предупреждават за фалшиви ваксини',
  sectioned: 'Изборите в Молдова: Санду печели втори мандат',
};

let sectionSlug: string;
let sectionDocumentId: string;
let tagSlug: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
  const section = await app.strapi.documents(SECTION).findFirst({ locale: 'bg' });
  const tag = await app.strapi.documents(TAG).findFirst({ locale: 'bg' });
  if (!section?.slug || !tag?.slug) throw new Error('fixture: the demo taxonomy is missing');
  sectionSlug = section.slug as string;
  sectionDocumentId = section.documentId;
  tagSlug = tag.slug as string;
  const old = new Date(Date.now() - 400 * DAY).toISOString();
  ids.nordStream = await publish({
    title: STORIES.nordStream,
    body: para('Руският газ по Северния поток няма да тече седмици наред, съобщи операторът.'),
    publicationDate: old,
  });
  ids.vaccine = await publish({ title: STORIES.vaccine, body: para('Първите дози от ваксината ще бъдат за медиците.') });
  ids.happiness = await publish({ title: STORIES.happiness, body: para('Изследване на щастието сред българите показва изненади.') });
  ids.english = await publish({ title: STORIES.english, lede: 'Putin and Kim talked for hours.', body: para('Vladimir Putin arrived by train.') });
  ids.xss = await publish({ title: STORIES.xss, body: para('Внимавайте: <img src=x onerror=alert(1)> "ваксини" & лекарства се продават онлайн.') });
  ids.sectioned = await publish({ title: STORIES.sectioned, body: para('Изборите минаха спокойно.'), section: section.documentId, tags: [tag.documentId] });
  // Boot, seed and six publishes: more than the default hook timeout on a busy machine.
}, 300_000);

afterAll(async () => {
  setAppClock(null);
  await app?.close();
});

describe('Cyrillic case-insensitive filtering', () => {
  test.each(['путин', 'ПУТИН', 'Путин', 'пУтИн'])('$containsi "%s" finds "Путин" over REST', async (needle) => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({ filters: { title: { $containsi: needle } } })
      .expect(200);
    expect(res.body.data.map((article: { title: string }) => article.title)).toEqual([expect.stringContaining('Путин')]);
  });

  test('$eqi and GraphQL containsi fold Cyrillic case too', async () => {
    const res = await request(app.server)
      .get('/api/tags')
      .query({ filters: { name: { $eqi: 'русия' } } })
      .expect(200);
    expect(res.body.data.map((tag: { name: string }) => tag.name)).toEqual(['Русия']);
    const gql = await request(app.server)
      .post('/graphql')
      .send({ query: '{ articles(filters: { title: { containsi: "ким чен ун" } }) { title } }' })
      .expect(200);
    expect(gql.body.data.articles).toHaveLength(1);
  });

  test('the admin panel list search finds Cyrillic of another case', async () => {
    const jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
    const res = await request(app.server)
      .get(`/content-manager/collection-types/${ARTICLE}`)
      .query({ _q: 'путин', locale: 'bg' })
      .set({ Authorization: `Bearer ${jwt}` })
      .expect(200);
    expect(res.body.results.map((article: { title: string }) => article.title)).toEqual([expect.stringContaining('Путин')]);
  });
});

describe('GET /api/search: word forms', () => {
  test.each([
    ['северен поток', STORIES.nordStream],
    ['поток северен', STORIES.nordStream],
    ['Северния поток', STORIES.nordStream],
    ['ваксини', STORIES.vaccine],
    ['ваксина', STORIES.vaccine],
    ['щастие', STORIES.happiness],
    ['изборите в Молдова', STORIES.sectioned],
  ])('„%s“ finds „%s“ first', async (q, title) => {
    const res = await search({ q, locale: 'bg' }).expect(200);
    expect(titles(res.body)[0]).toBe(title);
    expect(res.body.meta).toMatchObject({ locale: 'bg', matched: 'all', page: 1, pageSize: 10 });
  });

  test("answers cards (the related feed's shape) with a snippet", async () => {
    const res = await search({ q: 'ваксината' }).expect(200);
    const card = res.body.data.find((item: { documentId: string }) => item.documentId === ids.vaccine);
    expect(Object.keys(card).sort()).toEqual(
      [
        'authors',
        'commentCount',
        'creditLine',
        'documentId',
        'flags',
        'image',
        'lede',
        'locale',
        'path',
        'publicationDate',
        'publicationDateDisplay',
        'section',
        'slug',
        'snippet',
        'title',
        'url',
      ].sort(),
    );
    expect(card.snippet).toContain('<mark>ваксината</mark>');
  });

  test('a word that is in no story finds nothing; with several words, stories having some are shown', async () => {
    const none = await search({ q: 'хипопотамоподобен' }).expect(200);
    expect(none.body).toMatchObject({ data: [], meta: { total: 0, matched: 'none' } });
    const some = await search({ q: 'ваксина хипопотамоподобен' }).expect(200);
    expect(some.body.meta.matched).toBe('any');
    expect(titles(some.body)).toContain(STORIES.vaccine);
  });
});

describe('GET /api/search: Latin-typed Bulgarian', () => {
  test.each([
    ['severen potok', STORIES.nordStream],
    ['severniya potok', STORIES.nordStream],
    ['shtastie', STORIES.happiness],
    ['6tastie', STORIES.happiness],
    ['vaksini', STORIES.vaccine],
    ['vaksinata', STORIES.vaccine],
  ])('`%s` finds „%s“', async (q, title) => {
    const res = await search({ q }).expect(200);
    expect(titles(res.body)[0]).toBe(title);
  });

  test('`putin` finds the Cyrillic „Путин“ stories, ranked below the story that spells it in Latin', async () => {
    const res = await search({ q: 'putin' }).expect(200);
    const found = titles(res.body);
    expect(found[0]).toBe(STORIES.english);
    expect(found).toContain(MAIN_TITLE);
  });
});

describe('GET /api/search: filters and paging', () => {
  test('section, tag and agency filters narrow to stories linked to that slug', async () => {
    const all = await search({ q: 'изборите' }).expect(200);
    expect(all.body.meta.total).toBeGreaterThanOrEqual(1);
    const bySection = await search({ q: 'изборите', section: sectionSlug }).expect(200);
    expect(titles(bySection.body)).toEqual([STORIES.sectioned]);
    const byTag = await search({ q: 'изборите', tag: tagSlug }).expect(200);
    expect(titles(byTag.body)).toEqual([STORIES.sectioned]);
    const otherSection = await search({ q: 'ваксини', section: sectionSlug }).expect(200);
    expect(otherSection.body.data).toEqual([]);
    const noAgency = await search({ q: 'ваксини', agency: 'no-such-agency' }).expect(200);
    expect(noAgency.body.data).toEqual([]);
  });

  describe('author', () => {
    const newAuthor = async (name: string, published: boolean) => {
      const created = (await app.strapi.documents(AUTHOR).create({ locale: 'bg', data: { name } as never })) as unknown as { documentId: string; slug: string };
      if (published) await app.strapi.documents(AUTHOR).publish({ documentId: created.documentId, locale: 'bg' });
      return created;
    };
    const found = async (query: Record<string, string | number>) =>
      (await search(query).expect(200)).body.data.map((card: { documentId: string }) => card.documentId);
    let ana: { documentId: string; slug: string };
    let boris: { documentId: string; slug: string };
    let unpublished: { documentId: string; slug: string };
    const stories: Record<string, string> = {};

    beforeAll(async () => {
      ana = await newAuthor('Ана Пчеларова', true);
      boris = await newAuthor('Борис Пчеларов', true);
      unpublished = await newAuthor('Чернова Пчеларска', false);
      stories.ana = await publish({
        title: 'Пчеларите от Странджа събраха рекорден мед',
        body: para('Пчеларите са доволни.'),
        authors: [ana.documentId],
        section: sectionDocumentId,
      });
      stories.boris = await publish({ title: 'Пчеларите протестираха пред парламента', body: para('Пчеларите искат помощ.'), authors: [boris.documentId] });
      stories.both = await publish({
        title: 'Пчеларите и климатът: двама автори',
        body: para('Общ текст за пчеларите.'),
        authors: [ana.documentId, boris.documentId],
      });
      // Credited while the author is a draft: the story is public, the credit is not.
      stories.unpublished = await publish({ title: 'Пчеларите и зимата', body: para('Пчеларите зимуват.'), authors: [unpublished.documentId] });
    }, 120_000);

    test('narrows to stories crediting that published author, with the other filters too, REST and GraphQL alike', async () => {
      expect((await found({ q: 'пчеларите', limit: 50 })).sort()).toEqual(Object.values(stories).sort());
      expect((await found({ q: 'пчеларите', author: ana.slug })).sort()).toEqual([stories.ana, stories.both].sort());
      expect((await found({ q: 'пчеларите', author: boris.slug })).sort()).toEqual([stories.boris, stories.both].sort());
      expect(await found({ q: 'пчеларите', author: ana.slug, section: sectionSlug })).toEqual([stories.ana]);
      expect(await found({ q: 'пчеларите', author: boris.slug, section: sectionSlug })).toEqual([]);
      const rest = await search({ q: 'pchelarite', author: ana.slug }).expect(200);
      expect(rest.body.meta).toMatchObject({ total: 2, matched: 'all' });
      const byline = (card: { authors: Array<{ slug: string }> }) => card.authors.map((author) => author.slug);
      for (const card of rest.body.data) expect(byline(card)).toContain(ana.slug);
      const gql = await graphql(
        request(app.server),
        'query S($q: String!, $author: String) { search(q: $q, author: $author) { cards { documentId snippet authors { slug } } total } }',
        { q: 'pchelarite', author: ana.slug },
      );
      expect(gql.body.errors).toBeUndefined();
      expect(gql.body.data.search).toEqual({
        cards: (rest.body.data as Array<{ documentId: string; snippet: string; authors: Array<{ slug: string }> }>).map(({ documentId, snippet, authors }) => ({
          documentId,
          snippet,
          authors: authors.map(({ slug }) => ({ slug })),
        })),
        total: 2,
      });
    });

    test('a draft author and an unknown slug answer alike: 200, no stories (as unknown section, tag and agency slugs do)', async () => {
      const unknown = await search({ q: 'пчеларите', author: 'no-such-author' }).expect(200);
      expect(unknown.body).toMatchObject({ data: [], meta: { total: 0, matched: 'none' } });
      const draft = await search({ q: 'пчеларите', author: unpublished.slug }).expect(200);
      expect(draft.body).toEqual(unknown.body);
      const gql = await graphql(
        request(app.server),
        'query S($author: String) { search(q: "пчеларите", author: $author) { cards { documentId } total matched } }',
        { author: unpublished.slug },
      );
      expect(gql.body.data.search).toEqual({ cards: [], total: 0, matched: 'none' });
      const unset = await graphql(request(app.server), 'query S($author: String) { search(q: "пчеларите", author: $author, limit: 50) { total } }', {
        author: null,
      });
      expect(unset.body.errors).toBeUndefined();
      expect(unset.body.data.search.total).toBe(Object.keys(stories).length);
    });

    test('a slug only an unpublished edit carries finds nothing until the author is published; cached answers follow', async () => {
      const typed = `ana-pchelarova-${Date.now()}`;
      await app.strapi.documents(AUTHOR).update({ documentId: ana.documentId, locale: 'bg', data: { slug: typed } as never });
      expect(await found({ q: 'пчеларите', author: typed })).toEqual([]);
      expect((await search({ q: 'пчеларите', author: typed }).expect(200)).headers['x-cache']).toBe('HIT');
      expect((await found({ q: 'пчеларите', author: ana.slug })).sort()).toEqual([stories.ana, stories.both].sort());
      await app.strapi.documents(AUTHOR).publish({ documentId: ana.documentId, locale: 'bg' });
      expect((await found({ q: 'пчеларите', author: typed })).sort()).toEqual([stories.ana, stories.both].sort());
      expect(await found({ q: 'пчеларите', author: ana.slug })).toEqual([]);
    });

    test('an unpublished author finds nothing any more, though the stories stay public', async () => {
      expect((await found({ q: 'пчеларите', author: boris.slug })).sort()).toEqual([stories.boris, stories.both].sort());
      await app.strapi.documents(AUTHOR).unpublish({ documentId: boris.documentId, locale: 'bg' });
      expect(await found({ q: 'пчеларите', author: boris.slug })).toEqual([]);
      expect(await found({ q: 'пчеларите', limit: 50 })).toEqual(expect.arrayContaining([stories.boris, stories.both]));
    });
  });

  test('from and to bound the publication date', async () => {
    const recent = await search({ q: 'поток', from: new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10) }).expect(200);
    expect(titles(recent.body)).not.toContain(STORIES.nordStream);
    const bound = new Date(Date.now() - 300 * DAY).toISOString().slice(0, 10);
    const old = await search({ q: 'поток', to: bound }).expect(200);
    expect(titles(old.body)).toContain(STORIES.nordStream);
    for (const card of old.body.data) expect(card.publicationDate.slice(0, 10) <= bound).toBe(true);
  });

  test('pages are disjoint, cover every hit once and say how many there are', async () => {
    for (let i = 0; i < 12; i += 1) await publish({ title: `Кукуригу новина номер ${i + 1}`, body: para(`Текст за кукуригу ${i + 1}.`) });
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await search({ q: 'кукуригу', limit: 5, page }).expect(200);
      expect(res.body.meta).toMatchObject({ total: 12, page, pageSize: 5, pageCount: 3 });
      seen.push(...res.body.data.map((card: { documentId: string }) => card.documentId));
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const beyond = await search({ q: 'кукуригу', limit: 5, page: 4 }).expect(200);
    expect(beyond.body.data).toEqual([]);
  });
});

describe('GET /api/search: snippets are escaped', () => {
  test('markup in a story is text in the snippet; only <mark> is markup', async () => {
    const res = await search({ q: 'ваксини' }).expect(200);
    const card = res.body.data.find((item: { documentId: string }) => item.documentId === ids.xss);
    expect(card.snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(card.snippet).toContain('&quot;<mark>ваксини</mark>&quot; &amp; лекарства');
    expect(card.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  test('a query with markup is never echoed as markup', async () => {
    const res = await search({ q: '<script>ваксини</script>' }).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('<script>');
  });
});

describe('GET /api/search: visibility', () => {
  test('drafts are never found; an unpublished story disappears; an embargoed one appears at its release', async () => {
    await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Чернова за мармаладови облаци', lede: 'Чернова.' } as never });
    const published = await publish({ title: 'Статия за мармаладови облаци', body: para('Мармаладови облаци над София.') });
    const embargoAt = new Date(Date.now() + 2 * DAY);
    const embargoed = await publish({
      title: 'Ембарго за мармаладови облаци',
      body: para('Още мармаладови облаци.'),
      publicationDate: embargoAt.toISOString(),
    });
    const found = async () => (await search({ q: 'мармаладови облаци' }).expect(200)).body.data.map((card: { documentId: string }) => card.documentId);
    expect(await found()).toEqual([published]);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: published, locale: 'bg' });
    expect(await found()).toEqual([]);
    setAppClock(new Date(embargoAt.getTime() + 60_000));
    try {
      expect(await found()).toEqual([embargoed]);
    } finally {
      setAppClock(null);
    }
    // Another URL than the cached answer of the moved clock.
    expect((await search({ q: 'мармаладови облаци', limit: 9 }).expect(200)).body.data).toEqual([]);
  });

  test('a new matching story shows up in a cached search at once', async () => {
    const first = await search({ q: 'пеперудени крила' }).expect(200);
    expect(first.body.data).toEqual([]);
    const again = await search({ q: 'пеперудени крила' }).expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    await publish({ title: 'Пеперудени крила в музея', body: para('Изложба.') });
    const after = await search({ q: 'пеперудени крила' }).expect(200);
    expect(titles(after.body)).toEqual(['Пеперудени крила в музея']);
  });
});

describe('GET /api/search: bad input', () => {
  test.each([
    ['empty', ''],
    ['one character', 'а'],
    ['10,000 characters', 'vaksina '.repeat(1250)],
  ])('%s: 400 with a message', async (_name, q) => {
    const res = await search({ q }).expect(400);
    expect(res.body.error.message).toMatch(/q /);
  });

  test('10,000 Cyrillic characters do not fit in a URL: Node refuses the request line (431), never a 500', async () => {
    const res = await search({ q: 'ваксина '.repeat(1250) });
    expect([400, 414, 431]).toContain(res.status);
    const gql = await graphql(request(app.server), 'query S($q: String!) { search(q: $q) { total } }', { q: 'ваксина '.repeat(1250) });
    expect(JSON.stringify(gql.body.errors)).toMatch(/at most 200 characters/);
  });

  test('no q at all, unknown parameters and bad filters: 400', async () => {
    expect((await request(app.server).get('/api/search').expect(400)).body.error.message).toMatch(/q is required/);
    await search({ q: 'ваксина', sort: 'title' }).expect(400);
    await search({ q: 'ваксина', limit: 0 }).expect(400);
    await search({ q: 'ваксина', limit: 51 }).expect(400);
    await search({ q: 'ваксина', page: 'x' }).expect(400);
    await search({ q: 'ваксина', section: 'Not A Slug' }).expect(400);
    expect((await search({ q: 'ваксина', author: 'Иван Петров' }).expect(400)).body.error.message).toMatch(/author must be a slug/);
    await search({ q: 'ваксина', from: 'yesterday' }).expect(400);
    await search({ q: 'ваксина', limit: 50, page: 21 }).expect(400);
    await request(app.server).get('/api/search?q=ваксина&q=поток').expect(400);
  });

  test('only stop words: an empty answer, not an error', async () => {
    const res = await search({ q: 'и на за от' }).expect(200);
    expect(res.body).toMatchObject({ data: [], meta: { total: 0, matched: 'none', terms: [] } });
  });

  test.each([
    '"',
    '""',
    '*',
    'ваксин*',
    'NEAR(ваксина поток)',
    'title:ваксина',
    'body : ваксина',
    '(ваксина',
    'ваксина)',
    'ваксина AND OR NOT',
    'NOT ваксина',
    'ваксина OR поток',
    '^ваксина',
    '-ваксина',
    "ваксина'; DROP TABLE articles; --",
    '{title}: ваксина',
    'ваксина + поток',
    '\\\\',
    '_putin',
  ])('FTS syntax `%s` is plain text: a safe answer', async (q) => {
    const res = await search({ q });
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) expect(Array.isArray(res.body.data)).toBe(true);
    else expect(res.body.error.message).toBeTruthy();
  });

  test('operators are words: `ваксина OR поток` needs both (no story has both, so stories with either)', async () => {
    const res = await search({ q: 'ваксина OR поток' }).expect(200);
    expect(res.body.meta.terms).toEqual(['ваксина', 'or', 'поток']);
  });
});

describe('GraphQL search', () => {
  test('answers the same cards as REST, from the same service', async () => {
    const rest = await search({ q: 'severen potok', limit: 3 }).expect(200);
    const gql = await graphql(
      request(app.server),
      'query S($q: String!) { search(q: $q, locale: "bg", limit: 3) { cards { documentId title snippet slug } total page pageSize matched } }',
      { q: 'severen potok' },
    );
    expect(gql.status).toBe(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.search.cards.map((card: { documentId: string }) => card.documentId)).toEqual(
      rest.body.data.map((card: { documentId: string }) => card.documentId),
    );
    expect(gql.body.data.search.cards[0].snippet).toBe(rest.body.data[0].snippet);
    expect(gql.body.data.search.total).toBe(rest.body.meta.total);
  });

  test('bad input is a 400-style error, not an internal one', async () => {
    const res = await graphql(request(app.server), '{ search(q: "а") { total } }');
    expect(JSON.stringify(res.body.errors)).toMatch(/at least 2 characters/);
    expect(JSON.stringify(res.body.errors)).not.toMatch(/INTERNAL_SERVER_ERROR/);
  });
});
