import type { Core } from '@strapi/strapi';
import { formatDisplayDate, parseDisplayDateStyle } from '../domain/dates';
import { COMMENT } from '../uids';
import { articlePath } from '../domain/articles/article-path';
import { absoluteUrl } from '../domain/seo';
import { seoSettings } from '../seo/seo-settings';
import { createCardSourceReader, type CardAuthor, type CardSource, type Media } from './card-sources';
import { activeFlags, type StoryFlag } from '../domain/flags';
import { now } from '../clock';

export interface CardImage {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: unknown;
}
export interface TeaserCard {
  documentId: string;
  locale: string;
  title: string;
  lede: string | null;
  slug: string;
  path: string;
  /** The absolute address of the story on the public site (PUBLIC_SITE_URL + path). */
  url: string;
  image: CardImage | null;
  publicationDate: string | null;
  publicationDateDisplay: string | null;
  creditLine: string | null;
  section: { name: string; slug: string } | null;
  /** Bylines in order (published authors only); empty on a wire story. */
  authors: CardAuthor[];
  commentCount: number;
  /** Breaking/featured flags active when the card was read (never an expired one). */
  flags: StoryFlag[];
}

export type { CardAuthor };

const toImage = (media: Media | null | undefined): CardImage | null =>
  media
    ? {
        url: media.url,
        alternativeText: media.alternativeText ?? null,
        width: media.width ?? null,
        height: media.height ?? null,
        formats: media.formats ?? null,
      }
    : null;

/**
 * The card of each story: the teaser's wording and image when the story has a published
 * teaser, else the article's own title, lede and cover; plus what every card shows (credit,
 * section, printed date, comment count). Sources come from `card-sources.ts`, which applies
 * the public rules of the caller's request, so unpublished and embargoed stories never become
 * cards.
 */
export async function toCards(strapi: Core.Strapi, sources: CardSource[], locale: string): Promise<TeaserCard[]> {
  const style = parseDisplayDateStyle(strapi.config.get('novinar.dateDisplayStyle') as string | undefined);
  const pattern = strapi.config.get('novinar.articlePathPattern') as string;
  const { siteUrl } = seoSettings(strapi);
  // Sources read in SQL carry their count (the comment rule as a subquery of the same statement); others ask the comment service.
  const uncounted = sources.filter((source) => source.commentCount === undefined).map((source) => source.documentId);
  const counts: Map<string, number> = uncounted.length > 0 ? await strapi.service(COMMENT).approvedCounts(uncounted, locale) : new Map();
  const at = now();
  return sources.map((source) => ({
    documentId: source.documentId,
    locale: source.locale,
    title: source.teaser?.title || source.title,
    lede: source.teaser?.lede || source.lede || null,
    slug: source.slug,
    path: articlePath(pattern, source.locale, source.slug),
    url: absoluteUrl(siteUrl, articlePath(pattern, source.locale, source.slug)),
    image: toImage(source.teaser?.image ?? source.cover),
    publicationDate: source.publicationDate ? new Date(source.publicationDate).toISOString() : null,
    publicationDateDisplay: source.publicationDate ? formatDisplayDate(source.publicationDate, source.locale, style) : null,
    creditLine: source.sourceAgency?.creditLine ?? null,
    section: source.section ? { name: source.section.name, slug: source.section.slug } : null,
    authors: (source.authors ?? []).map((author) => ({ documentId: author.documentId, name: author.name, slug: author.slug })),
    commentCount: source.commentCount ?? counts.get(source.documentId) ?? 0,
    flags: activeFlags(source.flags ?? {}, at),
  }));
}

/** Cards for the given articles, in the given order (missing or invisible ones are skipped). */
export async function cardsFor(strapi: Core.Strapi, documentIds: readonly string[], locale: string): Promise<TeaserCard[]> {
  if (documentIds.length === 0) return [];
  const found = await createCardSourceReader(strapi).load(documentIds, locale);
  const byId = new Map(found.map((source) => [source.documentId, source]));
  const ordered = documentIds.map((id) => byId.get(id)).filter((source): source is CardSource => Boolean(source));
  return toCards(strapi, ordered, locale);
}
