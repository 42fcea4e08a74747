/**
 * teaser service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::teaser.teaser');
