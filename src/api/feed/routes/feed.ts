/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest public stories (src/feeds). */
export default {
  routes: (['rss', 'atom', 'json'] as const).map((format) => ({
    method: 'GET',
    path: `/feeds/${format}`,
    handler: `api::feed.feed.${format}`,
    config: { auth: false },
  })),
};
