import { checkQuery, MAX_QUERY_NODES, type QueryPolicy, type TypeShape } from '../check-query';

const ARTICLE = 'api::article.article';
const TAG = 'api::tag.tag';
const TEASER = 'api::teaser.teaser';
const COMMENT = 'api::comment.comment';

const types: Record<string, TypeShape> = {
  [ARTICLE]: {
    attributes: {
      title: { type: 'string' },
      lede: { type: 'text' },
      publicationDate: { type: 'datetime' },
      position: { type: 'integer' },
      body: { type: 'blocks' },
      tags: { type: 'relation', target: TAG },
      teaser: { type: 'relation', target: TEASER },
      localizations: { type: 'relation', target: ARTICLE },
      cover: { type: 'media' },
      createdBy: { type: 'relation', target: 'admin::user', private: true },
    },
  },
  [TAG]: { attributes: { name: { type: 'string' }, slug: { type: 'uid' }, articles: { type: 'relation', target: ARTICLE } } },
  [TEASER]: { attributes: { title: { type: 'string' }, article: { type: 'relation', target: ARTICLE } } },
  [COMMENT]: { attributes: { body: { type: 'text' }, authorEmail: { type: 'email', private: true } } },
  'admin::user': { attributes: { email: { type: 'email' } } },
  'plugin::upload.file': { attributes: { name: { type: 'string' }, related: { type: 'relation' } } },
};

const publicRest: QueryPolicy = { types, reachable: new Set([TAG]), populatable: new Set([ARTICLE, TAG, TEASER, 'plugin::upload.file']), operatorPrefix: '$' };
const previewRest: QueryPolicy = { ...publicRest, reachable: null, populatable: null };
const publicGraphql: QueryPolicy = { ...publicRest, operatorPrefix: '' };

const problemsOf = (query: Record<string, unknown>, policy = publicRest, uid = ARTICLE) => checkQuery(query, uid, policy).map((problem) => problem.param);

