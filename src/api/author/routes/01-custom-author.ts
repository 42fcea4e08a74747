/** Public lookups by slug beside the core routes: the author, and the author's latest stories as cards. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/authors/by-slug/:slug',
      handler: 'api::author.author.bySlug',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/authors/by-slug/:slug/articles',
      handler: 'api::author.author.articles',
      config: { auth: false },
    },
  ],
};
