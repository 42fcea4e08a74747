import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, paragraph, publishArticle, setAppClock } from '../helpers/fixtures';
import { ARTICLE, SOURCE_AGENCY, TEASER } from '../../src/uids';

let app: TestApp;

const BREXIT = [
  [
    'Лондон и Брюксел продължават преговорите за Брекзит',
    'Британският премиер заяви, че преговорите за Брекзит с Европейския съюз ще продължат и следващата седмица. Парламентът в Лондон обсъжда споразумението за напускане, а Брюксел настоява за гаранции за ирландската граница.',
  ],
  [
    'Парламентът отложи гласуването за Брекзит',
    'Британският парламент отложи гласуването по споразумението за Брекзит. Депутатите искат още време, а премиерът предупреди, че без сделка Обединеното кралство ще напусне Европейския съюз без споразумение.',
  ],
  [
    'ЕС обсъжда ново отлагане на Брекзит',
    'Лидерите на Европейския съюз обсъждат ново отлагане на Брекзит по молба на Лондон. Британското правителство иска повече време, за да прокара споразумението за напускане през парламента.',
  ],
];
const VACCINE = [
  [
    'Първите ваксини срещу коронавируса пристигат в болниците',
    'Първите дози ваксина срещу коронавируса пристигат в болниците тази седмица. Медиците ще бъдат ваксинирани първи, съобщи здравното министерство, а ваксинацията на възрастните започва през януари.',
  ],
  [
    'Здравното министерство започва масова ваксинация',
    'Здравното министерство обяви началото на масова ваксинация срещу коронавируса. Ваксините ще се поставят в болниците и в личните кабинети, а записването е по телефона.',
  ],
];

const publish = (title: string, body: string, data: Record<string, unknown> = {}, locale = 'bg') =>
  publishArticle(app.strapi, { title, lede: body.split('. ')[0] + '.', body, ...data }, locale);

const related = (slug: string, query: Record<string, unknown> = {}) =>
  request(app.server)
    .get(`/api/articles/by-slug/${slug}/related`)
    .query({ locale: 'bg', ...query });
const slugsOf = (res: request.Response) => res.body.data.map((card: { slug: string }) => card.slug);

let brexit: Array<{ documentId: string; slug: string }>;
let vaccine: Array<{ documentId: string; slug: string }>;

