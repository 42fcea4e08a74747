import { passesCsrfPrevention } from '../csrf-prevention';

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('passesCsrfPrevention (Apollo Server 4 rule)', () => {
  test.each([
    [{}, false],
    [{ 'apollo-require-preflight': 'true' }, true],
    [{ 'x-apollo-operation-name': 'Latest' }, true],
    [{ 'content-type': 'application/json' }, true],
    [{ 'content-type': 'application/json; charset=utf-8' }, true],
    [{ 'content-type': 'text/plain' }, false],
    [{ 'content-type': 'Multipart/Form-Data; boundary=x' }, false],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, false],
  ])('%j → %s', (values, expected) => {
    expect(passesCsrfPrevention(headers(values))).toBe(expected);
  });
});
