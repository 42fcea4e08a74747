/**
 * GET /api/translations/status?locale=en — not public: an API token, or a logged-in user whose
 * role was granted api::translation.translation.status.
 */
export default {
  routes: [{ method: 'GET', path: '/translations/status', handler: 'api::translation.translation.status', config: {} }],
};
