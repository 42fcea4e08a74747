import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { setAppClock } from '../helpers/fixtures';
import { ARTICLE, COMMENT } from '../../src/uids';

let app: TestApp;
let slug: string;
let otherSlug: string;
let ipCounter = 1;

/** A fresh simulated client address per submission, so the per-IP limit stays out of the way. */
const nextIp = () => `10.1.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'true', COMMENTS_BLOCKED_WORDS: 'казино,viagra', COMMENTS_MAX_LINKS: '1' });
  const articles = app.strapi.documents(ARTICLE);
  for (const [title, target] of [
    ['Статия за коментари', 'main'],
    ['Друга статия за коментари', 'other'],
  ] as const) {
    const created = await articles.create({ locale: 'bg', data: { title, lede: 'Лид.' } as never });
    await articles.publish({ documentId: created.documentId, locale: 'bg' });
    if (target === 'main') slug = created.slug as string;
    else otherSlug = created.slug as string;
  }
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

const PRIVATE = ['authorEmail', 'ipHash', 'userAgent', 'email'];

function submit(data: Record<string, unknown>, target = slug, ip = nextIp()) {
  return request(app.server).post(`/api/articles/by-slug/${target}/comments`).query({ locale: 'bg' }).set('X-Forwarded-For', ip).send({ data });
}

async function moderate(documentId: string, status: 'approved' | 'rejected' | 'spam' | 'pending') {
  await app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: status } as never });
}

async function thread(target = slug) {
  const res = await request(app.server).get(`/api/articles/by-slug/${target}/comments`).query({ locale: 'bg' }).expect(200);
  return res.body;
}

async function count(target = slug): Promise<number> {
  const res = await request(app.server).get('/api/comments/counts').query({ locale: 'bg', slugs: target }).expect(200);
  return res.body.data[target];
}

describe('submitting', () => {
  test('answers 201 with public fields and pending status, never the private ones', async () => {
    const res = await submit({ authorName: 'Иван Петров', authorEmail: 'ivan@example.com', body: 'Интересна статия.' }).expect(201);
    expect(res.body.data).toMatchObject({ authorName: 'Иван Петров', body: 'Интересна статия.', status: 'pending', parentId: null });
    for (const field of PRIVATE) expect(res.body.data).not.toHaveProperty(field);
    const stored = await app.strapi.db.query(COMMENT).findOne({ where: { documentId: res.body.data.documentId } });
    expect(stored.authorEmail).toBe('ivan@example.com');
    expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.ipHash).not.toContain('10.1.');
  });

  test.each([
    ['authorName', { authorName: 'И', body: 'Текст на коментара.' }],
    ['authorName', { authorName: 'И'.repeat(61), body: 'Текст на коментара.' }],
    ['body', { authorName: 'Иван', body: ' x ' }],
    ['body', { authorName: 'Иван', body: 'я'.repeat(3001) }],
    ['authorEmail', { authorName: 'Иван', body: 'Текст.', authorEmail: 'not-an-email' }],
    ['isAdmin', { authorName: 'Иван', body: 'Текст.', isAdmin: true }],
    ['authorName', { body: 'Текст без автор.' }],
  ])('rejects bad %s with a 400 naming the field', async (field, data) => {
    const res = await submit(data).expect(400);
    expect(res.body.error.message).toContain(field);
  });

  test('rejects a body without { data } and malformed JSON with 400', async () => {
    await request(app.server).post(`/api/articles/by-slug/${slug}/comments`).send({ authorName: 'Иван', body: 'Текст.' }).expect(400);
    const res = await request(app.server)
      .post(`/api/articles/by-slug/${slug}/comments`)
      .set('Content-Type', 'application/json')
      .send('{"data": {"authorName": "Иван",');
    expect(res.status).toBe(400);
  });

  test('refuses a request body over the size limit with 413', async () => {
    const res = await submit({ authorName: 'Иван', body: 'я'.repeat(400 * 1024) });
    expect(res.status).toBe(413);
    // Strapi's own error (answered, not logged with a stack as a server error).
    expect(res.body.error).toMatchObject({ name: 'PayloadTooLargeError', message: expect.stringMatching(/^The request body is too large/) });
  });

  test.each([['an unknown article', 'nyama-takava-statia']])('answers 404 for %s', async (_name, target) => {
    const res = await submit({ authorName: 'Иван', body: 'Текст.' }, target).expect(404);
    expect(res.body.error.message).toBeTruthy();
  });

  test('answers 404 for a draft and for an embargoed article', async () => {
    const articles = app.strapi.documents(ARTICLE);
    const draft = await articles.create({ locale: 'bg', data: { title: 'Чернова без коментари' } as never });
    await submit({ authorName: 'Иван', body: 'Текст.' }, draft.slug as string).expect(404);
    const embargoed = await articles.create({
      locale: 'bg',
      data: { title: 'Ембарго за коментари', publicationDate: new Date(Date.now() + 86400_000).toISOString() } as never,
    });
    await articles.publish({ documentId: embargoed.documentId, locale: 'bg' });
    await submit({ authorName: 'Иван', body: 'Текст.' }, embargoed.slug as string).expect(404);
  });

  test('stores markup and SQL-looking text inert and returns it verbatim as text', async () => {
    const bodies = ['<script>alert("xss")</script><img src=x onerror=alert(1)>', "'); DROP TABLE comments; -- Робърт"];
    for (const body of bodies) {
      const res = await submit({ authorName: '<b>Хакер</b>', body }).expect(201);
      await moderate(res.body.data.documentId, 'approved');
    }
    const { data } = await thread();
    const texts = data.map((comment: { body: string }) => comment.body);
    expect(texts).toEqual(expect.arrayContaining(bodies));
    expect(data.find((comment: { body: string }) => comment.body === bodies[0]).authorName).toBe('<b>Хакер</b>');
    // Stored as sent, each once: the database holds the very text, not an escaped copy.
    expect(await app.strapi.db.query(COMMENT).count({ where: { body: { $in: bodies } } })).toBe(bodies.length);
  });

  test.each([
    ['application/x-www-form-urlencoded', 'data[authorName]=Ivan&data[body]=Tekst'],
    [
      'multipart/form-data; boundary=novinar',
      '--novinar\r\nContent-Disposition: form-data; name="data[authorName]"\r\n\r\nIvan\r\n--novinar\r\nContent-Disposition: form-data; name="data[body]"\r\n\r\nTekst\r\n--novinar--\r\n',
    ],
    ['text/plain', JSON.stringify({ data: { authorName: 'Иван', body: 'Текст.' } })],
    ['text/plain;charset=UTF-8', JSON.stringify({ data: { authorName: 'Иван', body: 'Текст.' } })],
    ['application/json-patch+json', JSON.stringify({ data: { authorName: 'Иван', body: 'Текст.' } })],
    ['application/xml', '<data><authorName>Иван</authorName></data>'],
  ])('refuses a %s comment with 415 (browsers post those cross-site without a preflight) and stores nothing', async (type, payload) => {
    const before = await app.strapi.db.query(COMMENT).count({});
    const res = await request(app.server)
      .post(`/api/articles/by-slug/${slug}/comments`)
      .set('X-Forwarded-For', nextIp())
      .set('Content-Type', type)
      .send(payload)
      .expect(415);
    expect(res.body).toEqual({
      data: null,
      error: { status: 415, name: 'UnsupportedMediaTypeError', message: expect.stringMatching(/JSON only/), details: {} },
    });
    expect(await app.strapi.db.query(COMMENT).count({})).toBe(before);
  });

  test('refuses a comment without a body or content type with 415', async () => {
    await request(app.server).post(`/api/articles/by-slug/${slug}/comments`).set('X-Forwarded-For', nextIp()).expect(415);
  });

  test.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'])('accepts %s', async (type) => {
    const payload = JSON.stringify({ data: { authorName: 'Иван', body: 'Текст в JSON.' } });
    await request(app.server)
      .post(`/api/articles/by-slug/${slug}/comments`)
      .set('X-Forwarded-For', nextIp())
      .set('Content-Type', type)
      .send(payload)
      .expect(201);
  });

  test.each([
    ['authorName', '{"data":{"authorName":"Иван\\uD800","body":"Текст."}}'],
    ['body', '{"data":{"authorName":"Иван","body":"Текст\\ud800"}}'],
    ['body', '{"data":{"authorName":"Иван","body":"\\udc00\\ud83d"}}'],
    ['authorEmail', '{"data":{"authorName":"Иван","body":"Текст.","authorEmail":"iv\\uDFFFan@abv.bg"}}'],
  ])('refuses a lone surrogate in %s with a 400 naming the field, and stores nothing', async (field, json) => {
    const before = await app.strapi.db.query(COMMENT).count({});
    const res = await request(app.server)
      .post(`/api/articles/by-slug/${slug}/comments`)
      .set('X-Forwarded-For', nextIp())
      .set('Content-Type', 'application/json')
      .send(json)
      .expect(400);
    expect(res.body.error.message).toBe(`${field} contains an unpaired UTF-16 surrogate (such as \\uD800), which is not a character.`);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
    expect(await app.strapi.db.query(COMMENT).count({})).toBe(before);
  });

  test('stores and answers the text in NFC, and measures the limits on it', async () => {
    const decomposed = 'Стоя\u0438\u0306 Е\u0300'; // и + combining breve, Е + combining grave: й and Ѐ in NFC
    const res = await submit({ authorName: 'Андре\u0438\u0306', body: decomposed }).expect(201);
    expect(res.body.data.body).toBe('Стояй Ѐ');
    expect(res.body.data.authorName).toBe('Андрей');
    const stored = await app.strapi.db.query(COMMENT).findOne({ where: { documentId: res.body.data.documentId } });
    expect([stored.authorName, stored.body]).toEqual(['Андрей', 'Стояй Ѐ']);
    // 59 letters + a decomposed й: 61 code points, 60 characters once composed.
    await submit({ authorName: 'А'.repeat(59) + 'и\u0306', body: 'Текст.' }).expect(201);
  });

  test('holds comments with too many links or blocked words (Cyrillic and Latin spellings) as spam', async () => {
    for (const body of ['Вижте http://a.example и http://b.example', 'Най-доброто КАЗИНО е тук', 'Evtina VIAGRA tuk', 'Играй в kazino-то днес']) {
      const res = await submit({ authorName: 'Спамър', body }).expect(201);
      expect(res.body.data.status).toBe('spam');
    }
  });
});

describe('honeypot', () => {
  const DOCUMENT_ID = /^[a-z][a-z0-9]{23}$/;
  const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
  const BOT = { website: 'http://spam.example' };
  const storedCount = () => app.strapi.db.query(COMMENT).count({});

  /** The shape of a value: its type, or for strings the pattern a documentId or a date follows. */
  function shape(value: unknown): string {
    if (typeof value !== 'string') return value === null ? 'null' : typeof value;
    if (DOCUMENT_ID.test(value)) return 'documentId';
    if (ISO.test(value)) return 'iso-date';
    return 'string';
  }

  /** Submits the same input as a reader and as a bot (filled honeypot), from two fresh addresses. */
  async function readerAndBot(data: Record<string, unknown>, target = slug) {
    const before = await storedCount();
    const reader = await submit(data, target);
    const afterReader = await storedCount();
    const bot = await submit({ ...data, ...BOT }, target);
    expect(await storedCount()).toBe(afterReader);
    return { reader, bot, readerStored: afterReader - before };
  }

  test.each([
    ['a plain comment', {}, { authorName: 'Иван', authorEmail: 'ivan@example.com', body: 'Интересна статия.' }],
    ['a comment that moderation files as spam', {}, { authorName: 'Спамър', body: 'Най-доброто КАЗИНО е тук' }],
    ['a comment with normalised text', {}, { authorName: '  Иван\tПетров ', body: 'ред 1\r\nред 2 и\u0306' }],
    [
      'an author auto-approved by an approved history',
      { autoApproveAfterApproved: 1 },
      { authorName: 'Редовен', authorEmail: 'redoven@example.com', body: 'Пак аз.' },
    ],
  ])('answers %s exactly as a stored one: same status, keys, values and value shapes', async (_label, rules, data) => {
    const settings = app.strapi.config.get('novinar.comments') as Record<string, unknown>;
    const saved = { ...settings };
    try {
      if ('autoApproveAfterApproved' in rules) {
        const first = (await submit({ ...data, body: 'Първи одобрен.' }).expect(201)).body.data;
        await moderate(first.documentId, 'approved');
        app.strapi.config.set('novinar.comments', { ...settings, ...rules });
      }
      const { reader, bot, readerStored } = await readerAndBot(data);
      expect(readerStored).toBe(1);
      expect(bot.status).toBe(reader.status);
      expect(reader.status).toBe(201);
      expect(Object.keys(bot.body)).toEqual(Object.keys(reader.body));
      expect(Object.keys(bot.body.data)).toEqual(Object.keys(reader.body.data));
      expect(Object.keys(bot.headers).sort()).toEqual(Object.keys(reader.headers).sort());
      const shapes = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).map(([key, value]) => [key, shape(value)]));
      expect(shapes(bot.body.data)).toEqual(shapes(reader.body.data));
      expect(bot.body.data.documentId).toMatch(DOCUMENT_ID);
      expect(bot.body.data.documentId).not.toBe(reader.body.data.documentId);
      const { documentId: _botId, createdAt: botAt, ...botRest } = bot.body.data;
      const { documentId: _readerId, createdAt: readerAt, ...readerRest } = reader.body.data;
      expect(botRest).toEqual(readerRest);
      expect(Math.abs(Date.parse(botAt) - Date.parse(readerAt))).toBeLessThan(10_000);
      expect(bot.body.meta).toEqual(reader.body.meta);
      expect(await app.strapi.db.query(COMMENT).count({ where: { documentId: bot.body.data.documentId } })).toBe(0);
      if ('autoApproveAfterApproved' in rules) expect(bot.body.data.status).toBe('approved');
    } finally {
      app.strapi.config.set('novinar.comments', saved);
    }
  });

  test('answers a reply exactly as a stored reply, parentId included', async () => {
    const parent = (await submit({ authorName: 'Първи', body: 'Коментар за отговор.' }).expect(201)).body.data;
    await moderate(parent.documentId, 'approved');
    const { reader, bot } = await readerAndBot({ authorName: 'Отговор', body: 'Съгласен.', parent: parent.documentId });
    expect([reader.status, bot.status]).toEqual([201, 201]);
    expect(bot.body.data.parentId).toBe(parent.documentId);
    expect(bot.body.data.parentId).toBe(reader.body.data.parentId);
  });

  test.each([
    ['invalid input', { authorName: 'И', body: 'Текст.' }, 'main', 400],
    ['a reply to a comment that is not visible', { authorName: 'Иван', body: 'Текст.', parent: 'nyamatakavkomentar000000' }, 'main', 400],
    ['an unknown article', { authorName: 'Иван', body: 'Текст.' }, 'nyama-takava-statia', 404],
  ])('answers %s with the same error as a reader gets', async (_label, data, target, status) => {
    const { reader, bot } = await readerAndBot(data, target === 'main' ? slug : target);
    expect([reader.status, bot.status]).toEqual([status, status]);
    expect(bot.body).toEqual(reader.body);
  });

  test('answers 403 on an article with comments closed, as a reader gets, not 201', async () => {
    const articles = app.strapi.documents(ARTICLE);
    const closed = await articles.create({ locale: 'bg', data: { title: 'Затворени за ботове', commentsEnabled: false } as never });
    await articles.publish({ documentId: closed.documentId, locale: 'bg' });
    const { reader, bot } = await readerAndBot({ authorName: 'Иван', body: 'Може ли?' }, closed.slug as string);
    expect([reader.status, bot.status]).toEqual([403, 403]);
    expect(bot.body).toEqual(reader.body);
  });

  test('honeypot hits use up the per-IP and per-article limits: the 6th within the window gets 429', async () => {
    await app.strapi.service(COMMENT).closeRateLimiter();
    app.strapi.config.set('novinar.comments.rateLimit', { perIpPoints: 5, perIpSeconds: 60, perArticlePoints: 5, perArticleSeconds: 60 });
    try {
      const before = await storedCount();
      const ip = '10.8.8.8';
      for (let index = 1; index <= 5; index += 1) {
        await submit({ authorName: 'Бот', body: `Купете ${index}!`, ...BOT }, slug, ip).expect(201);
      }
      const botLimited = await submit({ authorName: 'Бот', body: 'Купете 6!', ...BOT }, slug, ip).expect(429);
      const readerLimited = await submit({ authorName: 'Иван', body: 'Истински.' }, slug, ip).expect(429);
      expect(botLimited.body).toEqual(readerLimited.body);
      expect(botLimited.headers['retry-after']).toBe(readerLimited.headers['retry-after']);

      // Per article: five bots from five addresses fill the article's window for everyone.
      for (let index = 1; index <= 5; index += 1) {
        await submit({ authorName: 'Бот', body: `Реклама ${index}.`, ...BOT }, otherSlug, `10.8.9.${index}`).expect(201);
      }
      const perArticle = await submit({ authorName: 'Иван', body: 'Истински.' }, otherSlug, '10.8.9.99').expect(429);
      expect(perArticle.body.error.message).toMatch(/article/);
      expect(await storedCount()).toBe(before);
    } finally {
      await app.strapi.service(COMMENT).closeRateLimiter();
      app.strapi.config.set('novinar.comments.rateLimit', { perIpPoints: 1000, perIpSeconds: 60, perArticlePoints: 1000, perArticleSeconds: 60 });
    }
  });
});

describe('reading and counting', () => {
  test('shows approved comments only, oldest first, replies nested, and counts follow moderation', async () => {
    const target = otherSlug;
    expect(await count(target)).toBe(0);
    const first = (await submit({ authorName: 'Първи', body: 'Първи коментар.' }, target).expect(201)).body.data;
    const second = (await submit({ authorName: 'Втори', body: 'Втори коментар.' }, target).expect(201)).body.data;
    const rejected = (await submit({ authorName: 'Отхвърлен', body: 'Грубост.' }, target).expect(201)).body.data;
    expect((await thread(target)).data).toEqual([]);

    await moderate(first.documentId, 'approved');
    await moderate(second.documentId, 'approved');
    await moderate(rejected.documentId, 'rejected');
    expect(await count(target)).toBe(2);

    // A reply to a pending comment is refused; a reply to a visible one is nested once approved.
    const pending = (await submit({ authorName: 'Чака', body: 'Още чака одобрение.' }, target).expect(201)).body.data;
    await submit({ authorName: 'Отговор', body: 'Отговор на чакащ.', parent: pending.documentId }, target).expect(400);
    const reply = (await submit({ authorName: 'Отговор', body: 'Съгласен с първия.', parent: first.documentId }, target).expect(201)).body.data;
    expect(reply.parentId).toBe(first.documentId);
    await moderate(reply.documentId, 'approved');

    const body = await thread(target);
    expect(body.data.map((comment: { authorName: string }) => comment.authorName)).toEqual(['Първи', 'Втори']);
    expect(body.data[0].replies.map((comment: { body: string }) => comment.body)).toEqual(['Съгласен с първия.']);
    expect(body.meta.commentCount).toBe(3);
    expect(JSON.stringify(body)).not.toMatch(/Грубост|Още чака|ipHash|authorEmail|userAgent/);
    expect(await count(target)).toBe(3);

    const bySlug = await request(app.server).get(`/api/articles/by-slug/${target}`).expect(200);
    expect(bySlug.body.data.commentCount).toBe(3);
    const list = await request(app.server)
      .get('/api/articles')
      .query({ filters: { slug: { $eq: target } } })
      .expect(200);
    expect(list.body.data[0].commentCount).toBe(3);

    await moderate(second.documentId, 'rejected');
    expect(await count(target)).toBe(2);
  });

  test('counts many articles at once and validates the request', async () => {
    const res = await request(app.server)
      .get('/api/comments/counts')
      .query({ locale: 'bg', slugs: `${slug},${otherSlug},nyama-takava` })
      .expect(200);
    expect(Object.keys(res.body.data).sort()).toEqual([otherSlug, slug].sort());
    await request(app.server).get('/api/comments/counts').query({ locale: 'bg' }).expect(400);
    const tooMany = Array.from({ length: 101 }, (_, index) => `s-${index}`).join(',');
    await request(app.server).get('/api/comments/counts').query({ slugs: tooMany }).expect(400);
    await request(app.server).get('/api/comments/counts').query({ slugs: 'Лош слъг' }).expect(400);
    await request(app.server).get(`/api/articles/by-slug/${slug}/comments`).query({ pageSize: '1000' }).expect(400);
  });

  test('there are no core comment endpoints (pending comments have no way out)', async () => {
    await request(app.server).get('/api/comments').expect(404);
    const post = await request(app.server)
      .post('/api/comments')
      .send({ data: { body: 'x' } });
    expect([404, 405]).toContain(post.status);
  });
});

describe('closed comments', () => {
  test('answers 403 when the article has comments disabled', async () => {
    const articles = app.strapi.documents(ARTICLE);
    const closed = await articles.create({ locale: 'bg', data: { title: 'Без коментари', commentsEnabled: false } as never });
    await articles.publish({ documentId: closed.documentId, locale: 'bg' });
    const res = await submit({ authorName: 'Иван', body: 'Може ли?' }, closed.slug as string).expect(403);
    expect(res.body.error.message).toMatch(/closed/i);
  });

  test('answers 403 once the article is older than the configured number of days', async () => {
    app.strapi.config.set('novinar.comments.closeAfterDays', 30);
    try {
      setAppClock(new Date(Date.now() + 31 * 86400_000));
      const res = await submit({ authorName: 'Иван', body: 'Късен коментар.' }).expect(403);
      expect(res.body.error.message).toMatch(/30 days/);
      setAppClock(null);
      await submit({ authorName: 'Иван', body: 'Навреме.' }).expect(201);
    } finally {
      app.strapi.config.set('novinar.comments.closeAfterDays', 0);
    }
  });
});

describe('rate limits', () => {
  test('answers 429 with Retry-After per client IP and per article', async () => {
    await app.strapi.service(COMMENT).closeRateLimiter();
    app.strapi.config.set('novinar.comments.rateLimit', { perIpPoints: 2, perIpSeconds: 60, perArticlePoints: 4, perArticleSeconds: 60 });
    try {
      const ip = '10.9.9.9';
      await submit({ authorName: 'Бърз', body: 'Едно.' }, slug, ip).expect(201);
      await submit({ authorName: 'Бърз', body: 'Две.' }, slug, ip).expect(201);
      const limited = await submit({ authorName: 'Бърз', body: 'Три.' }, slug, ip).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body.error.message).toMatch(/address/);

      await submit({ authorName: 'Друг', body: 'Четири.' }, otherSlug, '10.9.9.10').expect(201);
      await submit({ authorName: 'Друг', body: 'Пет.' }, otherSlug, '10.9.9.11').expect(201);
      await submit({ authorName: 'Друг', body: 'Шест.' }, otherSlug, '10.9.9.12').expect(201);
      await submit({ authorName: 'Друг', body: 'Седем.' }, otherSlug, '10.9.9.13').expect(201);
      const perArticle = await submit({ authorName: 'Друг', body: 'Осем.' }, otherSlug, '10.9.9.14').expect(429);
      expect(perArticle.body.error.message).toMatch(/article/);
      expect(perArticle.headers['retry-after']).toBeDefined();
    } finally {
      await app.strapi.service(COMMENT).closeRateLimiter();
      app.strapi.config.set('novinar.comments.rateLimit', { perIpPoints: 1000, perIpSeconds: 60, perArticlePoints: 1000, perArticleSeconds: 60 });
    }
  });
});

describe('GraphQL', () => {
  const gql = (query: string, variables: Record<string, unknown> = {}, ip = nextIp()) =>
    request(app.server).post('/graphql').set('X-Forwarded-For', ip).send({ query, variables });

  test('submitComment, comments and commentCounts follow the same rules as REST', async () => {
    const articles = app.strapi.documents(ARTICLE);
    const created = await articles.create({ locale: 'bg', data: { title: 'Коментари през GraphQL' } as never });
    await articles.publish({ documentId: created.documentId, locale: 'bg' });
    const target = created.slug as string;

    const submitted = await gql(
      'mutation ($slug: String!, $data: CommentSubmissionInput!) { submitComment(slug: $slug, locale: "bg", data: $data) { documentId status body } }',
      { slug: target, data: { authorName: 'Мария', authorEmail: 'maria@example.com', body: '<i>Благодаря</i> за статията.' } },
    ).expect(200);
    expect(submitted.body.errors).toBeUndefined();
    const { documentId, status, body } = submitted.body.data.submitComment;
    expect(status).toBe('pending');
    expect(body).toBe('<i>Благодаря</i> за статията.');

    const invalid = await gql('mutation { submitComment(slug: "' + target + '", data: { authorName: "М", body: "Текст." }) { documentId } }').expect(200);
    expect(invalid.body.errors[0].message).toMatch(/authorName/);

    const before = await gql(
      'query ($slug: String!) { comments(slug: $slug) { comments { body } commentCount } commentCounts(slugs: [$slug]) { slug count } }',
      { slug: target },
    ).expect(200);
    expect(before.body.data.comments).toEqual({ comments: [], commentCount: 0 });
    expect(before.body.data.commentCounts).toEqual([{ slug: target, count: 0 }]);

    await moderate(documentId, 'approved');
    const after = await gql(
      'query ($slug: String!) { comments(slug: $slug) { comments { documentId body replies { body } } total } commentCounts(slugs: [$slug]) { count } articleBySlug(slug: $slug) { commentCount } }',
      { slug: target },
    ).expect(200);
    expect(after.body.data.comments.comments).toEqual([{ documentId, body: '<i>Благодаря</i> за статията.', replies: [] }]);
    expect(after.body.data.commentCounts[0].count).toBe(1);
    expect(after.body.data.articleBySlug.commentCount).toBe(1);
  });

  test('refuses submitComment sent as a simple (cross-site) form or text body, and stores nothing', async () => {
    const before = await app.strapi.db.query(COMMENT).count({});
    const mutation = `mutation { submitComment(slug: "${slug}", data: { authorName: "Иван", body: "Текст." }) { documentId } }`;
    for (const [type, payload] of [
      ['text/plain', JSON.stringify({ query: mutation })],
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
    ]) {
      const res = await request(app.server).post('/graphql').set('X-Forwarded-For', nextIp()).set('Content-Type', type).send(payload);
      expect(res.status).toBe(400);
    }
    expect(await app.strapi.db.query(COMMENT).count({})).toBe(before);
  });

  test('refuses a lone surrogate in submitComment variables, naming the field', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .set('X-Forwarded-For', nextIp())
      .set('Content-Type', 'application/json')
      .send(
        `{"query":"mutation ($data: CommentSubmissionInput!) { submitComment(slug: \\"${slug}\\", data: $data) { documentId } }","variables":{"data":{"authorName":"Иван","body":"Текст\\uD800"}}}`,
      )
      .expect(200);
    expect(res.body.errors[0].message).toMatch(/^body contains an unpaired UTF-16 surrogate/);
  });

  test('has no way to read private fields or pending comments', async () => {
    const privateField = await gql('{ comments(slug: "' + slug + '") { comments { authorEmail } } }');
    expect(privateField.body.errors[0].message).toMatch(/authorEmail/);
    const generated = await gql('{ comments_connection { nodes { body } } }');
    expect(generated.body.errors).toBeDefined();
    const typeNames = await gql('{ __schema { types { name } } }').expect(200);
    expect(typeNames.body.data.__schema.types.map((type: { name: string }) => type.name)).not.toContain('Comment');
  });
});
