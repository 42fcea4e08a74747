import { teaserOrphans, type PublishedTeaser } from '../teaser-orphans';
import { variantKey } from '../variant-key';

const teaser = (documentId: string, articles: string[], url: string | null = null, locale = 'bg'): PublishedTeaser => ({
  documentId,
  locale,
  url,
  articleDocumentIds: articles,
});

describe('teaserOrphans', () => {
  const published = new Set([variantKey('live', 'bg'), variantKey('en-only', 'en')]);
  test.each<[string, PublishedTeaser, boolean]>([
    ['the teaser of a published article is fine', teaser('t1', ['live']), false],
    ['the teaser of a deleted article (no link left) is an orphan', teaser('t2', []), true],
    ['the teaser of an unpublished article is an orphan', teaser('t3', ['draft-only']), true],
    ['an article published in another locale only does not count', teaser('t4', ['en-only']), true],
    ['a teaser of an external story (url) is fine without article', teaser('t5', [], 'https://example.com/story'), false],
  ])('%s', (_name, input, orphan) => {
    expect(teaserOrphans([input], published, variantKey).length === 1).toBe(orphan);
  });
});
