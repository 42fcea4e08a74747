import { isGeneratedSlug, slugOnUpdate, type SlugUpdateFacts } from '../slug-on-update';

const draft: SlugUpdateFacts = {
  requested: undefined,
  currentSlug: 'putin-i-kim',
  everPublished: false,
  sourceSent: undefined,
  currentSource: 'Путин и Ким',
  locale: 'bg',
};

describe('slugOnUpdate', () => {
  test.each<[string, Partial<SlugUpdateFacts>, ReturnType<typeof slugOnUpdate>]>([
    ['an edit that touches neither slug nor title keeps the slug', {}, { kind: 'keep', slug: 'putin-i-kim' }],
    ['a typed slug wins', { requested: 'sreshta-v-pekin' }, { kind: 'typed', slug: 'sreshta-v-pekin' }],
    ['a typed slug is trimmed', { requested: '  sreshta  ' }, { kind: 'typed', slug: 'sreshta' }],
    ['a typed slug wins after publication too', { requested: 'nov', everPublished: true }, { kind: 'typed', slug: 'nov' }],
    ['the current slug sent back is kept', { requested: 'putin-i-kim' }, { kind: 'keep', slug: 'putin-i-kim' }],
    ['a cleared slug is generated again', { requested: '' }, { kind: 'generate' }],
    ['a null slug is generated again', { requested: null }, { kind: 'generate' }],
    ['a slug of spaces is no request: kept', { requested: '   ' }, { kind: 'keep', slug: 'putin-i-kim' }],
    ['a document without a slug gets one', { currentSlug: null }, { kind: 'generate' }],
    ['a never-published draft follows its new title', { sourceSent: 'Си и Байдън' }, { kind: 'generate' }],
    ['a generated -2 slug follows the title too', { currentSlug: 'putin-i-kim-2', sourceSent: 'Си и Байдън' }, { kind: 'generate' }],
    ['a published document keeps its slug when the title changes', { sourceSent: 'Си и Байдън', everPublished: true }, { kind: 'keep', slug: 'putin-i-kim' }],
    ['a typed slug stays when the title changes', { currentSlug: 'moi-slug', sourceSent: 'Си и Байдън' }, { kind: 'keep', slug: 'moi-slug' }],
    ['the same title sent again changes nothing', { sourceSent: 'Путин и Ким' }, { kind: 'keep', slug: 'putin-i-kim' }],
  ])('%s', (_label, facts, expected) => {
    expect(slugOnUpdate({ ...draft, ...facts })).toEqual(expected);
  });
});

describe('isGeneratedSlug', () => {
  test.each([
    ['putin-i-kim', 'Путин и Ким', true],
    ['putin-i-kim-12', 'Путин и Ким', true],
    ['putin-i-kim-x', 'Путин и Ким', false],
    ['sreshta', 'Путин и Ким', false],
  ])('%s from %s → %s', (slug, source, expected) => {
    expect(isGeneratedSlug(slug, source, 'bg')).toBe(expected);
  });
});
