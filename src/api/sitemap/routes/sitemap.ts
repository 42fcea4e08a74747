/** Sitemaps (sitemaps.org 0.9, hreflang alternates, Google News): src/sitemaps. */
const route = (path: string, action: string) => ({ method: 'GET', path, handler: `api::sitemap.sitemap.${action}`, config: { auth: false } });

export default {
  routes: [
    route('/sitemaps/index.xml', 'index'),
    route('/sitemaps/news.xml', 'news'),
    route('/sitemaps/sections.xml', 'sections'),
    route('/sitemaps/tags.xml', 'tags'),
    route('/sitemaps/authors.xml', 'authors'),
    route('/sitemaps/articles/:file', 'articles'),
  ],
};
