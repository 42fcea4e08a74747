import { previewUrl } from '../preview-url';

describe('previewUrl', () => {
  test.each([
    ['https://novini.example', 's3cret', '/bg/putin', 'draft', 'https://novini.example/api/preview?url=%2Fbg%2Fputin&secret=s3cret&status=draft'],
    ['https://novini.example/', 'x', '/en/a-b', 'published', 'https://novini.example/api/preview?url=%2Fen%2Fa-b&secret=x&status=published'],
    ['https://novini.example', 'x', '/bg/a', 'modified', 'https://novini.example/api/preview?url=%2Fbg%2Fa&secret=x&status=draft'],
    ['', 'x', '/bg/a', 'draft', null],
    ['https://novini.example', 'x', '', 'draft', null],
  ])('%s %s %s %s', (base, secret, path, status, expected) => {
    expect(previewUrl(base, secret, path, status)).toBe(expected);
  });
});
