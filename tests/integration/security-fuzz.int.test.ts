/**
 * Property-based fuzz of the public API (fast-check): random query strings on every public REST
 * route and random GraphQL documents generated from the live schema, sent anonymously with
 * planted drafts, an embargoed story and pending comments in the database. Every answer must be
 * below 500 and must not contain a planted secret. The seed is fixed (FUZZ_SEED to vary it,
 * FUZZ_RUNS for more runs), so CI runs the same cases every time and a failure replays.
 */
import request from 'supertest';
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { leakedSecrets, MARKERS, plantSecrets, type PlantedSecrets } from '../helpers/planted-secrets';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

let app: TestApp;
let planted: PlantedSecrets;
let schema: GraphQLSchema;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
  planted = await plantSecrets(app.strapi);
  const introspection = await request(app.server).post('/graphql').send({ query: getIntrospectionQuery() }).expect(200);
  schema = buildClientSchema(introspection.body.data as IntrospectionQuery);
});

/** The planted secrets not sent by the caller itself (an error may echo the caller's own input). */
function secretsNotIn(sent: string): string[] {
  let decoded = sent;
  try {
    decoded = decodeURIComponent(sent);
  } catch {
    // malformed percent-encoding: compare with the raw text
  }
  return planted.secrets.filter((secret) => !sent.includes(secret) && !decoded.includes(secret));
}

afterAll(async () => {
  await app?.close();
});

const NAMES = [
  'title',
  'lede',
  'slug',
  'body',
  'name',
  'documentId',
  'id',
  'tags',
  'articles',
  'article',
  'teaser',
  'section',
  'sourceAgency',
  'citedAgencies',
  'relatedArticles',
  'localizations',
  'createdBy',
  'cover',
  'publicationDate',
  'locale',
  'publishedAt',
  'authorEmail',
  'url',
  'kind',
];
const OPERATORS = [
  '$eq',
  '$ne',
  '$contains',
  '$containsi',
  '$startsWith',
  '$in',
  '$notIn',
  '$between',
  '$null',
  '$notNull',
  '$and',
  '$or',
  '$not',
  '$lt',
  '$gte',
  '$bogus',
];
const JUNK = ['__proto__', 'constructor', 'prototype', '', '$', '0', '1', '99', '*', 'x'.repeat(300), '%', '%E0%A4%A', '%ED%A0%80', '[', ']'];
const HEADS = [
  'filters',
  'sort',
  'fields',
  'populate',
  'pagination',
  'status',
  'locale',
  'publicationFilter',
  'hasPublishedVersion',
  'limit',
  'cursor',
  'slugs',
  'page',
  'pageSize',
  '_q',
  'section',
  'tag',
  'agency',
];

const segment = fc.oneof(fc.constantFrom(...NAMES, ...OPERATORS, ...JUNK), fc.string({ maxLength: 8 }));
const key = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HEADS) }, fc.string({ maxLength: 6 })), fc.array(segment, { maxLength: 4 }))
  .map(([head, path]) => `${head}${path.map((part) => `[${encodeURIComponent(part)}]`).join('')}`);
