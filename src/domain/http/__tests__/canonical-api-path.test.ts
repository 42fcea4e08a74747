import { canonicalApiPath } from '../canonical-api-path';

describe('canonicalApiPath', () => {
  test.each([
    // Already canonical: returned as is.
    ['/api/articles', '/api/articles'],
    ['/api/articles/by-slug/putin-i-kim', '/api/articles/by-slug/putin-i-kim'],
    ['/api/tags/nwsa3em78w8bsfa7eggvj5d5', '/api/tags/nwsa3em78w8bsfa7eggvj5d5'],
    ['/api', '/api'],
    ['/graphql', '/graphql'],
    // Upper-case letters anywhere in the path.
    ['/API/articles', '/api/articles'],
    ['/api/Articles', '/api/articles'],
    ['/Api/Teasers/Latest', '/api/teasers/latest'],
    ['/api/articles/by-slug/Putin', '/api/articles/by-slug/putin'],
    ['/GraphQL', '/graphql'],
    // Trailing slashes and empty segments.
    ['/api/articles/', '/api/articles'],
    ['/api/', '/api'],
    ['/api//articles', '/api/articles'],
    ['//api/articles', '/api/articles'],
    ['/api/articles//', '/api/articles'],
    ['///API///Articles///', '/api/articles'],
    ['/graphql/', '/graphql'],
    // Percent-escapes are left as escapes; only the case of their hex digits changes.
    ['/api/articles/by-slug/%D0%BF', '/api/articles/by-slug/%d0%bf'],
    // A raw non-ASCII character is not an ASCII letter and stays as sent.
    ['/api/articles/by-slug/Ã', '/api/articles/by-slug/Ã'],
    // Not the public API: null, whatever the spelling.
    ['/', null],
    ['/admin/login', null],
    ['/apis/articles', null],
    ['/api-docs', null],
    ['/graphql/extra', null],
    ['/uploads/Photo.JPG', null],
    ['/_health', null],
  ])('%s → %s', (path, expected) => {
    expect(canonicalApiPath(path)).toBe(expected);
  });

  test('a canonical path is its own canonical form', () => {
    for (const path of ['/API//Articles/', '/GraphQL/', '/api/Tags/ABC/']) {
      const canonical = canonicalApiPath(path) as string;
      expect(canonicalApiPath(canonical)).toBe(canonical);
    }
  });
});
