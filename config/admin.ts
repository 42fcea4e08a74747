import type { Core } from '@strapi/strapi';

const adminConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', ''),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', ''),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', ''),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', ''),
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
