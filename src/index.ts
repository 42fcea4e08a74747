import path from 'path';
import type { Core } from '@strapi/strapi';
import type { NovinarConfig } from '../config/novinar';
import { assertRuntimeSecrets } from '../config/env-helpers';
import { ensureLocales } from './bootstrap/locales';
import { DEFAULT_LOCALE } from './locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { enforceUsersRegistration } from './bootstrap/users-registration';
import { seedDemo } from './seed/seed-demo';
import { COMMENT } from './uids';
import { visibilityMiddleware } from './visibility';
import { slugMiddleware } from './slugs/slug-middleware';
import { publicationDatesMiddleware } from './articles/publication-dates-middleware';
import { correctionsMiddleware } from './corrections/corrections-middleware';
import { ensureSlugRegistryTable } from './slugs/slug-registry';
import { installAdminUidGenerator } from './slugs/admin-uid-generator';
import { relatedIndexMiddleware } from './related/related-index-middleware';
import { teaserOwnershipMiddleware } from './teasers/teaser-ownership-middleware';
import { teaserSyncMiddleware } from './teasers/teaser-sync-middleware';
import { ensureRelatedTables } from './related/related-store';
import { ensurePublicApiIndexes } from './database/indexes';
import { registerAdminRoutes } from './bootstrap/admin-routes';
import { registerDeskRoutes } from './desk/desk-routes';
import { sharedFieldsGuardMiddleware } from './translations/shared-fields-guard-middleware';
import { applyAdminLayouts } from './bootstrap/admin-layouts';
import { registerGraphqlExtensions } from './graphql';
import { installGraphqlProtections } from './graphql/protections';
import { cacheInvalidationMiddleware } from './cache/cache-invalidation-middleware';
import { createMemoryStore, createRedisStore } from './cache/cache-store';
import { logUnhandledRejections } from './process/log-unhandled-rejections';
import { quietStrapiPgQueueWarning } from './process/quiet-strapi-pg-queue-warning';
import { ensureGoLiveTable, goLiveMiddleware, startGoLive, stopGoLive } from './golive';
import { addNextChangeSource, cacheStore, refreshNextEmbargoRelease, useCacheStore } from './cache/response-cache';
import { nextFlagEnd } from './flags';
import { createGuardedRedis } from './redis/guarded-redis';
import { currentSharedRedis, useSharedRedis } from './redis/shared-redis';
import { doctorAtBoot } from './doctor';
import { ensureSearchTables, searchIndexMiddleware } from './search';
import { checkSeoSettings } from './seo/seo-settings';
import { installArticlePreview } from './articles/article-preview';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertRuntimeSecrets(strapi.config);
    logUnhandledRejections(strapi);
    quietStrapiPgQueueWarning();
    // Makes the very first boot create `bg` instead of `en` as the default locale.
    process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE ??= DEFAULT_LOCALE;
    // Outermost (first registered): invalidates once the write and all its follow-ups are done.
    strapi.documents.use(cacheInvalidationMiddleware(strapi));
    strapi.documents.use(visibilityMiddleware(strapi));
    // Benchmarks switch the write-time behaviour off to time plain Strapi writes (bench/run.ts).
    if (process.env.NOVINAR_WRITE_MIDDLEWARES !== 'false') {
      strapi.documents.use(sharedFieldsGuardMiddleware(strapi));
      strapi.documents.use(slugMiddleware(strapi));
      strapi.documents.use(publicationDatesMiddleware(strapi));
      strapi.documents.use(correctionsMiddleware(strapi));
      strapi.documents.use(teaserOwnershipMiddleware());
      // Related index outside teaser sync: after a publish the teaser is in step before the
      // article is indexed; an unpublish or delete takes both down in the related index's transaction.
      strapi.documents.use(relatedIndexMiddleware(strapi));
      strapi.documents.use(teaserSyncMiddleware(strapi));
      strapi.documents.use(searchIndexMiddleware(strapi));
      strapi.documents.use(goLiveMiddleware(strapi));
    }
    // Cached answers end when a breaking/featured flag does, as they end at an embargo release.
    addNextChangeSource(nextFlagEnd);
    registerGraphqlExtensions(strapi);
    installGraphqlProtections(strapi);
    registerAdminRoutes(strapi);
    installArticlePreview(strapi);
    registerDeskRoutes(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const config = strapi.config.get('novinar') as NovinarConfig;
    // A malformed PUBLIC_SITE_URL stops the start here, naming the variable.
    checkSeoSettings(strapi);
    await ensureSlugRegistryTable(strapi.db.connection);
    await ensureRelatedTables(strapi.db.connection);
    await ensureSearchTables(strapi.db.connection);
    await ensureGoLiveTable(strapi.db.connection);
    await ensurePublicApiIndexes(strapi.db.connection);
    installAdminUidGenerator(strapi);
    await ensureLocales(strapi, config.extraLocales);
    await ensurePublicPermissions(strapi);
    await enforceUsersRegistration(strapi, config.usersRegistration);
    await ensureAdminRoles(strapi, [DEFAULT_LOCALE, ...config.extraLocales]);
    await applyAdminLayouts(strapi);
    if (config.seedDemo) {
      await seedDemo(strapi, path.join(strapi.dirs.app.root, 'src', 'seed', 'data'));
    }
    // One connection and one breaker for the response cache and the comment rate limits.
    const redis = config.redisUrl ? createGuardedRedis(config.redisUrl, config.redis, strapi.log) : null;
    useSharedRedis(redis);
    // Bounded: with Redis down the app starts without it (and reconnects in the background).
    if (redis && !(await redis.connected())) strapi.log.warn('Redis is not reachable at start; going on without it until it is.');
    await doctorAtBoot(strapi, config.doctor);
    if (config.cache.enabled) {
      useCacheStore(redis ? createRedisStore(redis) : createMemoryStore(config.cache.maxEntries, config.cache.maxBytes));
      // Entries may be left from before this start (Redis, or another version of the app).
      await cacheStore()?.clear();
    }
    await refreshNextEmbargoRelease(strapi);
    await startGoLive(strapi, config.golive);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopGoLive();
    await strapi.service(COMMENT).closeRateLimiter();
    await cacheStore()?.close();
    useCacheStore(null);
    await currentSharedRedis()?.close();
    useSharedRedis(null);
  },
};
