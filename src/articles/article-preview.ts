import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../uids';
import { DEFAULT_LOCALE } from '../locales';
import { previewUrl } from '../domain/preview/preview-url';
import { articlePath } from '../domain/articles/article-path';

interface PreviewParams {
  documentId: string;
  locale?: string | null;
  status?: string | null;
}
interface PreviewSettings {
  url: string;
  secret: string;
}

/**
 * Strapi 5 preview: the URL of an article's draft (or published version) on the public site,
 * which the edit view's "Open preview" button opens. Other content types have no preview.
 */
export function articlePreviewHandler(strapi: Core.Strapi) {
  return async (uid: string, { documentId, locale, status }: PreviewParams): Promise<string | null> => {
    if (uid !== ARTICLE) return null;
    // `as never`: the generated findOne params do not accept a locale/status known only at run time.
    const document = (await strapi
      .documents(ARTICLE)
      .findOne({ documentId, locale, status: status === 'published' ? 'published' : 'draft', fields: ['slug', 'locale'] } as never)) as {
      slug?: string;
      locale?: string;
    } | null;
    if (!document?.slug) return null;
    const settings = strapi.config.get('novinar.preview') as PreviewSettings;
    const path = articlePath(strapi.config.get('novinar.articlePathPattern') as string, document.locale ?? locale ?? DEFAULT_LOCALE, document.slug);
    return previewUrl(settings.url, settings.secret, path, status ?? 'draft');
  };
}

/**
 * Puts the handler into `admin.preview.config.handler` from register(), with the strapi
 * instance instead of the global. The content manager checks that a handler function is
 * configured during its own register (which runs before the app's), so config/admin.ts holds a
 * placeholder; it reads the handler from the config on every preview request, so this one serves.
 */
export function installArticlePreview(strapi: Core.Strapi): void {
  strapi.config.set('admin.preview.config.handler', articlePreviewHandler(strapi));
}
