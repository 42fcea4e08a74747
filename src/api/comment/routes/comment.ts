/**
 * comment route: none of Strapi's core routes. Comments are read and written only through the
 * custom routes (01-custom-comment.ts), which show approved comments and never private fields;
 * a core `find` would list pending ones to any API token with a read grant.
 */
import { factories } from '@strapi/strapi';
import { COMMENT } from '../../../uids';

export default factories.createCoreRouter(COMMENT, { only: [] });
