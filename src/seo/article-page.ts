import type { Core } from '@strapi/strapi';
import { absoluteUrl, buildArticleSeo, fillPathPattern, type ArticleSeo } from '../domain/seo';
import { publicVariants, type ArticleVariant } from './article-variants';
import { seoSettings } from './seo-settings';
import { AUTHOR } from '../uids';

type Entry = Record<string, unknown>;
interface Named {
  name?: string | null;
  slug?: string | null;
}

export interface Localization {
  locale: string;
  slug: string;
  path: string;
  url: string;
}
export interface ArticlePageExtras {
  localizations: Localization[];
  seo: ArticleSeo;
}

/** The profile links of the bylined authors (JSON-LD sameAs), one read for all of them. */
async function authorProfiles(strapi: Core.Strapi, documentIds: string[], locale: string): Promise<Map<string, string[]>> {
  if (documentIds.length === 0) return new Map();
  const found = (await strapi.documents(AUTHOR).findMany({
    locale,
    status: 'published',
    filters: { documentId: { $in: documentIds } },
    fields: ['documentId'],
    populate: { links: true },
  } as never)) as unknown as Array<{ documentId: string; links?: Array<{ url?: string | null }> | null }>;
  return new Map(found.map((author) => [author.documentId, (author.links ?? []).map((link) => link.url).filter((url): url is string => Boolean(url))]));
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null);

/**
 * What a story's page needs besides the story: its other published locale variants (each with
 * path and absolute url, so a page needs no second request for hreflang) and the page head
 * (src/domain/seo). `entry` is the public article entry as the by-slug answer holds it (its
 * authors, agency, section, tags and cover already limited to what the public may see). A
 * reader that has already read the variants and the bylines' profile links in its own statement
 * (`articles/public-article-reader.ts`) passes them in `read`, and nothing more is read here.
 */
export async function articlePageExtras(
  strapi: Core.Strapi,
  entry: Entry,
  read: { variants?: ArticleVariant[]; authorLinks?: Map<string, string[]> } = {},
): Promise<ArticlePageExtras> {
  const settings = seoSettings(strapi);
  const locale = String(entry.locale);
  const variants = read.variants ?? (await publicVariants(strapi, String(entry.documentId)));
  const localizations = variants
    .filter((variant) => variant.locale !== locale)
    .map((variant) => {
      const path = fillPathPattern(settings.articlePathPattern, variant.locale, variant.slug);
      return { locale: variant.locale, slug: variant.slug, path, url: absoluteUrl(settings.siteUrl, path) };
    });
  const cover = entry.cover as { url: string; width?: number | null; height?: number | null; alternativeText?: string | null } | null | undefined;
  const authors = (entry.authors as Array<Named & { documentId?: string; role?: string | null }> | undefined) ?? [];
  const profiles =
    read.authorLinks ??
    (await authorProfiles(
      strapi,
      authors.map((author) => String(author.documentId)),
      locale,
    ));
  const agency = entry.sourceAgency as { name?: string; url?: string | null } | null | undefined;
  const seo = buildArticleSeo(
    {
      title: String(entry.title),
      slug: String(entry.slug),
      locale,
      lede: text(entry.lede),
      metaTitle: text(entry.metaTitle),
      metaDescription: text(entry.metaDescription),
      publicationDate: iso(entry.publicationDate),
      updatedDate: iso(entry.updatedDate),
      publishedAt: iso(entry.publishedAt),
      cover: cover ? { url: cover.url, width: cover.width ?? null, height: cover.height ?? null, alternativeText: cover.alternativeText ?? null } : null,
      authors: authors.map((author) => ({
        name: String(author.name),
        slug: String(author.slug),
        role: author.role ?? null,
        sameAs: profiles.get(String(author.documentId)) ?? [],
      })),
      sourceAgency: agency?.name ? { name: agency.name, url: agency.url ?? null } : null,
      section: (entry.section as Named | null | undefined)?.name ? { name: String((entry.section as Named).name) } : null,
      tags: ((entry.tags as Named[] | undefined) ?? []).map((tag) => ({ name: String(tag.name) })),
      variants,
    },
    settings,
  );
  return { localizations, seo };
}
