/** Public lookup by slug beside the core routes. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/tags/by-slug/:slug',
      handler: 'api::tag.tag.bySlug',
      config: { auth: false },
    },
  ],
};
