import type { Core } from '@strapi/strapi';
import type { SlugLookup } from './find-by-slug';
import type { SluggedUid } from '../uids';

type Entry = Record<string, unknown>;
export interface SlugRouteContext {
  path: string;
  params: { slug: string };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
  notFound(message: string): unknown;
  state: { auth?: unknown };
}

/**
 * Shared tail of the by-slug actions: 200 with the sanitized entry in Strapi's response shape,
 * 301 to the current slug's URL for a former slug, 404 otherwise.
 */
export async function respondBySlug(
  strapi: Core.Strapi,
  ctx: SlugRouteContext,
  uid: SluggedUid,
  lookup: SlugLookup<Entry>,
  locale: string,
  decorate: (entry: Entry) => Entry = (entry) => entry,
  options: { sanitized?: boolean } = {},
) {
  if (lookup.kind === 'missing') return ctx.notFound(`No published entry with slug "${ctx.params.slug}" in locale ${locale}.`);
  if (lookup.kind === 'moved') {
    const base = ctx.path.slice(0, ctx.path.length - encodeURIComponent(ctx.params.slug).length);
    ctx.status = 301;
    ctx.set('Location', `${base}${encodeURIComponent(lookup.slug)}?locale=${encodeURIComponent(locale)}`);
    ctx.body = { data: null, meta: { redirect: { slug: lookup.slug, locale } } };
    return ctx.body;
  }
  const { commentCount, ...rest } = lookup.document as Entry & { commentCount?: number };
  // An entry read field by field from public columns (`sanitized`) needs no sanitizer pass.
  const sanitized = options.sanitized ? rest : ((await strapi.contentAPI.sanitize.output(rest, strapi.getModel(uid), { auth: ctx.state.auth })) as Entry);
  const data = decorate(commentCount === undefined ? sanitized : { ...sanitized, commentCount });
  return { data, meta: {} };
}