describe('checkQuery: malformed queries get a problem naming the parameter (was a 500)', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['filters=abc', { filters: 'abc' }, 'filters'],
    ['filters[0]=a', { filters: ['a'] }, 'filters'],
    ['filters[$and]=x', { filters: { $and: 'x' } }, 'filters[$and]'],
    ['filters[$or][0]=x', { filters: { $or: ['x'] } }, 'filters[$or][0]'],
    ['filters[$not]=1', { filters: { $not: '1' } }, 'filters[$not]'],
    ['filters[id][$between]=1', { filters: { id: { $between: '1' } } }, 'filters[id][$between]'],
    ['filters[documentId][$eq][$ne]=1', { filters: { documentId: { $eq: { $ne: '1' } } } }, 'filters[documentId][$eq]'],
    ['filters[title][$nope]=1', { filters: { title: { $nope: '1' } } }, 'filters[title][$nope]'],
    ['filters[$eq]=1 (operator without a field)', { filters: { $eq: '1' } }, 'filters[$eq]'],
    ['filters[title][$and][0]=x (a bare value where a condition goes)', { filters: { title: { $and: ['x'] } } }, 'filters[title][$and]'],
    ['filters[title][$null]=maybe', { filters: { title: { $null: 'maybe' } } }, 'filters[title][$null]'],
    ['filters[nope]=1', { filters: { nope: '1' } }, 'filters[nope]'],
    ['fields[0]=__proto__', { fields: ['__proto__'] }, 'fields'],
    ['fields[0]=tags (a relation)', { fields: ['tags'] }, 'fields'],
    ['fields[0][a]=b', { fields: [{ a: 'b' }] }, 'fields'],
    ['sort=title:sideways', { sort: 'title:sideways' }, 'sort'],
    ['sort[0][x]=1', { sort: [{ title: 'up' }] }, 'sort[0][title]'],
    ['populate[title]=true (not a relation)', { populate: { title: 'true' } }, 'populate[title]'],
    ['populate[tags][bogus]=1', { populate: { tags: { bogus: '1' } } }, 'populate[tags][bogus]'],
    ['populate=tags.articles', { populate: 'tags.articles' }, 'populate'],
    ['pagination=5', { pagination: '5' }, 'pagination'],
    ['pagination[page]=abc', { pagination: { page: 'abc' } }, 'pagination[page]'],
    ['status=archived', { status: 'archived' }, 'status'],
    ['locale[0]=bg', { locale: ['bg'] }, 'locale'],
  ])('%s', (_name, query, param) => {
    expect(problemsOf(query, previewRest)).toContain(param);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['text in an integer column', { filters: { id: { $eq: 'abc' } } }, 'filters[id][$eq]'],
    ['text in a list on an integer column', { filters: { id: { $in: ['1', 'abc'] } } }, 'filters[id][$in]'],
    ['a relation compared with text', { filters: { tags: { id: { $eq: 'abc' } } } }, 'filters[tags][id][$eq]'],
    ['a fraction in an integer column', { filters: { position: { $eq: '1.5' } } }, 'filters[position][$eq]'],
    ['an integer out of range', { filters: { position: { $gt: '99999999999999999999999' } } }, 'filters[position][$gt]'],
    ['LIKE on a number', { filters: { position: { $contains: '1' } } }, 'filters[position][$contains]'],
    ['a year PostgreSQL cannot store', { filters: { publicationDate: { $lt: '-271821-04-20T00:00:00Z' } } }, 'filters[publicationDate][$lt]'],
    ['not a date', { filters: { publicationDate: { $gt: 'soon' } } }, 'filters[publicationDate][$gt]'],
    ['rich text compared by value', { filters: { body: { $contains: 'x' } } }, 'filters[body][$contains]'],
    ['a NUL byte', { filters: { title: { $eq: 'a\u0000b' } } }, 'filters[title][$eq]'],
  ])('refuses a value the database would choke on: %s', (_name, query, param) => {
    expect(problemsOf(query, previewRest)).toEqual([param]);
  });

  test('accepts values of the right type', () => {
    expect(
      checkQuery(
        { filters: { id: { $in: ['1', '22'] }, position: { $between: ['-3', '7'] }, publicationDate: { $gte: '2025-12-22' }, body: { $null: 'true' } } },
        ARTICLE,
        previewRest,
      ),
    ).toEqual([]);
  });

  test('private fields are never filterable or selectable', () => {
    expect(problemsOf({ filters: { authorEmail: { $startsWith: 'a' } } }, previewRest, COMMENT)).toEqual(['filters[authorEmail]']);
    expect(problemsOf({ fields: ['authorEmail'] }, previewRest, COMMENT)).toEqual(['fields']);
  });

  test('a huge or deep query is refused without walking all of it', () => {
    const wide = { filters: { $or: Array.from({ length: MAX_QUERY_NODES + 50 }, () => ({ title: 'x' })) } };
    expect(checkQuery(wide, ARTICLE, publicRest).length).toBeGreaterThan(0);
    let deep: Record<string, unknown> = { title: 'x' };
    for (let i = 0; i < 20; i += 1) deep = { $not: deep };
    expect(problemsOf({ filters: deep })).toHaveLength(1);
  });
});

