import { fillPathPattern, absoluteUrl } from './public-url';
import { jsonLdHeadline, metaDescription, metaTitle } from './meta-text';
import { hreflangAlternates, openGraphLocale, type Alternate } from './hreflang';
import { newsArticleJsonLd, type SeoImage } from './news-article-json-ld';

/** What the page head of a story is built from: the public article entry, as read for the public. */
export interface SeoArticle {
  title: string;
  slug: string;
  locale: string;
  lede: string | null;
  metaTitle?: string | null;
  metaDescription?: string | null;
  publicationDate: string | null;
  updatedDate: string | null;
  publishedAt: string | null;
  cover: { url: string; width: number | null; height: number | null; alternativeText: string | null } | null;
  authors: ReadonlyArray<{ name: string; slug: string; role?: string | null; sameAs?: readonly string[] }>;
  sourceAgency: { name: string; url: string | null } | null;
  section: { name: string } | null;
  tags: ReadonlyArray<{ name: string }>;
  /** Every published variant of the story, this one included. */
  variants: ReadonlyArray<{ locale: string; slug: string }>;
}

export interface SeoSettings {
  /** Public site URL, normalised (no trailing slash). */
  siteUrl: string;
  /** Where media paths (`/uploads/…`) are served from, normalised. */
  mediaUrl: string;
  siteName: string;
  logo: SeoImage | null;
  twitterSite: string | null;
  articlePathPattern: string;
  authorPathPattern: string;
  defaultLocale: string;
  isAccessibleForFree: boolean;
}

export interface ArticleSeo {
  metaTitle: string;
  metaDescription: string | null;
  canonicalUrl: string;
  alternates: Alternate[];
  /** `<meta property>` name → content (arrays for repeated properties). */
  openGraph: Record<string, string | number | string[]>;
  /** `<meta name>` name → content. */
  twitter: Record<string, string>;
  jsonLd: Record<string, unknown>;
}

/**
 * The page head of a story: meta title and description (editor's override or headline/lede),
 * canonical URL, hreflang alternates, Open Graph (the Open Graph protocol, with its article:*
 * properties), Twitter card markup and NewsArticle JSON-LD.
 */
export function buildArticleSeo(article: SeoArticle, settings: SeoSettings): ArticleSeo {
  const pageUrl = (locale: string, slug: string) => absoluteUrl(settings.siteUrl, fillPathPattern(settings.articlePathPattern, locale, slug));
  const canonicalUrl = pageUrl(article.locale, article.slug);
  const variants = article.variants.some((variant) => variant.locale === article.locale)
    ? article.variants
    : [...article.variants, { locale: article.locale, slug: article.slug }];
  const alternates = hreflangAlternates(
    variants.map((variant) => ({ locale: variant.locale, url: pageUrl(variant.locale, variant.slug) })),
    settings.defaultLocale,
  );
  const title = metaTitle(article.metaTitle, article.title);
  const description = metaDescription(article.metaDescription, article.lede);
  const datePublished = article.publicationDate ?? article.publishedAt ?? new Date(0).toISOString();
  const dateModified = article.updatedDate && Date.parse(article.updatedDate) > Date.parse(datePublished) ? article.updatedDate : datePublished;
  const image = article.cover ? { ...article.cover, url: absoluteUrl(settings.mediaUrl, article.cover.url) } : null;
  const keywords = article.tags.map((tag) => tag.name);
  const authorUrl = (slug: string) => absoluteUrl(settings.siteUrl, fillPathPattern(settings.authorPathPattern, article.locale, slug));

  const openGraph: ArticleSeo['openGraph'] = {
    'og:type': 'article',
    'og:title': title,
    ...(description ? { 'og:description': description } : {}),
    'og:url': canonicalUrl,
    'og:site_name': settings.siteName,
    'og:locale': openGraphLocale(article.locale),
    'og:locale:alternate': variants.filter((variant) => variant.locale !== article.locale).map((variant) => openGraphLocale(variant.locale)),
    ...(image ? { 'og:image': image.url } : {}),
    ...(image?.width ? { 'og:image:width': image.width } : {}),
    ...(image?.height ? { 'og:image:height': image.height } : {}),
    ...(image?.alternativeText ? { 'og:image:alt': image.alternativeText } : {}),
    'article:published_time': datePublished,
    'article:modified_time': dateModified,
    ...(article.section ? { 'article:section': article.section.name } : {}),
    'article:tag': keywords,
    'article:author': article.authors.map((author) => authorUrl(author.slug)),
  };
  const twitter: ArticleSeo['twitter'] = {
    'twitter:card': image ? 'summary_large_image' : 'summary',
    'twitter:title': title,
    ...(description ? { 'twitter:description': description } : {}),
    ...(image ? { 'twitter:image': image.url } : {}),
    ...(image?.alternativeText ? { 'twitter:image:alt': image.alternativeText } : {}),
    ...(settings.twitterSite ? { 'twitter:site': settings.twitterSite } : {}),
  };
  const jsonLd = newsArticleJsonLd({
    headline: jsonLdHeadline(article.title),
    description,
    url: canonicalUrl,
    datePublished,
    dateModified,
    images: image ? [image] : [],
    authors: article.authors.map((author) => ({ name: author.name, url: authorUrl(author.slug), jobTitle: author.role ?? null, sameAs: author.sameAs ?? [] })),
    agency: article.sourceAgency ? { name: article.sourceAgency.name, url: article.sourceAgency.url } : null,
    publisher: { name: settings.siteName, url: settings.siteUrl, logo: settings.logo },
    inLanguage: article.locale,
    isAccessibleForFree: settings.isAccessibleForFree,
    section: article.section?.name ?? null,
    keywords,
  });
  return { metaTitle: title, metaDescription: description, canonicalUrl, alternates, openGraph, twitter, jsonLd };
}
