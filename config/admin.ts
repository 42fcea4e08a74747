import type { Core } from '@strapi/strapi';
import { requiredEnv } from './env-helpers';

const adminConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: requiredEnv(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: requiredEnv(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: requiredEnv(env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: requiredEnv(env, 'ENCRYPTION_KEY'),
  },
  // Strapi 5 preview: an editor opens a draft on the public site (PREVIEW_URL) from the edit view.
  preview: {
    enabled: Boolean(env('PREVIEW_URL', '')),
    config: {
      allowedOrigins: env.array('PREVIEW_URL', []) as string[],
      // Placeholder: register() installs the real handler, which needs the strapi instance
      // (src/articles/article-preview.ts). The content manager refuses to start unless a function is here.
      handler: () => null,
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});

export default adminConfig;
