import type { Core } from '@strapi/strapi';
import { articleBySlugExtension } from './article-by-slug';
import { embargoGuardConfig } from './embargo-guard';
import { commentsExtension } from './comments';
import { feedsExtension } from './feeds';
import { COMMENT } from '../uids';

interface ExtensionService {
  use(extension: unknown): void;
  shadowCRUD(uid: string): { disable(): void };
}

/** Registers the project's GraphQL schema extensions (they call the same services as REST). */
export function registerGraphqlExtensions(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension') as unknown as ExtensionService;
  extension.use(() => articleBySlugExtension(strapi));
  extension.use(() => ({ resolversConfig: embargoGuardConfig(strapi) }));
  // No generated Comment type: it would expose pending comments and private fields.
  extension.shadowCRUD(COMMENT).disable();
  extension.use(() => commentsExtension(strapi));
  extension.use(() => feedsExtension(strapi));
}
