import { parse } from 'graphql';
import { fragmentProblem } from '../fragment-problem';

describe('fragmentProblem', () => {
  test.each([
    ['a fragment spreading itself', 'query { articles { ...A } } fragment A on Article { ...A }', 'Cannot spread fragment "A" within itself.'],
    [
      'two fragments spreading each other',
      'query { articles { ...A } } fragment A on Article { ...B } fragment B on Article { tags { ...A } }',
      'Cannot spread fragment "A" within itself.',
    ],
    ['a spread of an unknown fragment', '{ articles { ...Missing } }', 'Unknown fragment "Missing".'],
  ])('refuses %s', (_name, query, message) => {
    expect(fragmentProblem(parse(query))).toBe(message);
  });

  test.each([
    ['no fragments', '{ articles { title } }'],
    ['nested fragments without a cycle', 'query { articles { ...A ...B } } fragment A on Article { title ...B } fragment B on Article { slug }'],
    ['inline fragments', '{ articles { ... on Article { title } } }'],
  ])('accepts %s', (_name, query) => {
    expect(fragmentProblem(parse(query))).toBeNull();
  });
});