beforeAll(async () => {
  app = await startTestApp();
  brexit = [];
  for (const [title, body] of BREXIT) brexit.push(await publish(title, body));
  vaccine = [];
  for (const [title, body] of VACCINE) vaccine.push(await publish(title, body));
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

describe('GET /api/articles/by-slug/:slug/related', () => {
  test('puts the editor’s picks first, in the editor’s order', async () => {
    const main = await app.strapi
      .documents(ARTICLE)
      .findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE }, populate: ['relatedArticles'] });
    const picks = (main?.relatedArticles as Array<{ slug: string }>).map((pick) => pick.slug);
    expect(picks).toHaveLength(3);
    const res = await related(main?.slug as string, { limit: 5 }).expect(200);
    expect(slugsOf(res).slice(0, 3)).toEqual(picks);
  });

  test('ranks stories of the same event first and never the article itself', async () => {
    const res = await related(brexit[0].slug, { limit: 2 }).expect(200);
    expect(slugsOf(res).sort()).toEqual([brexit[1].slug, brexit[2].slug].sort());
    const longer = await related(vaccine[0].slug, { limit: 10 }).expect(200);
    expect(slugsOf(longer)[0]).toBe(vaccine[1].slug);
    expect(slugsOf(longer)).not.toContain(vaccine[0].slug);
  });

  test('every card carries what the page shows', async () => {
    const res = await related(brexit[0].slug, { limit: 1 }).expect(200);
    expect(res.body.data[0]).toEqual({
      documentId: expect.any(String),
      locale: 'bg',
      title: expect.any(String),
      lede: expect.any(String),
      slug: expect.any(String),
      path: expect.stringMatching(/^\/bg\//),
      url: expect.stringMatching(/^https?:\/\/[^/]+\/bg\//),
      image: null,
      publicationDate: expect.any(String),
      publicationDateDisplay: expect.stringMatching(/^\d{1,2} [А-Я][а-я]+, \d{4}$/),
      creditLine: null,
      section: null,
      authors: [],
      commentCount: 0,
      flags: [],
    });
    const main = await app.strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
    const seeded = await related(main?.slug as string, { limit: 1 }).expect(200);
    expect(seeded.body.data[0]).toMatchObject({
      creditLine: 'БГНЕС',
      section: { name: 'Наука' },
      image: { alternativeText: expect.any(String), url: expect.stringMatching(/^\/uploads\//) },
    });
  });

  test('cards read in SQL equal the Document Service reading of the same stories', async () => {
    const { cardsFor, toCards } = require('../../dist/src/cards/teaser-cards') as typeof import('../../src/cards/teaser-cards');
    // A flagged story (one flag active, one ended) so the comparison covers flags too.
    await publish('Пожар в склад край Пловдив', 'Пожарникари гасиха цяла нощ пожар в склад за дървен материал край Пловдив. Няма пострадали.', {
      breaking: true,
      featured: true,
      featuredUntil: new Date(Date.now() - 60_000).toISOString(),
    });
    const published = (await app.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'bg', status: 'published', fields: ['documentId'], limit: 200 } as never)) as unknown as Array<{ documentId: string }>;
    const ids = published.map((item) => item.documentId);
    const media = ['url', 'alternativeText', 'width', 'height', 'formats'];
    const reference = (await app.strapi.documents(ARTICLE).findMany({
      locale: 'bg',
      status: 'published',
      filters: { documentId: { $in: ids } },
      limit: ids.length,
      fields: ['title', 'lede', 'slug', 'publicationDate', 'locale', 'breaking', 'breakingUntil', 'featured', 'featuredUntil'],
      populate: {
        cover: { fields: media },
        sourceAgency: { fields: ['creditLine'] },
        section: { fields: ['name', 'slug'] },
        authors: { fields: ['name', 'slug'] },
        teaser: { fields: ['title', 'lede'], populate: { image: { fields: media } } },
      },
    } as never)) as unknown as Array<{ documentId: string }>;
    const byId = new Map(reference.map((item) => [item.documentId, { ...item, flags: item as never }]));
    const expected = await toCards(app.strapi, ids.map((id) => byId.get(id)) as never, 'bg');
    const cards = await cardsFor(app.strapi, ids, 'bg');
    expect(cards).toEqual(expected);
    // The comparison covers images (with formats), credits and sections, not only bare cards.
    expect(cards.some((card) => card.image !== null && card.image.formats !== null && card.creditLine !== null && card.section !== null)).toBe(true);
    // ...and bylines (the seeded staff story).
    expect(cards.some((card) => card.authors.length > 0)).toBe(true);
    expect(cards.some((card) => card.flags.length === 1 && card.flags[0] === 'breaking')).toBe(true);
  });

  test('leaves out drafts, embargoed stories and other locales', async () => {
    const articles = app.strapi.documents(ARTICLE);
    const draft = await articles.create({ locale: 'bg', data: { title: 'Брекзит: чернова за преговорите', body: paragraph(BREXIT[0][1]) } as never });
    const embargoed = await publish('Брекзит: ембарго за преговорите', BREXIT[1][1], { publicationDate: new Date(Date.now() + 7 * 86400_000).toISOString() });
    await publish('Brexit talks continue', 'Брекзит преговорите продължават в Лондон и Брюксел, парламентът обсъжда споразумението.', {}, 'en');
    const res = await related(brexit[0].slug, { limit: 20 }).expect(200);
    expect(slugsOf(res)).not.toContain(draft.slug);
    expect(slugsOf(res)).not.toContain(embargoed.slug);
    expect(res.body.data.every((card: { locale: string }) => card.locale === 'bg')).toBe(true);
    // Once the embargo ends, the story appears without anyone acting.
    setAppClock(new Date(Date.now() + 8 * 86400_000));
    const later = await related(brexit[0].slug, { limit: 20 }).expect(200);
    expect(slugsOf(later)).toContain(embargoed.slug);
  });

  test('collapses near-identical texts from different agencies into one story', async () => {
    const agencies = await app.strapi.documents(SOURCE_AGENCY).findMany({ locale: 'bg' });
    const text =
      'Хиляди души протестираха в Лондон срещу Брекзит и поискаха нов референдум за членството в Европейския съюз. Организаторите твърдят, че на площада са се събрали над милион души, а полицията не съобщава за инциденти.';
    const first = await publish('Протест в Лондон срещу Брекзит', text, { sourceAgency: agencies[0].documentId });
    const copy = await publish('Многохиляден протест в Лондон срещу Брекзит', text + ' Протестът приключи мирно.', { sourceAgency: agencies[1].documentId });
    const res = await related(brexit[0].slug, { limit: 20 }).expect(200);
    const slugs = slugsOf(res);
    expect(slugs.filter((slug: string) => slug === first.slug || slug === copy.slug)).toHaveLength(1);
    const fromCopy = await related(copy.slug, { limit: 20 }).expect(200);
    expect(slugsOf(fromCopy)).not.toContain(first.slug);
  });

  test('unpublishing a story removes it from its neighbours’ lists', async () => {
    const extra = await publish(
      'Брекзит: Лондон иска още отлагане',
      'Лондон поиска ново отлагане на Брекзит, а Европейският съюз обсъжда молбата. Парламентът не прие споразумението за напускане.',
    );
    expect(slugsOf(await related(brexit[2].slug, { limit: 20 }).expect(200))).toContain(extra.slug);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: extra.documentId, locale: 'bg' });
    expect(slugsOf(await related(brexit[2].slug, { limit: 20 }).expect(200))).not.toContain(extra.slug);
    const stored = await app.strapi.db.connection('novinar_related_lists').where({ related_document_id: extra.documentId });
    expect(stored).toEqual([]);
  });

  test('a new story joins its neighbours’ lists as a full re-ranking would, also lists stored without relevance', async () => {
    const knex = app.strapi.db.connection;
    const listOf = async (documentId: string) =>
      (await knex('novinar_related_lists').where({ document_id: documentId, locale: 'bg' }).orderBy('rank')) as Array<{
        related_document_id: string;
        relevance: number | null;
      }>;
    setAppClock(new Date());
    // A list stored before relevance was kept: its entries are scored from their articles.
    await knex('novinar_related_lists').where({ document_id: brexit[1].documentId, locale: 'bg' }).update({ relevance: null });
    const extra = await publish(
      'Брекзит: Лондон и Брюксел отново без сделка',
      'Лондон и Брюксел не постигнаха сделка за Брекзит. Британският парламент и Европейският съюз обсъждат споразумението за напускане и ирландската граница.',
    );
    const offered = [await listOf(brexit[1].documentId), await listOf(brexit[2].documentId)];
    for (const list of offered) {
      expect(list.map((row) => row.related_document_id)).toContain(extra.documentId);
      expect(list.every((row) => typeof row.relevance === 'number')).toBe(true);
    }
    const { createRelatedIndexer } = require('../../dist/src/related/related-indexer') as typeof import('../../src/related/related-indexer');
    for (const neighbour of [brexit[1], brexit[2]]) await createRelatedIndexer(app.strapi).recomputeList(neighbour.documentId, 'bg');
    const rebuilt = [await listOf(brexit[1].documentId), await listOf(brexit[2].documentId)];
    expect(rebuilt.map((list) => list.map((row) => row.related_document_id))).toEqual(offered.map((list) => list.map((row) => row.related_document_id)));
    await app.strapi.documents(ARTICLE).unpublish({ documentId: extra.documentId, locale: 'bg' });
  });

  test.each([[{ limit: '0' }], [{ limit: '21' }], [{ limit: 'три' }], [{ limit: '2.5' }], [{ sort: 'title' }], [{ locale: 'xx' }]])(
    'answers 400 to %j',
    async (query) => {
      const res = await related(brexit[0].slug, query).expect(400);
      expect(res.body.error.message).toBeTruthy();
    },
  );

  test('answers 404 for an unknown slug and 301 for a former one', async () => {
    await related('nyama-takava-statia').expect(404);
    const moved = await publish('Брекзит и рибарите', 'Рибарите в Шотландия се тревожат от Брекзит и загубата на европейския пазар.');
    await app.strapi.documents(ARTICLE).update({ documentId: moved.documentId, locale: 'bg', data: { slug: 'breksit-ribari' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: moved.documentId, locale: 'bg' });
    const res = await related(moved.slug, { limit: 4 }).expect(301);
    expect(res.headers.location).toBe('/api/articles/by-slug/breksit-ribari/related?locale=bg&limit=4');
  });

  test('the one-statement feed chooses as the general path does, for every story and limit', async () => {
    const { findRelated, relatedCards } = require('../../dist/src/related/find-related') as typeof import('../../src/related/find-related');
    // Picks that exercise the choice: a near copy of a listed story, the story itself, an embargoed one.
    const embargoed = await publish('Брекзит: ембарго за изборите', BREXIT[2][1], { publicationDate: new Date(Date.now() + 86400_000).toISOString() });
    const copy = await publish('Брекзит: преговорите продължават', BREXIT[0][1] + ' Срещата е в понеделник.');
    await app.strapi.documents(ARTICLE).update({
      documentId: brexit[1].documentId,
      locale: 'bg',
      data: { relatedArticles: [copy.documentId, brexit[1].documentId, embargoed.documentId, vaccine[0].documentId] } as never,
    });
    await app.strapi.documents(ARTICLE).publish({ documentId: brexit[1].documentId, locale: 'bg' });
    const stories = (await app.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'bg', status: 'published', populate: { relatedArticles: { fields: ['documentId'] } }, limit: 200 } as never)) as unknown as Array<{
      documentId: string;
      slug: string;
      relatedArticles: Array<{ documentId: string }>;
    }>;
    let compared = 0;
    for (const story of stories) {
      for (const limit of [1, 3, 20]) {
        const fast = await findRelated(app.strapi, story.slug, 'bg', limit);
        expect(fast.kind).toBe('found');
        const general = await relatedCards(app.strapi, story, 'bg', limit);
        expect((fast as { document: { cards: unknown[] } }).document.cards).toEqual(general);
        compared += general.length;
      }
    }
    expect(compared).toBeGreaterThan(stories.length);
  });

  test('REST and GraphQL give the same cards', async () => {
    const rest = await related(brexit[0].slug, { limit: 4 }).expect(200);
    const gql = await request(app.server)
      .post('/graphql')
      .send({
        query: `query ($slug: String!) {
          relatedArticles(slug: $slug, locale: "bg", limit: 4) { documentId locale title lede slug path url authors { documentId name slug } image { url } publicationDate publicationDateDisplay creditLine section { name slug } commentCount flags }
          articleBySlug(slug: $slug) { related(limit: 4) { slug } }
        }`,
        variables: { slug: brexit[0].slug },
      })
      .expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.relatedArticles).toEqual(
      rest.body.data.map((card: Record<string, unknown>) => ({ ...card, image: card.image ? { url: (card.image as { url: string }).url } : null })),
    );
    expect(gql.body.data.articleBySlug.related.map((card: { slug: string }) => card.slug)).toEqual(slugsOf(rest));
    const bad = await request(app.server)
      .post('/graphql')
      .send({ query: `{ relatedArticles(slug: "${brexit[0].slug}", limit: 50) { slug } }` });
    expect(bad.body.errors[0].message).toMatch(/limit/);
  });
});

