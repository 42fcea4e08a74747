import { blocksToText } from '../blocks-to-text';

describe('blocksToText', () => {
  test.each([
    ['null', null, ''],
    ['a string', 'Просто текст', 'Просто текст'],
    [
      'paragraphs',
      [
        { type: 'paragraph', children: [{ type: 'text', text: 'Първи.' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Втори ' },
            { type: 'link', children: [{ type: 'text', text: 'линк' }] },
          ],
        },
      ],
      'Първи.\n\nВтори линк',
    ],
    [
      'a list',
      [
        {
          type: 'list',
          children: [
            { type: 'list-item', children: [{ type: 'text', text: 'а' }] },
            { type: 'list-item', children: [{ type: 'text', text: 'б' }] },
          ],
        },
      ],
      'а\nб',
    ],
    ['empty blocks', [{ type: 'paragraph', children: [{ type: 'text', text: '  ' }] }], ''],
  ])('%s', (_name, input, expected) => {
    expect(blocksToText(input)).toBe(expected);
  });
});
