/**
 * Public lookups beside the core routes. Public read access is the point of these routes, and
 * the Document Service middleware enforces "published and released" on them.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/by-slug/:slug',
      handler: 'api::article.article.bySlug',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/articles/by-slug/:slug/seo',
      handler: 'api::article.article.seo',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/articles/by-slug/:slug/related',
      handler: 'api::article.article.related',
      config: { auth: false },
    },
  ],
};
