import { slugRegistryDisagreements, type ContentSlug, type RegistryEntry } from '../slug-registry-disagreements';

const A = 'api::article.article';
const T = 'api::tag.tag';
const reg = (id: number, slug: string, documentId: string, uid = A, locale = 'bg'): RegistryEntry => ({ id, uid, locale, slug, documentId });
const row = (slug: string | null, documentId: string, published: boolean, uid = A, locale = 'bg'): ContentSlug => ({
  uid,
  locale,
  documentId,
  slug,
  published,
  draftAndPublish: uid === A,
});

describe('slugRegistryDisagreements', () => {
  test('a published article with a former slug agrees', () => {
    const registry = [reg(1, 'putin', 'd1'), reg(2, 'putin-staro', 'd1')];
    const content = [row('putin', 'd1', false), row('putin', 'd1', true)];
    expect(slugRegistryDisagreements(registry, content)).toEqual({ orphans: [], missing: [], conflicts: [] });
  });

  test.each<[string, RegistryEntry[], ContentSlug[], { orphans: number[]; missing: Array<[string, boolean, boolean]>; conflicts: number[] }]>([
    [
      'rows of a deleted document are orphans (current and former)',
      [reg(1, 'a', 'gone'), reg(2, 'a-old', 'gone')],
      [],
      { orphans: [1, 2], missing: [], conflicts: [] },
    ],
    ['a create that never finished leaves a placeholder owner', [reg(3, 'b', 'pending:xyz')], [], { orphans: [3], missing: [], conflicts: [] }],
    [
      'only the deleted locale is orphaned',
      [reg(1, 'c', 'd1', A, 'bg'), reg(2, 'c', 'd1', A, 'en')],
      [row('c', 'd1', false, A, 'en')],
      { orphans: [1], missing: [], conflicts: [] },
    ],
    [
      'an unregistered draft slug is missing, current and unpublished',
      [],
      [row('d', 'd1', false)],
      { orphans: [], missing: [['d', true, false]], conflicts: [] },
    ],
    [
      'a published slug the draft moved away from is missing as former and published',
      [reg(1, 'new', 'd1')],
      [row('new', 'd1', false), row('old', 'd1', true)],
      { orphans: [], missing: [['old', false, true]], conflicts: [] },
    ],
    [
      'a type without draft & publish: current and published',
      [],
      [row('sport', 't1', false, T)],
      { orphans: [], missing: [['sport', true, true]], conflicts: [] },
    ],
    [
      'a slug registered to another document is a conflict',
      [reg(9, 'e', 'other')],
      [row('e', 'd1', false), row('x', 'other', false)],
      { orphans: [], missing: [['x', true, false]], conflicts: [9] },
    ],
    ['a row without slug is not compared', [], [row(null, 'd1', false)], { orphans: [], missing: [], conflicts: [] }],
  ])('%s', (_name, registry, content, result) => {
    const found = slugRegistryDisagreements(registry, content);
    expect(found.orphans.map((entry) => entry.id)).toEqual(result.orphans);
    expect(found.missing.map((entry) => [entry.slug, entry.isCurrent, entry.published])).toEqual(result.missing);
    expect(found.conflicts.map((conflict) => conflict.owner.id)).toEqual(result.conflicts);
  });
});
