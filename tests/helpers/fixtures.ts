import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../../src/uids';

/** Finds a seeded or created article's documentId by its bg title; fails loudly when missing. */
export async function articleIdByTitle(strapi: Core.Strapi, title: string, locale = 'bg'): Promise<string> {
  const found = await strapi.documents(ARTICLE).findFirst({ locale, filters: { title } });
  if (!found) throw new Error(`fixture: no article titled "${title}" in ${locale}`);
  return found.documentId;
}

export const MAIN_TITLE = 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун, праща му послание за по-тясно сътрудничество';

/** Creates a draft article (not published) through the Document Service. */
export async function createDraftArticle(strapi: Core.Strapi, data: { title: string; lede?: string }, locale = 'bg') {
  return strapi.documents(ARTICLE).create({ locale, data: { lede: 'Чернова.', ...data } });
}

export async function graphql(request: import('supertest').Agent | ReturnType<typeof import('supertest')>, query: string, variables: Record<string, unknown> = {}) {
  return (request as ReturnType<typeof import('supertest')>).post('/graphql').send({ query, variables });
}
