import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { slugifyTitle, slugOnUpdate, validateSlug } from '../domain/slug';
import { DEFAULT_LOCALE } from '../locales';
import { createSlugRegistry, isPublishedRow, newPlaceholderOwner, type SlugRegistry } from './slug-registry';
import { inTransaction } from '../database/transaction';
import { SLUG_SOURCE_FIELD, isSluggedUid } from './slug-source';
import type { SluggedUid } from '../uids';
import { actionLocales } from '../domain/documents/action-locales';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Next = Parameters<Middleware>[1];
type Result = Awaited<ReturnType<Next>>;
type Data = Record<string, unknown>;
interface Params {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Data;
}

const singleLocale = (locale: Params['locale']): string | undefined => (typeof locale === 'string' && locale !== '*' ? locale : undefined);

function badSlug(message: string, slug: unknown): never {
  throw new errors.ValidationError(message, { errors: [{ path: ['slug'], message, name: 'ValidationError', value: slug }] });
}

async function claimTyped(registry: SlugRegistry, uid: SluggedUid, locale: string, slug: string, owner: string, published: boolean) {
  const problem = validateSlug(slug);
  if (problem) badSlug(`Invalid slug "${slug}": ${problem}`, slug);
  const existing = await registry.find(uid, locale, slug);
  if (existing && existing.document_id !== owner) badSlug(`The slug "${slug}" is already used by another document in locale ${locale}.`, slug);
  if (!existing && !(await registry.claimExact(uid, locale, slug, owner, published))) {
    badSlug(`The slug "${slug}" is already used by another document in locale ${locale}.`, slug);
  }
}

/**
 * Fills and guards slugs of Articles, Teasers, Source agencies, Tags and Sections on every write
 * path (REST, GraphQL, admin, Document Service, seed): Strapi generates uid values only in the
 * admin panel (#17540). A slug is generated when empty, kept once the document has been
 * published, regenerated from a new title only while it was never published and not typed by
 * an editor, and a typed slug is validated. Former published slugs stay in the registry.
 */
export function slugMiddleware(strapi: Core.Strapi): Middleware {
  const hasDraftAndPublish = (uid: string) => Boolean(strapi.contentType(uid as SluggedUid).options?.draftAndPublish);

  async function onCreate(uid: SluggedUid, params: Params, next: Next): Promise<Result> {
    const locale = singleLocale(params.locale) ?? DEFAULT_LOCALE;
    const data: Data = params.data ?? {};
    const published = !hasDraftAndPublish(uid) || params.status === 'published';
    return inTransaction(strapi, async (trx) => {
      const registry = createSlugRegistry(trx);
      const owner = newPlaceholderOwner();
      if (typeof data.slug === 'string' && data.slug.trim() !== '') {
        data.slug = data.slug.trim();
        await claimTyped(registry, uid, locale, data.slug as string, owner, published);
      } else {
        const source = String(data[SLUG_SOURCE_FIELD[uid]] ?? '');
        data.slug = await registry.claimFree(uid, locale, slugifyTitle(source, locale), owner, published);
      }
      params.data = data;
      const result = await next();
      const created = result as { documentId?: string } | null;
      if (created?.documentId) await registry.assignOwner(uid, owner, created.documentId);
      return result;
    });
  }

  async function onUpdate(uid: SluggedUid, params: Params, next: Next): Promise<Result> {
    const { documentId } = params;
    if (!documentId) return next();
    const locale = singleLocale(params.locale) ?? DEFAULT_LOCALE;
    const data: Data = params.data ?? {};
    const sourceField = SLUG_SOURCE_FIELD[uid];
    const dp = hasDraftAndPublish(uid);
    return inTransaction(strapi, async (trx) => {
      const registry = createSlugRegistry(trx);
      const where: Record<string, unknown> = { documentId, locale };
      if (dp) where.publishedAt = null;
      const current = (await strapi.db.query(uid).findOne({ where, select: ['slug', sourceField] })) as Data | null;
      const currentSlug = typeof current?.slug === 'string' && current.slug ? current.slug : null;
      const rows = await registry.rowsOf(uid, documentId, locale);
      const everPublished = !dp || rows.some(isPublishedRow);
      const source = String(data[sourceField] ?? current?.[sourceField] ?? '');
      const decision = slugOnUpdate({
        requested: data.slug,
        currentSlug,
        everPublished,
        sourceSent: data[sourceField],
        currentSource: current?.[sourceField],
        locale,
      });
      let slug: string;
      if (decision.kind === 'typed') {
        slug = decision.slug;
        await claimTyped(registry, uid, locale, slug, documentId, !dp);
      } else if (decision.kind === 'generate') {
        slug = await registry.claimFree(uid, locale, slugifyTitle(source, locale), documentId, !dp);
      } else {
        slug = decision.slug;
        if (!rows.some((row) => row.slug === slug)) await registry.claimExact(uid, locale, slug, documentId, !dp);
      }
      await registry.retire(uid, documentId, locale, slug);
      data.slug = slug;
      params.data = data;
      const result = await next();
      // An update with status 'published' publishes internally, past the 'publish' middleware.
      if (dp && params.status === 'published') await registry.markPublished(uid, documentId, locale);
      return result;
    });
  }

  return async (context, next) => {
    const { uid, action } = context;
    if (!isSluggedUid(uid)) return next();
    const params = context.params as Params;
    switch (action) {
      case 'create':
        return onCreate(uid, params, next);
      case 'update':
        return onUpdate(uid, params, next);
      case 'publish': {
        const result = await next();
        if (params.documentId) {
          const { documentId } = params;
          await inTransaction(strapi, async (trx) => {
            const registry = createSlugRegistry(trx);
            if (params.locale === '*') await registry.markPublished(uid, documentId, undefined);
            else for (const locale of actionLocales(params.locale, DEFAULT_LOCALE, [])) await registry.markPublished(uid, documentId, locale);
          });
        }
        return result;
      }
      case 'delete': {
        if (!params.documentId) return next();
        const { documentId } = params;
        // A deleted variant's slugs, current and former, answer 404 from now on and are free for
        // reuse: a redirect would lead to nothing. In the delete's transaction, so they go with it.
        return inTransaction(strapi, async (trx) => {
          const result = await next();
          const registry = createSlugRegistry(trx);
          if (params.locale === '*') await registry.forget(uid, documentId);
          else for (const locale of actionLocales(params.locale, DEFAULT_LOCALE, [])) await registry.forget(uid, documentId, locale);
          return result;
        });
      }
      default:
        return next();
    }
  };
}
