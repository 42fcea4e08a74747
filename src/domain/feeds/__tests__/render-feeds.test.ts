import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { renderAtom, renderJsonFeed, renderRss } from '../render-feeds';
import type { FeedChannel, FeedStory } from '../feed-story';

const channel: FeedChannel = {
  title: 'Новинар & Co',
  description: 'Новинар & Co',
  siteUrl: 'https://x.example/bg',
  links: {
    rss: 'https://api.example/api/feeds/rss?locale=bg&tag=a',
    atom: 'https://api.example/api/feeds/atom?locale=bg',
    json: 'https://api.example/api/feeds/json?locale=bg',
  },
  language: 'bg',
  updated: new Date('2025-12-22T10:00:00Z'),
  publicationName: 'Новинар & Co',
};
const story = (overrides: Partial<FeedStory> = {}): FeedStory => ({
  id: 'urn:novinar:article:abc:bg',
  url: 'https://x.example/bg/putin-kim',
  title: 'Путин & Ким: „приятелство“ <ново>',
  summary: 'Лид с & и < и „кавички“.',
  published: new Date('2025-12-22T09:30:00Z'),
  updated: new Date('2025-12-22T09:30:00Z'),
  authors: [],
  agency: { name: 'БГНЕС', creditLine: 'БГНЕС', url: 'https://bgnes.bg' },
  section: { name: 'Свят', url: 'https://x.example/bg/section/svyat' },
  tags: ['Русия'],
  cover: { url: 'https://api.example/uploads/putin.jpg', type: 'image/jpeg', length: 12345, width: 800, height: 600, alt: null },
  ...overrides,
});
const rss = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });

describe('renderRss', () => {
  test('parses with rss-parser; text, bylines and enclosure come back as given', async () => {
    const feed = await rss.parseString(renderRss(channel, [story(), story({ id: 'urn:2', authors: [{ name: 'Елица Петрова' }, { name: 'Иван Иванов' }] })]));
    expect(feed.title).toBe('Новинар & Co');
    expect(feed.items[0].title).toBe('Путин & Ким: „приятелство“ <ново>');
    expect(feed.items[0].contentSnippet).toBe('Лид с & и < и „кавички“.');
    expect((feed.items[0] as { creators?: string[] }).creators).toEqual(['БГНЕС']);
    expect(feed.items[0].guid).toBe('urn:novinar:article:abc:bg');
    expect((feed.items[1] as { creators?: string[] }).creators).toEqual(['Елица Петрова', 'Иван Иванов']);
    expect(feed.items[0].enclosure).toEqual({ url: 'https://api.example/uploads/putin.jpg', type: 'image/jpeg', length: '12345' });
    expect(feed.items[0].categories).toEqual([{ _: 'Свят', $: { domain: 'https://x.example/bg/section/svyat' } }, 'Русия']);
  });
});

describe('renderAtom', () => {
  test('titles are text, enclosure has the file type', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'link' }).parse(renderAtom(channel, [story()]));
    expect(doc.feed.entry.title).toEqual({ '#text': 'Путин & Ким: „приятелство“ <ново>', '@type': 'text' });
    expect(doc.feed.entry.link.find((link: Record<string, string>) => link['@rel'] === 'enclosure')['@type']).toBe('image/jpeg');
  });
});

describe('renderJsonFeed', () => {
  test('JSON Feed 1.1 with authors and language', () => {
    const feed = JSON.parse(renderJsonFeed(channel, [story()]));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({
      id: 'urn:novinar:article:abc:bg',
      content_text: 'Лид с & и < и „кавички“.',
      authors: [{ name: 'БГНЕС', url: 'https://bgnes.bg' }],
      language: 'bg',
      image: 'https://api.example/uploads/putin.jpg',
    });
    expect(feed.items[0].author).toBeUndefined();
  });
  test('a story without byline has an empty authors list', () => {
    const feed = JSON.parse(renderJsonFeed(channel, [story({ agency: null })]));
    expect(feed.items[0].authors).toEqual([]);
  });
});
