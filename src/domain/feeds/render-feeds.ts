import { Feed, type Item } from 'feed';
import { create } from 'xmlbuilder2';
import { bylineOf, type FeedChannel, type FeedStory } from './feed-story';

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents of the same stories, written by the `feed`
 * library (its 4.x line: 5.x and later are ES modules only, which this CommonJS build and Jest
 * cannot load). Where that version falls short of the specs we need, its output is amended
 * rather than the format written by hand:
 * - RSS: `<author>` must be an e-mail address (RSS 2.0 spec, <author>), which bylines have
 *   not; each author becomes a Dublin Core `<dc:creator>` instead. A `<guid>` that is not the
 *   item's URL must say `isPermaLink="false"`.
 * - Atom: titles and summaries are plain text (`type="text"`: the library marks them `html`,
 *   which would make a reader parse "<" and "&" in a headline as markup); the cover is a
 *   `link rel="enclosure"` (RFC 4287 4.2.7.2), which this version does not write for entries.
 * - JSON Feed: the library writes version 1 with a single `author`; 1.1 has `authors`,
 *   `language`, and `content_text` for plain text (JSON Feed 1.1 specification, "Items").
 */

const DC_NS = 'http://purl.org/dc/elements/1.1/';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** For fields a feed reader renders as HTML (RSS description): the plain text, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function libraryFeed(channel: FeedChannel, stories: readonly FeedStory[], html: boolean): Feed {
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    // Atom's feed id must tell narrowed feeds apart: their own address.
    id: channel.links.atom,
    link: channel.siteUrl,
    language: channel.language,
    updated: channel.updated,
    generator: 'Novinar',
    copyright: channel.publicationName,
    feedLinks: channel.links,
    author: { name: channel.publicationName, link: channel.siteUrl },
  });
  for (const story of stories) {
    const item: Item = {
      title: story.title,
      id: story.id,
      link: story.url,
      date: story.updated,
      published: story.published,
      // The library's JSON writer reads author[0] of any array it is given, so none when empty.
      ...(bylineOf(story).length ? { author: bylineOf(story).map((person) => ({ name: person.name, ...(person.url ? { link: person.url } : {}) })) } : {}),
      category: [...(story.section ? [{ name: story.section.name, domain: story.section.url }] : []), ...story.tags.map((name) => ({ name }))],
    };
    if (story.summary) item.description = html ? escapeHtml(story.summary) : story.summary;
    if (story.cover) item.enclosure = { url: story.cover.url, type: story.cover.type ?? 'image/jpeg', length: story.cover.length ?? 0 };
    feed.addItem(item);
  }
  return feed;
}

export function renderRss(channel: FeedChannel, stories: readonly FeedStory[]): string {
  const doc = create(libraryFeed(channel, stories, true).rss2());
  const rss = doc.root();
  rss.att(XMLNS_NS, 'xmlns:dc', DC_NS);
  const items = rss.find((node) => node.node.nodeName === 'channel')?.filter((node) => node.node.nodeName === 'item') ?? [];
  items.forEach((item, index) => {
    const story = stories[index];
    item.find((node) => node.node.nodeName === 'guid')?.att('isPermaLink', 'false');
    for (const person of bylineOf(story)) item.ele(DC_NS, 'dc:creator').txt(person.name);
  });
  return doc.end({ prettyPrint: true });
}

export function renderAtom(channel: FeedChannel, stories: readonly FeedStory[]): string {
  const doc = create(libraryFeed(channel, stories, false).atom1());
  const entries = doc.root().filter((node) => node.node.nodeName === 'entry');
  entries.forEach((entry, index) => {
    const story = stories[index];
    for (const child of entry.filter((node) => node.node.nodeName === 'title' || node.node.nodeName === 'summary')) child.att('type', 'text');
    if (story.cover) {
      const { url, type, length } = story.cover;
      entry.ele(ATOM_NS, 'link').att({ rel: 'enclosure', href: url, ...(type ? { type } : {}), ...(length ? { length: String(length) } : {}) });
    }
  });
  return doc.end({ prettyPrint: true });
}

interface JsonFeedV1Item {
  id: string;
  url?: string;
  title?: string;
  date_published?: string;
  date_modified?: string;
  tags?: string[];
}

export function renderJsonFeed(channel: FeedChannel, stories: readonly FeedStory[]): string {
  const v1 = JSON.parse(libraryFeed(channel, stories, false).json1()) as {
    title: string;
    home_page_url?: string;
    feed_url?: string;
    description?: string;
    items: JsonFeedV1Item[];
  };
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: v1.title,
    home_page_url: v1.home_page_url,
    feed_url: v1.feed_url,
    description: v1.description,
    language: channel.language,
    authors: [{ name: channel.publicationName, url: channel.siteUrl }],
    items: v1.items.map((item, index) => {
      const story = stories[index];
      return {
        id: item.id,
        url: item.url,
        title: item.title,
        content_text: story.summary ?? story.title,
        ...(story.summary ? { summary: story.summary } : {}),
        ...(story.cover ? { image: story.cover.url } : {}),
        date_published: item.date_published,
        date_modified: item.date_modified,
        authors: bylineOf(story).map((person) => ({ name: person.name, ...(person.url ? { url: person.url } : {}) })),
        ...(item.tags?.length ? { tags: item.tags } : {}),
        language: channel.language,
        // Extensions start with an underscore (JSON Feed 1.1, "Extensions").
        _novinar: { agency: story.agency, section: story.section },
      };
    }),
  };
  return JSON.stringify(feed);
}
