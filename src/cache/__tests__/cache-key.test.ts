import fc from 'fast-check';
// The parser Strapi's `strapi::query` middleware uses (a dependency of @strapi/core), with its options.
import qs from 'qs';
import { canonicalQuery } from '../cache-key';

const STRAPI_QS_OPTIONS = { strictNullHandling: true, arrayLimit: 100, depth: 20 };
const parse = (query: string) => qs.parse(query, STRAPI_QS_OPTIONS);

describe('canonicalQuery', () => {
  test.each([
    ['', ''],
    ['a=1', 'a=1'],
    ['b=2&a=1', 'a=1&b=2'],
    ['locale=en&fields[0]=title', 'fields[0]=title&locale=en'],
    // Repeated names keep their order: the order is part of the meaning.
    ['sort=title:asc&sort=publicationDate:desc', 'sort=title:asc&sort=publicationDate:desc'],
    ['sort=publicationDate:desc&sort=title:asc', 'sort=publicationDate:desc&sort=title:asc'],
    ['locale=bg&sort=b&pagination[page]=1&sort=a', 'locale=bg&pagination[page]=1&sort=b&sort=a'],
    // `sort` and `sort[1]` are one name to qs: their relative order stays as sent.
    ['sort[1]=b&sort=a', 'sort[1]=b&sort=a'],
    ['sort=a&sort[1]=b', 'sort=a&sort[1]=b'],
    ['populate[tags]=true&locale=en&populate=*', 'locale=en&populate[tags]=true&populate=*'],
    // Escaped brackets are brackets to qs.
    ['sort%5B0%5D=b&locale=en', 'locale=en&sort[0]=b'],
    // Values are kept as sent, never decoded and re-encoded.
    ['q=%FF&a=%EF%BF%BD', 'a=%EF%BF%BD&q=%FF'],
    ['b=x+y&a=x%20y', 'a=x%20y&b=x+y'],
    // Keys qs files under another name than their leading word: left exactly as sent.
    ['b=1&[a]=2&a=3', 'b=1&[a]=2&a=3'],
    ['b=1&a]=2', 'b=1&a]=2'],
    // Parameters with an empty key are ignored by qs wherever they stand.
    ['b=1&&a=2', '&a=2&b=1'],
  ])('%j → %j', (query, expected) => {
    expect(canonicalQuery(query)).toBe(expected);
  });

  test('the two orders of a repeated sort are two keys', () => {
    expect(canonicalQuery('sort=title:asc&sort=publicationDate:desc')).not.toBe(canonicalQuery('sort=publicationDate:desc&sort=title:asc'));
  });

  test('a query with more parameters than qs reads keeps its order', () => {
    const query = [...Array.from({ length: 1000 }, (_, i) => `p${i}=x`), 'a=1'].join('&');
    expect(canonicalQuery(query)).toBe(query);
  });

  // Pieces that stress qs: repeated names, indexes, brackets (escaped, empty, unbalanced), `+`,
  // broken escapes and empty parameters.
  const keyPiece = fc.constantFrom('sort', 'populate', 'a', 'b', '[0]', '[1]', '[]', '[x]', '[', ']', '%5B', '%5d', '+', '%', '%FF', '=', '');
  const part = fc
    .tuple(fc.array(keyPiece, { maxLength: 4 }), fc.constantFrom('', '=1', '=2', '=x+y', '=%E2%9C%93', '=%FF', '=a=b', '=[]'))
    .map(([key, value]) => key.join('') + value);
  const query = fc.array(part, { maxLength: 8 }).map((parts) => parts.join('&'));

  test("the canonical form means what the query means, to Strapi's query parser", () => {
    fc.assert(
      fc.property(query, (original) => {
        expect(parse(canonicalQuery(original))).toEqual(parse(original));
      }),
      { numRuns: 5000 },
    );
  });

  test('two queries share a key only when they mean the same', () => {
    fc.assert(
      fc.property(query, query, (first, second) => {
        if (canonicalQuery(first) === canonicalQuery(second)) expect(parse(first)).toEqual(parse(second));
      }),
      { numRuns: 5000 },
    );
  });
});
