/**
 * source-agency route
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::source-agency.source-agency');
