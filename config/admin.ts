import type { Core } from '@strapi/strapi';
import { requiredEnv } from './env-helpers';
import { previewUrl } from '../src/domain/preview/preview-url';
import { articlePath } from '../src/domain/articles/article-path';

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
      async handler(uid, { documentId, locale, status }) {
        if (uid !== 'api::article.article') return null;
        const document = (await strapi.documents(uid).findOne({ documentId, locale, status: status === 'published' ? 'published' : 'draft', fields: ['slug', 'locale'] } as never)) as { slug?: string; locale?: string } | null;
        if (!document?.slug) return null;
        const path = articlePath(env('ARTICLE_PATH_PATTERN', '/{locale}/{slug}'), document.locale ?? locale ?? 'bg', document.slug);
        return previewUrl(env('PREVIEW_URL', ''), env('PREVIEW_SECRET', ''), path, status ?? 'draft');
      },
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});

export default adminConfig;
