/**
 * sitemap service: one method per sitemap file.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../../locales';
import type { TextAnswer } from '../../../http/respond-text';
import { knownLocales } from '../../../http/query-params';
import { articleSitemap, newsSitemap, pageSitemap, sitemapIndex, type PageSitemap } from '../../../sitemaps/sitemap-answers';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findIndex(): Promise<TextAnswer> {
    // The locales every public read checks (re-read at most once a minute): no statement of their own.
    const locales = [...(await knownLocales(strapi))];
    // The default locale first: crawlers read an index in order.
    return sitemapIndex(strapi, [DEFAULT_LOCALE, ...locales.filter((code) => code !== DEFAULT_LOCALE).sort()]);
  },
  async findArticles(locale: string, page: number): Promise<TextAnswer | null> {
    return articleSitemap(strapi, locale, page);
  },
  async findNews(): Promise<TextAnswer> {
    return newsSitemap(strapi);
  },
  async findPages(name: PageSitemap): Promise<TextAnswer> {
    return pageSitemap(strapi, name);
  },
});
