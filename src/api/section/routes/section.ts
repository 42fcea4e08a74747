/**
 * section route: Strapi's core routes, reading ones behind the readable-query policy.
 */
import { SECTION } from '../../../uids';
import { publicCoreRouter } from '../../../visibility/public-core-router';

export default publicCoreRouter(SECTION);
