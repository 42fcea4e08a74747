/** One story as every feed format shows it (built by src/feeds from public rows only). */
export interface FeedPerson {
  name: string;
  url?: string | null;
}
export interface FeedImage {
  url: string;
  type: string | null;
  length: number | null;
  width: number | null;
  height: number | null;
  alt: string | null;
}
export interface FeedStory {
  /** Stable id: the article's documentId and locale (a URN, so a changed slug keeps the id). */
  id: string;
  url: string;
  title: string;
  summary: string | null;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  /** The agency credit (a wire story may have no author). */
  agency: { name: string; creditLine: string | null; url: string | null } | null;
  section: { name: string; url: string } | null;
  tags: string[];
  cover: FeedImage | null;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The site's home page for this locale. */
  siteUrl: string;
  /** Absolute URLs of this feed in each format (self links). */
  links: { rss: string; atom: string; json: string };
  /** BCP 47 language tag (`bg`, `en`). */
  language: string;
  /** Newest change among the stories (or `fallbackUpdated` for an empty feed). */
  updated: Date;
  publicationName: string;
}

/** The byline: authors when there are any, else the agency credit, else nobody. */
export function bylineOf(story: FeedStory): FeedPerson[] {
  if (story.authors.length > 0) return story.authors;
  if (story.agency) return [{ name: story.agency.name, url: story.agency.url }];
  return [];
}

/** The newest moment any story was published or changed: a feed's `updated` / Last-Modified. */
export function feedUpdated(stories: readonly FeedStory[], fallback: Date): Date {
  let newest = 0;
  for (const story of stories) newest = Math.max(newest, story.updated.getTime(), story.published.getTime());
  return newest > 0 ? new Date(newest) : fallback;
}
