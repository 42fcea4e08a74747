import { factories } from '@strapi/strapi';

/**
 * Strapi's core router for a public type, with the readable-query policy on its reading routes
 * (src/policies/readable-query.ts).
 */
export function publicCoreRouter(uid: string) {
  const policies = [{ name: 'global::readable-query', config: { uid } }];
  return factories.createCoreRouter(uid as Parameters<typeof factories.createCoreRouter>[0], { config: { find: { policies }, findOne: { policies } } });
}
