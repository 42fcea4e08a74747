/**
 * author route: Strapi's core routes, reading ones behind the readable-query policy.
 */
import { AUTHOR } from '../../../uids';
import { publicCoreRouter } from '../../../visibility/public-core-router';

export default publicCoreRouter(AUTHOR);
