import { SLUG_PATTERN, validateSlug } from '../validate-slug';

describe('validateSlug', () => {
  test.each(['putin', 'stara-planina', 'iphone-17', '2025', 'a', 'n-0k3j9x2', 'a'.repeat(120)])('accepts %s', (slug) => {
    expect(validateSlug(slug)).toBeNull();
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  test.each([
    ['upper case', 'Putin', /upper-case/],
    ['double hyphen', 'stara--planina', /consecutive hyphens/],
    ['leading hyphen', '-putin', /start or end/],
    ['trailing hyphen', 'putin-', /start or end/],
    ['Cyrillic', 'путин', /Cyrillic/],
    ['whitespace', 'stara planina', /whitespace/],
    ['underscore', 'stara_planina', /other than a-z/],
    ['Latin diacritic', 'café', /other than a-z/],
    ['empty', '', /must not be empty/],
    ['too long', 'a'.repeat(121), /at most 120 characters/],
  ])('rejects %s (%j)', (_label, slug, message) => {
    const error = validateSlug(slug);
    expect(error).toMatch(message);
    expect(SLUG_PATTERN.test(slug) && slug.length <= 120).toBe(false);
  });

  test.each(['Putin', '', 'a--b', 'путин'])('names the allowed characters when rejecting %j', (slug) => {
    expect(validateSlug(slug)).toMatch(/a-z, digits 0-9 and single hyphens/);
  });

  test('honours a custom maxLength', () => {
    expect(validateSlug('stara-planina', 10)).toMatch(/at most 10 characters/);
    expect(validateSlug('stara', 10)).toBeNull();
  });
});
