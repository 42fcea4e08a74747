export { absoluteUrl, fillPathPattern, normaliseSiteUrl } from './public-url';
export { jsonLdHeadline, metaDescription, metaTitle, shortenAtWord, HEADLINE_MAX, META_DESCRIPTION_MAX } from './meta-text';
export { hreflangAlternates, openGraphLocale, type Alternate, type Variant } from './hreflang';
export { newsArticleJsonLd, type NewsArticleInput, type Publisher, type SeoImage, type SeoOrganization, type SeoPerson } from './news-article-json-ld';
export { buildArticleSeo, type ArticleSeo, type SeoArticle, type SeoSettings } from './article-seo';
