/** Public lookup by slug beside the core routes. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/sections/by-slug/:slug',
      handler: 'api::section.section.bySlug',
      config: { auth: false },
    },
  ],
};