describe('checkQuery: what the public may filter, sort and populate', () => {
  test.each<[string, Record<string, unknown>]>([
    ['own fields with operators', { filters: { title: { $containsi: 'путин' }, publicationDate: { $lte: '2025-12-22' } } }],
    ['a list of values', { filters: { title: ['a', 'b'], id: { $in: ['1', '2'] } } }],
    ['$between with two values', { filters: { id: { $between: ['1', '9'] } } }],
    ['logical operators', { filters: { $or: [{ title: 'a' }, { $not: { lede: { $null: 'true' } } }], $and: { 0: { title: 'b' } } } }],
    ['a tag (no drafts) by its slug', { filters: { tags: { slug: { $eq: 'rusia' } } } }],
    ['sorting on own fields and a tag name', { sort: ['title:asc', 'tags.name:desc'] }],
    ['sort as an object', { sort: { title: 'desc' } }],
    ['fields as a list and as a comma string', { fields: 'title,lede' }],
    ['populate everything', { populate: '*' }],
    [
      'populate with filters on the populated type',
      { populate: { tags: { fields: ['name'], filters: { name: { $startsWith: 'Р' } }, populate: { articles: { fields: ['title'] } } } } },
    ],
    ['pagination', { pagination: { page: '2', pageSize: '10', withCount: 'false' } }],
  ])('%s', (_name, query) => {
    expect(checkQuery(query, ARTICLE, publicRest)).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, string, string?]>([
    ["a tag filtered by its articles' text", { filters: { articles: { lede: { $contains: 'x' } } } }, 'filters[articles]', TAG],
    ['an article filtered through its teaser', { filters: { teaser: { title: { $startsWith: 'x' } } } }, 'filters[teaser]'],
    ['an article filtered through its other locales', { filters: { localizations: { lede: { $contains: 'x' } } } }, 'filters[localizations]'],
    ['through a tag back to articles', { filters: { tags: { articles: { lede: { $contains: 'x' } } } } }, 'filters[tags][articles]'],
    ['inside $or', { filters: { $or: [{ title: 'a' }, { teaser: { title: 'x' } }] } }, 'filters[$or][1][teaser]'],
    ['inside $not', { filters: { $not: { localizations: { title: 'x' } } } }, 'filters[$not][localizations]'],
    ['a teaser filtered by its article', { filters: { article: { lede: { $contains: 'x' } } } }, 'filters[article]', TEASER],
    ['the admin who wrote it', { filters: { createdBy: { email: { $startsWith: 'a' } } } }, 'filters[createdBy]'],
    ['media', { filters: { cover: { name: 'x' } } }, 'filters[cover]'],
    ['a relation existence test', { filters: { teaser: { $null: 'true' } } }, 'filters[teaser]'],
    ['sorting by the teaser', { sort: 'teaser.title' }, 'sort'],
    ['a populated relation filtered through drafts', { populate: { tags: { filters: { articles: { lede: 'x' } } } } }, 'populate[tags][filters][articles]'],
    ['publicationFilter', { publicationFilter: 'modified' }, 'publicationFilter'],
    ['populate everything below a media file (its rows using it)', { populate: { cover: { populate: '*' } } }, 'populate[cover][populate]'],
    ["a file's own relations", { populate: { cover: { populate: ['related'] } } }, 'populate[cover][populate]'],
    ['the admin who wrote it, populated', { populate: { createdBy: true } }, 'populate[createdBy]'],
    ['hasPublishedVersion', { hasPublishedVersion: 'true' }, 'hasPublishedVersion'],
  ])('refuses %s', (_name, query, param, uid = ARTICLE) => {
    expect(problemsOf(query, publicRest, uid)).toEqual([param]);
  });

  test('a preview (API token with status=draft) may filter through any relation', () => {
    expect(checkQuery({ filters: { localizations: { lede: { $contains: 'x' } } }, publicationFilter: 'modified' }, ARTICLE, previewRest)).toEqual([]);
  });

  test('GraphQL spells operators without $', () => {
    expect(checkQuery({ filters: { or: [{ title: { contains: 'a' } }], tags: { name: { eq: 'x' } } } }, ARTICLE, publicGraphql)).toEqual([]);
    expect(problemsOf({ filters: { and: [{ localizations: { lede: { contains: 'x' } } }] } }, publicGraphql)).toEqual(['filters[and][0][localizations]']);
    const graphqlInput = Object.assign(Object.create(null) as Record<string, unknown>, {
      title: Object.assign(Object.create(null) as Record<string, unknown>, { eq: 'x' }),
    });
    expect(checkQuery({ filters: graphqlInput }, ARTICLE, publicGraphql)).toEqual([]);
  });
});
