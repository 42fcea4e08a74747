import type { Core } from '@strapi/strapi';
import { slugifyTitle } from '../domain/slug';
import { DEFAULT_LOCALE } from '../locales';
import { SLUG_SOURCE_FIELD, isSluggedUid } from './slug-source';
import { createSlugRegistry } from './slug-registry';
import { inTransaction } from '../database/transaction';
import { nextFreeSlug } from '../domain/slug';

interface UidArgs {
  contentTypeUID: string;
  field: string;
  data?: Record<string, unknown>;
  value?: string;
  locale?: string;
}
interface UidService {
  generateUIDField(args: UidArgs): Promise<string>;
  checkUIDAvailability(args: UidArgs): Promise<boolean>;
}

/**
 * The admin panel's slug field asks the content-manager "uid" service to generate and check
 * slugs. Its generator is @sindresorhus/slugify with a Russian table ("България" →
 * "blgariya") and it checks only drafts of one locale. For our slugged types both questions
 * are answered by the same transliteration and registry the server uses on save.
 */
export function installAdminUidGenerator(strapi: Core.Strapi): void {
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const service = strapi.plugin('content-manager').service('uid') as unknown as UidService;
  const generate = service.generateUIDField.bind(service);
  const check = service.checkUIDAvailability.bind(service);

  service.generateUIDField = async (args) => {
    if (!isSluggedUid(args.contentTypeUID) || args.field !== 'slug') return generate(args);
    const locale = args.locale ?? DEFAULT_LOCALE;
    const base = slugifyTitle(String(args.data?.[SLUG_SOURCE_FIELD[args.contentTypeUID]] ?? ''), locale);
    const documentId = typeof args.data?.documentId === 'string' ? args.data.documentId : undefined;
    const uid = args.contentTypeUID;
    return inTransaction(strapi, async (trx) => {
      const registry = createSlugRegistry(trx);
      const taken = await registry.takenLike(uid, locale, base);
      // The document's own slugs are not a collision with itself.
      if (documentId) for (const row of await registry.rowsOf(uid, documentId, locale)) taken.delete(row.slug);
      return nextFreeSlug(base, taken);
    });
  };

  service.checkUIDAvailability = async (args) => {
    if (!isSluggedUid(args.contentTypeUID) || args.field !== 'slug' || !args.value) return check(args);
    const locale = args.locale ?? DEFAULT_LOCALE;
    const uid = args.contentTypeUID;
    const row = await inTransaction(strapi, (trx) => createSlugRegistry(trx).find(uid, locale, String(args.value)));
    return !row && (await check(args));
  };
}
