/**
 * What schema.org's NewsArticle and Google's Article structured data expect of the JSON-LD the
 * API gives (schema.org's NewsArticle type and Google Search Central's Article structured-data guide):
 * each property present with the type the vocabulary gives it. Returns the problems found, so a
 * test prints all of them at once.
 */
type Json = Record<string, unknown>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAbsoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function imageProblems(image: unknown, where: string, requireSize: boolean): string[] {
  if (!isObject(image) || image['@type'] !== 'ImageObject') return [`${where} must be an ImageObject`];
  const problems: string[] = [];
  if (!isAbsoluteUrl(image.url)) problems.push(`${where}.url must be an absolute URL`);
  for (const dimension of ['width', 'height']) {
    const value = image[dimension];
    if (value === undefined ? requireSize : !(Number.isInteger(value) && (value as number) > 0))
      problems.push(`${where}.${dimension} must be a positive integer (pixels)`);
  }
  return problems;
}

function partyProblems(party: unknown, where: string): string[] {
  if (!isObject(party) || !['Person', 'Organization', 'NewsMediaOrganization'].includes(party['@type'] as string))
    return [`${where} must be a Person or an Organization`];
  const problems = isText(party.name) ? [] : [`${where}.name must be text`];
  if (party.url !== undefined && !isAbsoluteUrl(party.url)) problems.push(`${where}.url must be an absolute URL`);
  for (const same of list(party.sameAs)) if (!isAbsoluteUrl(same)) problems.push(`${where}.sameAs must hold absolute URLs`);
  return problems;
}

export function newsArticleProblems(jsonLd: unknown, options: { requireImageSize?: boolean } = {}): string[] {
  if (!isObject(jsonLd)) return ['JSON-LD must be an object'];
  const problems: string[] = [];
  if (jsonLd['@context'] !== 'https://schema.org') problems.push('@context must be https://schema.org');
  if (jsonLd['@type'] !== 'NewsArticle') problems.push('@type must be NewsArticle');
  if (!isText(jsonLd.headline) || (jsonLd.headline as string).length > 110) problems.push('headline must be text of at most 110 characters');
  for (const date of ['datePublished', 'dateModified']) {
    if (typeof jsonLd[date] !== 'string' || !ISO_INSTANT.test(jsonLd[date] as string)) problems.push(`${date} must be an ISO 8601 date-time with a time zone`);
  }
  if (Date.parse(jsonLd.dateModified as string) < Date.parse(jsonLd.datePublished as string)) problems.push('dateModified must not be before datePublished');
  const images = list(jsonLd.image);
  if (images.length === 0) problems.push('image must be present');
  images.forEach((image, index) => problems.push(...imageProblems(image, `image[${index}]`, options.requireImageSize ?? true)));
  const authors = list(jsonLd.author);
  if (authors.length === 0) problems.push('author must be present');
  authors.forEach((author, index) => problems.push(...partyProblems(author, `author[${index}]`)));
  if (jsonLd.sourceOrganization !== undefined) problems.push(...partyProblems(jsonLd.sourceOrganization, 'sourceOrganization'));
  if (!isObject(jsonLd.publisher)) problems.push('publisher must be an Organization');
  else {
    problems.push(...partyProblems(jsonLd.publisher, 'publisher'));
    problems.push(...imageProblems(jsonLd.publisher.logo, 'publisher.logo', true));
  }
  if (typeof jsonLd.inLanguage !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(jsonLd.inLanguage))
    problems.push('inLanguage must be a BCP 47 language code');
  if (typeof jsonLd.isAccessibleForFree !== 'boolean') problems.push('isAccessibleForFree must be a boolean');
  if (jsonLd.articleSection !== undefined && !isText(jsonLd.articleSection)) problems.push('articleSection must be text');
  if (jsonLd.keywords !== undefined && !isText(jsonLd.keywords)) problems.push('keywords must be text (comma-separated)');
  if (!isAbsoluteUrl(jsonLd.url)) problems.push('url must be an absolute URL');
  if (!isObject(jsonLd.mainEntityOfPage) || jsonLd.mainEntityOfPage['@id'] !== jsonLd.url) problems.push('mainEntityOfPage must name the canonical URL');
  return problems;
}
