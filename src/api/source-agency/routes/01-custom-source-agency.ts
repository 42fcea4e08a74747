/** Public lookup by slug beside the core routes. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/source-agencies/by-slug/:slug',
      handler: 'api::source-agency.source-agency.bySlug',
      config: { auth: false },
    },
  ],
};
