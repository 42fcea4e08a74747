import { bearerToken } from '../bearer-token';

describe('bearerToken', () => {
  test.each([
    ['Bearer abc123', 'abc123'],
    ['bearer abc123', 'abc123'],
    ['BEARER abc123', 'abc123'],
    ['Bearer\tabc123', 'abc123'],
    ['Bearer   abc123', 'abc123'],
    ['Bearer eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.sig', 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.sig'],
    // Other schemes authenticate nobody on the content API.
    ['Basic Zm9vOmJhcg==', null],
    ['Token abc123', null],
    ['Foo', null],
    // Malformed Bearer headers.
    ['Bearer', null],
    ['Bearer ', null],
    ['Bearer a b', null],
    ['', null],
  ])('%j → %j', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
