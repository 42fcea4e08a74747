/**
 * teaser service: core CRUD plus the latest-stories feed REST and GraphQL share.
 */
import { factories } from '@strapi/strapi';
import { TEASER } from '../../../uids';
import { latestTeasers, type LatestPage, type LatestQuery } from '../../../teasers/latest-teasers';

export default factories.createCoreService(TEASER, ({ strapi }) => ({
  async findLatest(query: LatestQuery): Promise<LatestPage> {
    return latestTeasers(strapi, query);
  },
}));
