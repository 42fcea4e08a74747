import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../../src/uids';

/** Finds a seeded or created article's documentId by its bg title; fails loudly when missing. */
export async function articleIdByTitle(strapi: Core.Strapi, title: string, locale = 'bg'): Promise<string> {
  const found = await strapi.documents(ARTICLE).findFirst({ locale, filters: { title } });
  if (!found) throw new Error(`fixture: no article titled "${title}" in ${locale}`);
  return found.documentId;
}

export const MAIN_TITLE = 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун, праща му послание за по-тясно сътрудничество';

/** A rich-text body of one paragraph: the blocks the admin's editor would store for `text`. */
export const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export interface PublishedFixture {
  documentId: string;
  slug: string;
}

/**
 * Creates an article through the Document Service and publishes it, as an editor would: one
 * helper for every suite. `body` is plain text (one paragraph); other fields pass through.
 */
export async function publishArticle(
  strapi: Core.Strapi,
  data: { title: string; body?: string } & Record<string, unknown>,
  locale = 'bg',
): Promise<PublishedFixture> {
  const { body, ...fields } = data;
  const articles = strapi.documents(ARTICLE);
  // The Document Service's input type is generated per content type and does not take a loose record; the fields are the schema's.
  const created = await articles.create({ locale, data: { ...fields, ...(body === undefined ? {} : { body: paragraph(body) }) } as never });
  await articles.publish({ documentId: created.documentId, locale });
  const { documentId, slug } = created as { documentId?: string; slug?: string };
  if (!documentId || !slug) throw new Error(`fixture: "${data.title}" was created without a documentId or slug`);
  return { documentId, slug };
}

/** Creates a draft article (not published) through the Document Service. */
export async function createDraftArticle(strapi: Core.Strapi, data: { title: string; lede?: string }, locale = 'bg') {
  return strapi.documents(ARTICLE).create({ locale, data: { lede: 'Чернова.', ...data } });
}

export async function graphql(
  request: import('supertest').Agent | ReturnType<typeof import('supertest')>,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return (request as ReturnType<typeof import('supertest')>).post('/graphql').send({ query, variables });
}

/** A content-API token of that type: what a front end or an import script would hold. */
async function createApiToken(strapi: Core.Strapi, type: 'full-access' | 'read-only'): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `${type}-${Math.random().toString(36).slice(2)}`,
    description: 'integration test',
    type,
    kind: 'content-api',
    lifespan: null,
  });
  if (!token?.accessKey) throw new Error(`fixture: ${type} API token was not created`);
  return token.accessKey as string;
}

/** A full-access content-API token, as an import script would hold. */
export const createFullAccessToken = (strapi: Core.Strapi) => createApiToken(strapi, 'full-access');

/** A read-only content-API token: what a server-rendered front end reads with. */
export const createReadOnlyToken = (strapi: Core.Strapi) => createApiToken(strapi, 'read-only');

/** An active admin user with the role of that code (super admin by default); returns its credentials. */
export async function createAdminUser(strapi: Core.Strapi, roleCode = 'strapi-super-admin') {
  const email = `${roleCode}-${Math.random().toString(36).slice(2)}@example.com`;
  const password = `Test-${Math.random().toString(36).slice(2)}-Aa1`;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`fixture: no admin role with code ${roleCode}`);
  await strapi.service('admin::user').create({ email, firstname: 'Тест', lastname: 'Потребител', password, isActive: true, roles: [role.id] });
  return { email, password };
}

export const createSuperAdmin = (strapi: Core.Strapi) => createAdminUser(strapi);

/** Logs an admin in through the admin API and returns the JWT for Authorization headers. */
export async function adminLogin(server: Parameters<typeof import('supertest')>[0], credentials: { email: string; password: string }): Promise<string> {
  const res = await (await import('supertest')).default(server).post('/admin/login').send(credentials);
  if (res.status !== 200 || !res.body?.data?.token) throw new Error(`fixture: admin login failed (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}

/** Moves the app's clock (dist/src/clock, the instance the booted app uses). */
export function setAppClock(at: Date | null): void {
  const clock = require('../../dist/src/clock') as typeof import('../../src/clock');
  clock.setClock(at ? () => new Date(at.getTime()) : null);
}

/** A users-permissions user of the Authenticated role (confirmed; blocked if asked) and a JWT issued for it. */
export async function createUserJwt(strapi: Core.Strapi, options: { blocked?: boolean } = {}): Promise<string> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) throw new Error('fixture: no users-permissions role "authenticated"');
  const name = `reader-${Math.random().toString(36).slice(2)}`;
  const usersPermissions = strapi.plugin('users-permissions');
  const user = await usersPermissions.service('user').add({
    username: name,
    email: `${name}@example.com`,
    password: `Test-${name}-Aa1`,
    provider: 'local',
    confirmed: true,
    blocked: options.blocked ?? false,
    role: role.id,
  });
  if (!user?.id) throw new Error('fixture: users-permissions user was not created');
  return usersPermissions.service('jwt').issue({ id: user.id }) as string;
}
