import { isSubstantiveChange, stampPublicationDate, SUBSTANTIVE_FIELDS } from '../publication-dates';

const NOW = new Date('2025-12-22T09:30:00.000Z');

describe('stampPublicationDate', () => {
  test.each([
    ['no date yet', null, '2025-12-22T09:30:00.000Z'],
    ['undefined', undefined, '2025-12-22T09:30:00.000Z'],
    ['a cleared field', '', '2025-12-22T09:30:00.000Z'],
    ['an editor-set past date', '2025-12-01T06:00:00.000Z', '2025-12-01T06:00:00.000Z'],
    ['an editor-set embargo', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z'],
    ['an editor date with an offset, stored as UTC', '2025-12-22T11:30:00+02:00', '2025-12-22T09:30:00.000Z'],
  ])('%s → %s', (_label, current, expected) => {
    expect(stampPublicationDate(current, NOW)).toBe(expected);
  });

  test('throws on a malformed editor date rather than overwriting it', () => {
    expect(() => stampPublicationDate('yesterday', NOW)).toThrow(RangeError);
  });
});

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

const stored = {
  title: 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун',
  lede: 'Кратко резюме.',
  body: [paragraph('Първи абзац.'), paragraph('Втори абзац.')],
  cover: { id: 7, documentId: 'cov7', url: '/uploads/a.jpg', formats: { small: { url: '/uploads/s_a.jpg' } } },
  publishedAt: '2025-12-22T09:30:00.000Z',
  tags: [{ id: 1 }],
};

describe('isSubstantiveChange', () => {
  test('uses title, lede, body and cover by default', () => {
    expect(SUBSTANTIVE_FIELDS).toEqual(['title', 'lede', 'body', 'cover']);
  });

  test.each<[string, Record<string, unknown>, boolean]>([
    ['title changed', { title: 'Ново заглавие' }, true],
    ['lede changed', { lede: 'Друго резюме.' }, true],
    ['lede cleared', { lede: null }, true],
    ['a word changed in the body', { body: [paragraph('Първи абзац!'), paragraph('Втори абзац.')] }, true],
    ['a paragraph added', { body: [...stored.body, paragraph('Трети.')] }, true],
    ['paragraphs reordered', { body: [stored.body[1], stored.body[0]] }, true],
    ['cover id changed', { cover: { id: 8, documentId: 'cov8', url: '/uploads/b.jpg' } }, true],
    ['cover replaced by a bare id', { cover: 8 }, true],
    ['cover removed', { cover: null }, true],
    ['same body blocks in new objects', { body: JSON.parse(JSON.stringify(stored.body)) as unknown }, false],
    [
      'same blocks with keys in another order',
      {
        body: stored.body.map((b) => ({ children: b.children.map((c) => ({ text: c.text, type: c.type })), type: b.type })),
      },
      false,
    ],
    ['same cover as a bare { id }', { cover: { id: 7 } }, false],
    ['same cover as a bare numeric id', { cover: 7 }, false],
    ['same cover by documentId with other populated fields', { cover: { documentId: 'cov7', id: 7, url: '/other.jpg' } }, false],
    ['only publishedAt changed (a re-publish)', { publishedAt: '2025-12-23T10:00:00.000Z' }, false],
    ['only tags changed', { tags: [{ id: 2 }] }, false],
    ['an empty write', {}, false],
    ['fields explicitly undefined mean "not part of the write"', { title: undefined, body: undefined }, false],
    ['the same values written again', { ...stored }, false],
  ])('%s → %s', (_label, patch, expected) => {
    expect(isSubstantiveChange(stored, { ...stored, ...patch }, SUBSTANTIVE_FIELDS)).toBe(expected);
    // The same patch alone (a partial update) gives the same answer.
    expect(isSubstantiveChange(stored, patch)).toBe(expected);
  });

  test.each<[string, unknown, unknown, boolean]>([
    ['null and missing before are both empty', undefined, null, false],
    ['adding a cover to an article without one', null, { id: 3 }, true],
    ['a Date equals its ISO string', new Date('2025-12-22T09:30:00Z'), '2025-12-22T09:30:00.000Z', false],
    [
      'dynamic-zone components compare by content, not by id',
      [{ __component: 'a.quote', id: 1, text: 'x' }],
      [{ __component: 'a.quote', id: 1, text: 'y' }],
      true,
    ],
    ['relations compare by documentId', [{ documentId: 'a' }, { documentId: 'b' }], [{ documentId: 'a', title: 'x' }, { documentId: 'b' }], false],
    ['documentId on one side and id on the other falls back to content', { documentId: 'a' }, { id: 1 }, true],
  ])('%s', (_label, before, after, expected) => {
    expect(isSubstantiveChange({ x: before }, { x: after }, ['x'])).toBe(expected);
  });
});
