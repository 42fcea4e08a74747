/**
 * search service: the one method REST and GraphQL answer from.
 */
import type { Core } from '@strapi/strapi';
import { findSearch, type SearchPage, type SearchQuery } from '../../../search/find-search';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findSearch(query: SearchQuery): Promise<SearchPage> {
    return findSearch(strapi, query);
  },
});
