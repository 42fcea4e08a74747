/**
 * source-agency route: Strapi's core routes, reading ones behind the readable-query policy.
 */
import { SOURCE_AGENCY } from '../../../uids';
import { publicCoreRouter } from '../../../visibility/public-core-router';

export default publicCoreRouter(SOURCE_AGENCY);
