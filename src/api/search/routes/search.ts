/** Public search (src/search): published, released stories only, whoever asks. */
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'api::search.search.search', config: { auth: false } }],
};