describe('teasers', () => {
  test('a teaser is made for every published article and follows it until an editor edits it', async () => {
    const story = await publish('Софийският метрополитен удължава линия 3', 'Метрото в София ще бъде удължено с нови станции до квартал Овча купел.');
    const teaserOf = () =>
      app.strapi.db.query(TEASER).findOne({ where: { locale: 'bg', publishedAt: { $notNull: true }, article: { documentId: story.documentId } } });
    expect((await teaserOf()).title).toBe('Софийският метрополитен удължава линия 3');

    await app.strapi.documents(ARTICLE).update({ documentId: story.documentId, locale: 'bg', data: { title: 'Метрото в София удължава линия 3' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'bg' });
    expect((await teaserOf()).title).toBe('Метрото в София удължава линия 3');

    const teaser = await teaserOf();
    await app.strapi.documents(TEASER).update({ documentId: teaser.documentId, locale: 'bg', data: { title: 'Нови станции на метрото' } as never });
    await app.strapi.documents(TEASER).publish({ documentId: teaser.documentId, locale: 'bg' });
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: story.documentId, locale: 'bg', data: { title: 'Метрото удължава линия 3 до Овча купел' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'bg' });
    expect((await teaserOf()).title).toBe('Нови станции на метрото');

    const latest = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 50 }).expect(200);
    const card = latest.body.data.find((item: { documentId: string }) => item.documentId === story.documentId);
    expect(card.title).toBe('Нови станции на метрото');
    expect(card.slug).toBe(story.slug);

    await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId, locale: 'bg' });
    const after = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 50 }).expect(200);
    expect(after.body.data.map((item: { documentId: string }) => item.documentId)).not.toContain(story.documentId);
    const core = await request(app.server).get('/api/teasers').query({ 'pagination[pageSize]': 100 }).expect(200);
    expect(JSON.stringify(core.body)).not.toContain('Нови станции на метрото');
  });
});

