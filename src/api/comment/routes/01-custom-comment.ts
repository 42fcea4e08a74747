/**
 * Public comment routes. The core /comments routes stay closed to the Public role (they would
 * expose pending comments); these answer only with approved comments and public fields.
 */
export default {
  routes: [
    { method: 'POST', path: '/articles/by-slug/:slug/comments', handler: 'api::comment.comment.submit', config: { auth: false } },
    { method: 'GET', path: '/articles/by-slug/:slug/comments', handler: 'api::comment.comment.list', config: { auth: false } },
    { method: 'GET', path: '/comments/counts', handler: 'api::comment.comment.counts', config: { auth: false } },
  ],
};
