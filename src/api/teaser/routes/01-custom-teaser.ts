/** The latest-stories feed beside the core teaser routes (registered first, so /teasers/latest is not read as an id). */
export default {
  routes: [{ method: 'GET', path: '/teasers/latest', handler: 'api::teaser.teaser.latest', config: { auth: false } }],
};
