/**
 * sitemap controller: no query parameters; article sitemaps are named `<locale>-<page>.xml`.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertOnlyParams, resolveLocale } from '../../../http/query-params';
import { respondText, type TextContext } from '../../../http/respond-text';
import type { PageSitemap } from '../../../sitemaps/sitemap-answers';

const SITEMAP = 'api::sitemap.sitemap';
const ARTICLE_FILE = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*)-([1-9]\d{0,5})\.xml$/i;

type Ctx = TextContext & { query: Record<string, unknown>; params: Record<string, string> };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service(SITEMAP);
  const pages = (name: PageSitemap) => async (ctx: Ctx) => {
    assertOnlyParams(ctx.query, []);
    return respondText(ctx, await service().findPages(name));
  };
  return {
    async index(ctx: Ctx) {
      assertOnlyParams(ctx.query, []);
      return respondText(ctx, await service().findIndex());
    },
    async news(ctx: Ctx) {
      assertOnlyParams(ctx.query, []);
      return respondText(ctx, await service().findNews());
    },
    async articles(ctx: Ctx) {
      assertOnlyParams(ctx.query, []);
      const match = ARTICLE_FILE.exec(ctx.params.file ?? '');
      if (!match) throw new errors.ValidationError('An article sitemap is named <locale>-<page>.xml, e.g. bg-1.xml (see /api/sitemaps/index.xml).');
      const locale = await resolveLocale(strapi, match[1]);
      const answer = await service().findArticles(locale, Number(match[2]));
      if (!answer) throw new errors.NotFoundError(`The ${locale} article sitemap has no page ${match[2]} (see /api/sitemaps/index.xml).`);
      return respondText(ctx, answer);
    },
    sections: pages('sections'),
    tags: pages('tags'),
    authors: pages('authors'),
  };
};
