/**
 * tag controller: core actions plus `bySlug` (a former slug answers 301).
 */
import { factories } from '@strapi/strapi';
import { TAG } from '../../../uids';
import { bySlugAction } from '../../../slugs/by-slug-action';

export default factories.createCoreController(TAG, ({ strapi }) => ({
  bySlug: bySlugAction(strapi, TAG),
}));