const rawValue = fc.oneof(
  fc.constantFrom(...Object.values(MARKERS), 'true', 'false', '*', 'draft', 'published', 'bg', 'en', 'title:asc', 'rusia', '1', '-1', '1e9', 'null'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('%ED%A0%80', '%E0%A4%A', '%', '%00', '%FF%FE', encodeURIComponent('x'.repeat(5000))),
);
const queryString = fc.array(fc.tuple(key, rawValue), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

function restPaths(): string[] {
  const slug = planted.mainSlug;
  return [
    '/api/articles',
    '/api/teasers',
    '/api/tags',
    '/api/sections',
    '/api/source-agencies',
    `/api/articles/${planted.mainDocumentId}`,
    `/api/articles/${planted.draftDocumentId}`,
    `/api/articles/by-slug/${slug}`,
    `/api/articles/by-slug/${slug}/related`,
    `/api/articles/by-slug/${planted.embargoSlug}`,
    '/api/teasers/latest',
    '/api/comments/counts',
    `/api/articles/by-slug/${slug}/comments`,
    '/api/tags/by-slug/rusia',
    '/api/i18n/locales',
  ];
}

test('REST: no random query string gets a 5xx or shows a planted secret', async () => {
  const statuses: number[] = [];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...restPaths()), queryString, async (path, query) => {
      const res = await request(app.server).get(`${path}?${query}`);
      statuses.push(res.status);
      expect({ path, query, status: res.status < 500 }).toEqual({ path, query, status: true });
      expect({ path, query, leaked: leakedSecrets(res.text, secretsNotIn(path + query)) }).toEqual({ path, query, leaked: [] });
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // The fuzz must reach real answers too, not only refusals.
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(RUNS / 10);
});

/** A GraphQL document drawn from the live schema, steered by a tape of random choices. */
function documentFrom(tape: number[]): string {
  let position = 0;
  const next = (n: number) => (n <= 0 ? 0 : (tape[position++ % tape.length] ?? 0) % n);
  const pick = <T>(items: readonly T[]): T => items[next(items.length)];
  const strings = [
    ...Object.values(MARKERS),
    planted.mainSlug,
    planted.embargoSlug,
    planted.draftDocumentId,
    planted.embargoDocumentId,
    'rusia',
    '',
    'x'.repeat(200),
    '"',
    '\\',
    'Путин',
    '*',
  ];

  function value(type: GraphQLInputType, depth: number): string {
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) return `[${Array.from({ length: next(3) }, () => value(inner.ofType as GraphQLInputType, depth + 1)).join(', ')}]`;
    if (isEnumType(inner)) return pick(inner.getValues()).name;
    if (isInputObjectType(inner)) {
      if (depth > 3) return '{}';
      const fields = Object.values(inner.getFields());
      const chosen = Array.from({ length: 1 + next(2) }, () => pick(fields));
      return `{ ${[...new Set(chosen)].map((field) => `${field.name}: ${value(field.type, depth + 1)}`).join(', ')} }`;
    }
    switch (getNamedType(inner).name) {
      case 'Int':
        return String(pick([0, 1, 3, 100, -1, 2147483647]));
      case 'Float':
        return String(pick([0, 1.5, -2]));
      case 'Boolean':
        return pick(['true', 'false']);
      case 'I18NLocaleCode':
        return JSON.stringify(pick(['bg', 'en', '*', 'xx']));
      case 'DateTime':
      case 'Date':
        return JSON.stringify(pick(['2025-12-22T10:00:00.000Z', '2099-01-01T00:00:00.000Z', 'soon']));
      case 'JSON':
        return JSON.stringify('{}');
      default:
        return JSON.stringify(pick(strings));
    }
  }

  function args(list: readonly GraphQLArgument[]): string {
    const required = list.filter((arg) => arg.type.toString().endsWith('!'));
    const optional = list.filter((arg) => !arg.type.toString().endsWith('!'));
    const chosen = [
      ...required,
      ...Array.from({ length: next(3) }, () => (optional.length ? pick(optional) : null)).filter((arg): arg is GraphQLArgument => arg !== null),
    ];
    const unique = [...new Map(chosen.map((arg) => [arg.name, arg])).values()];
    return unique.length ? `(${unique.map((arg) => `${arg.name}: ${value(arg.type, 0)}`).join(', ')})` : '';
  }

  function selection(type: GraphQLObjectType, depth: number): string {
    const all = Object.values(type.getFields());
    // At the root, mostly the newsroom's own queries (the plugins' ones mostly answer Forbidden).
    const newsroom = all.filter((field) => !/^(usersPermissions|upload|reviewWorkflows|i18N|contentReleases)/i.test(field.name));
    const fields = depth === 0 && next(5) !== 0 ? newsroom : all;
    const parts = new Set<string>();
    for (let i = 0; i < 1 + next(3); i += 1) {
      const field = pick(fields);
      const named = getNamedType(field.type);
      const alias = next(5) === 0 ? `a${next(9)}: ` : '';
      if (isLeafType(named)) parts.add(`${alias}${field.name}${args(field.args)}`);
      else if (isObjectType(named) && depth < 3) parts.add(`${alias}${field.name}${args(field.args)} { ${selection(named, depth + 1)} }`);
    }
    return parts.size ? [...parts].join(' ') : '__typename';
  }

  const queryType = schema.getQueryType() as GraphQLObjectType;
  return `{ ${selection(queryType, 0)} }`;
}

test('GraphQL: no random document from the schema gets a 5xx, an internal error or shows a planted secret', async () => {
  const outcomes: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(fc.nat(1000), { minLength: 80, maxLength: 80 }), async (tape) => {
      const query = documentFrom(tape);
      const res = await request(app.server).post('/graphql').send({ query });
      const codes = ((res.body?.errors ?? []) as Array<{ extensions?: { code?: string } }>).map((error) => error.extensions?.code);
      outcomes.push(res.status === 200 && codes.length === 0 ? 'data' : `${res.status}`);
      expect({ query, status: res.status < 500 }).toEqual({ query, status: true });
      expect({ query, codes: codes.filter((code) => code === 'INTERNAL_SERVER_ERROR') }).toEqual({ query, codes: [] });
      expect({ query, leaked: leakedSecrets(res.text, secretsNotIn(query)) }).toEqual({ query, leaked: [] });
    }),
    { seed: SEED, numRuns: RUNS },
  );
  expect(outcomes.filter((outcome) => outcome === 'data').length).toBeGreaterThan(RUNS / 10);
});
