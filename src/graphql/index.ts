import type { Core } from '@strapi/strapi';
import { articleBySlugExtension } from './article-by-slug';
import { embargoGuardConfig } from './embargo-guard';
import { commentsExtension } from './comments';
import { feedsExtension } from './feeds';
import { searchExtension } from './search';
import { authorsExtension } from './authors';
import { seoExtension } from './seo';
import { COMMENT } from '../uids';

interface ShadowCrud {
  disable(): void;
  disableQueries(): void;
  field(name: string): { disable(): void };
}
interface ExtensionService {
  use(extension: unknown): void;
  shadowCRUD(uid: string): ShadowCrud;
}

/** Registers the project's GraphQL schema extensions (they call the same services as REST). */
export function registerGraphqlExtensions(strapi: Core.Strapi): void {
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const extension = strapi.plugin('graphql').service('extension') as unknown as ExtensionService;
  extension.use(() => articleBySlugExtension(strapi));
  extension.use(() => ({ resolversConfig: embargoGuardConfig(strapi) }));
  // No generated Comment type: it would expose pending comments and private fields.
  extension.shadowCRUD(COMMENT).disable();
  // No listing of media files or reader accounts: an API token's read-only grant would open them
  // (files list every row using them, drafts included). Media come with the content that shows
  // them; a file's `related` field is never served.
  extension.shadowCRUD('plugin::upload.file').disableQueries();
  extension.shadowCRUD('plugin::upload.file').field('related').disable();
  extension.shadowCRUD('plugin::users-permissions.user').disableQueries();
  extension.shadowCRUD('plugin::users-permissions.role').disableQueries();
  extension.use(() => commentsExtension(strapi));
  extension.use(() => feedsExtension(strapi));
  extension.use(() => searchExtension(strapi));
  extension.use(() => authorsExtension(strapi));
  extension.use(() => seoExtension(strapi));
}
