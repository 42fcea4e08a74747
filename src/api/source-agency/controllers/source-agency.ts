/**
 * source-agency controller: core actions plus `bySlug` (a former slug answers 301).
 */
import { factories } from '@strapi/strapi';
import { SOURCE_AGENCY } from '../../../uids';
import { bySlugAction } from '../../../slugs/by-slug-action';

export default factories.createCoreController(SOURCE_AGENCY, ({ strapi }) => ({
  bySlug: bySlugAction(strapi, SOURCE_AGENCY),
}));
