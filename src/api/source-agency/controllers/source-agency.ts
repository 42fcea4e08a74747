/**
 * source-agency controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::source-agency.source-agency');
