/**
 * section controller: core actions plus `bySlug` (a former slug answers 301).
 */
import { factories } from '@strapi/strapi';
import { SECTION } from '../../../uids';
import { bySlugAction } from '../../../slugs/by-slug-action';

export default factories.createCoreController(SECTION, ({ strapi }) => ({
  bySlug: bySlugAction(strapi, SECTION),
}));
