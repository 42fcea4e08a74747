import type { Core } from '@strapi/strapi';
import { requiredEnv } from './env-helpers';

const pluginsConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The plugin's own maxLimit default is -1 (unlimited): bound every list explicitly.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
      },
    },
  },
  upload: {
    config: {
      // Local uploads (public/uploads) with a long max-age for browsers and CDNs. Not `immutable`:
      // the admin's "replace media" keeps the file's URL.
      providerOptions: { localServer: { maxage: env.int('UPLOADS_MAX_AGE', 30 * 24 * 3600) * 1000 } },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: requiredEnv(env, 'JWT_SECRET'),
    },
  },
});

export default pluginsConfig;