describe('stories published through REST', () => {
  test('get a teaser and join the related feeds like admin-published ones', async () => {
    const token = await (await import('../helpers/fixtures')).createFullAccessToken(app.strapi);
    const res = await request(app.server)
      .post('/api/articles')
      .set({ Authorization: `Bearer ${token}` })
      .send({
        data: {
          title: 'Брекзит: нов кръг преговори в Брюксел',
          lede: 'Преговорите за Брекзит продължават.',
          body: paragraph(
            'Британските и европейските преговарящи се срещат отново в Брюксел за Брекзит. Лондон иска промени в споразумението за напускане, а парламентът чака нов вот.',
          ),
        },
      })
      .expect(201);
    const { slug, documentId } = res.body.data;
    const teaser = await app.strapi.db.query(TEASER).findOne({ where: { locale: 'bg', publishedAt: { $notNull: true }, article: { documentId } } });
    expect(teaser?.title).toBe('Брекзит: нов кръг преговори в Брюксел');
    expect(slugsOf(await related(brexit[2].slug, { limit: 20 }).expect(200))).toContain(slug);
    expect(slugsOf(await related(slug, { limit: 3 }).expect(200)).length).toBe(3);
  });
});

describe('GET /api/teasers/latest', () => {
  test('newest first, with a cursor that stays stable while new stories arrive', async () => {
    const first = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 3 }).expect(200);
    const dates = first.body.data.map((card: { publicationDate: string }) => card.publicationDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const cursor = first.body.meta.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 3, cursor }).expect(200);
    await publish('Съвсем нова история', 'Нещо ново се случи току-що.');
    const again = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 3, cursor }).expect(200);
    expect(slugsOf(again)).toEqual(slugsOf(second));
    const overlap = slugsOf(second).filter((slug: string) => slugsOf(first).includes(slug));
    expect(overlap).toEqual([]);
  });

  test('filters by section, tag and agency slugs', async () => {
    const all = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 50 }).expect(200);
    for (const [param, value, check] of [
      ['section', 'nauka', (card: { section: { slug: string } }) => card.section?.slug === 'nauka'],
      ['agency', 'bgnes', (card: { creditLine: string }) => card.creditLine === 'БГНЕС'],
    ] as const) {
      // The unfiltered feed holds cards the filter must drop, so a filter that did nothing would fail.
      expect(all.body.data.some((card: never) => !(check as (card: never) => boolean)(card))).toBe(true);
      const res = await request(app.server)
        .get('/api/teasers/latest')
        .query({ locale: 'bg', [param]: value })
        .expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.every(check as (card: never) => boolean)).toBe(true);
    }
    // Cards carry no tags: the tag filter is checked by the one story tagged `rusia`.
    const tagged = await request(app.server).get('/api/teasers/latest').query({ tag: 'rusia' }).expect(200);
    expect(tagged.body.data.map((card: { title: string }) => card.title)).toEqual([MAIN_TITLE]);
  });

  test.each([[{ limit: '0' }], [{ limit: '51' }], [{ section: 'Наука' }], [{ cursor: 'not-a-cursor' }], [{ page: '2' }]])(
    'answers 400 to %j',
    async (query) => {
      await request(app.server).get('/api/teasers/latest').query(query).expect(400);
    },
  );

  test('GraphQL latestTeasers gives the same page', async () => {
    const rest = await request(app.server).get('/api/teasers/latest').query({ locale: 'bg', limit: 4 }).expect(200);
    const gql = await request(app.server)
      .post('/graphql')
      .send({ query: '{ latestTeasers(locale: "bg", limit: 4) { cards { slug title commentCount } nextCursor } }' })
      .expect(200);
    expect(gql.body.data.latestTeasers.cards.map((card: { slug: string }) => card.slug)).toEqual(slugsOf(rest));
    expect(gql.body.data.latestTeasers.nextCursor).toBe(rest.body.meta.nextCursor);
  });
});
