import { listTagsForPath, listTagsForRequest } from '../list-tags';

const ARTICLES = 'list:api::article.article';
const TEASERS = 'list:api::teaser.teaser';
const TAGS = 'list:api::tag.tag';

describe('listTagsForPath', () => {
  test.each([
    ['/api/articles', [ARTICLES]],
    ['/api/tags', [TAGS, ARTICLES]],
    ['/api/teasers/latest', [ARTICLES, TEASERS]],
    ['/api/tags/nwsa3em78w8bsfa7eggvj5d5', []],
    ['/api/articles/by-slug/putin', []],
    ['/api/i18n/locales', ['list:plugin::i18n.locale']],
    ['/graphql', []],
  ])('%s → %j', (path, expected) => {
    expect(listTagsForPath(path)).toEqual(expected);
  });
});

describe('listTagsForRequest', () => {
  test.each([
    ['a single tag', '/api/tags/abc', {}, []],
    ['a single tag populating its articles', '/api/tags/abc', { populate: { articles: { fields: ['slug'] } } }, [ARTICLES, TEASERS]],
    ['a single tag populating everything', '/api/tags/abc', { populate: '*' }, [ARTICLES, TEASERS]],
    ['a single tag filtered on its articles', '/api/tags/abc', { filters: { articles: { slug: { $eq: 'x' } } } }, [ARTICLES, TEASERS]],
    ['a single article populating its teaser', '/api/articles/abc', { populate: ['teaser'] }, [ARTICLES, TEASERS]],
    ['a list of tags populating articles keeps its own tags', '/api/tags', { populate: 'articles' }, [TAGS, ARTICLES, TEASERS]],
    ['a list of articles without populate', '/api/articles', { locale: 'en', sort: ['title:asc'] }, [ARTICLES]],
  ])('%s', (_label, path, query, expected) => {
    expect(listTagsForRequest(path, query)).toEqual(expected);
  });
});
