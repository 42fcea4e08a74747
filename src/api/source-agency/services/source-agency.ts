/**
 * source-agency service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::source-agency.source-agency');
