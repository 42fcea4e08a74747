/**
 * schema.org NewsArticle JSON-LD of a story, as Google's Article rich results read it
 * (Google Search Central's Article structured-data guide and schema.org's NewsArticle type):
 * dates as ISO 8601 instants, images with their pixel size,
 * bylines as Person (or, on a wire story without byline, the agency as Organization), the
 * agency also as sourceOrganization, the publisher with its logo.
 */
export interface SeoImage {
  url: string;
  width: number | null;
  height: number | null;
  alternativeText?: string | null;
}
export interface SeoPerson {
  name: string;
  url: string;
  jobTitle?: string | null;
  sameAs?: readonly string[];
}
export interface SeoOrganization {
  name: string;
  url?: string | null;
}
export interface Publisher {
  name: string;
  url: string;
  logo: SeoImage | null;
}

export interface NewsArticleInput {
  headline: string;
  description: string | null;
  url: string;
  datePublished: string;
  dateModified: string;
  images: readonly SeoImage[];
  authors: readonly SeoPerson[];
  agency: SeoOrganization | null;
  publisher: Publisher;
  inLanguage: string;
  isAccessibleForFree: boolean;
  section: string | null;
  keywords: readonly string[];
}

type JsonLd = Record<string, unknown>;

function imageObject(image: SeoImage): JsonLd {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
    ...(image.alternativeText ? { caption: image.alternativeText } : {}),
  };
}

function organization(org: SeoOrganization): JsonLd {
  return { '@type': 'Organization', name: org.name, ...(org.url ? { url: org.url } : {}) };
}

function person(author: SeoPerson): JsonLd {
  return {
    '@type': 'Person',
    name: author.name,
    url: author.url,
    ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}),
    ...(author.sameAs && author.sameAs.length ? { sameAs: [...author.sameAs] } : {}),
  };
}

export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  // A wire story without a byline is credited to its agency; a story with neither to the publisher.
  const authors = input.authors.length ? input.authors.map(person) : [organization(input.agency ?? { name: input.publisher.name, url: input.publisher.url })];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    ...(input.images.length ? { image: input.images.map(imageObject) } : {}),
    author: authors,
    ...(input.agency ? { sourceOrganization: organization(input.agency) } : {}),
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      url: input.publisher.url,
      ...(input.publisher.logo ? { logo: imageObject(input.publisher.logo) } : {}),
    },
    inLanguage: input.inLanguage,
    isAccessibleForFree: input.isAccessibleForFree,
    ...(input.section ? { articleSection: input.section } : {}),
    ...(input.keywords.length ? { keywords: input.keywords.join(', ') } : {}),
  };
}
