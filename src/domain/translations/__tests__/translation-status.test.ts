import { translationState } from '../translation-status';

describe('translationState', () => {
  test.each([
    ['no translation', { publicationDate: '2025-12-22T09:30:00Z' }, null, 'missing'],
    ['translated after publication', { publicationDate: '2025-12-22T09:30:00Z' }, { updatedAt: '2025-12-22T10:00:00Z' }, 'up-to-date'],
    [
      'original edited after the translation',
      { publicationDate: '2025-12-22T09:30:00Z', updatedDate: '2025-12-23T08:00:00Z' },
      { updatedAt: '2025-12-22T10:00:00Z' },
      'outdated',
    ],
    [
      'translation updated after the edit',
      { publicationDate: '2025-12-22T09:30:00Z', updatedDate: '2025-12-23T08:00:00Z' },
      { updatedAt: '2025-12-23T09:00:00Z' },
      'up-to-date',
    ],
    [
      'updatedAt of the original is ignored once published',
      { publicationDate: '2025-12-22T09:30:00Z', updatedAt: '2025-12-24T00:00:00Z' },
      { updatedAt: '2025-12-22T10:00:00Z' },
      'up-to-date',
    ],
    ['unpublished original uses updatedAt', { updatedAt: '2025-12-24T00:00:00Z' }, { updatedAt: '2025-12-22T10:00:00Z' }, 'outdated'],
    ['no dates at all', {}, { updatedAt: null }, 'up-to-date'],
  ] as const)('%s → %s', (_name, original, translation, expected) => {
    expect(translationState(original, translation)).toBe(expected);
  });
});
