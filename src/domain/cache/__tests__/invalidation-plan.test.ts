import { invalidationPlan, needsArticleOf, type InvalidationPlan, type WriteFacts } from '../invalidation-plan';
import { ARTICLE, AUTHOR, COMMENT, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../../../uids';

/** A plan as one line: `nothing`, or the tags dropped, then `+embargo` / `+clear`. */
const summary = (plan: InvalidationPlan): string =>
  plan.drop === 'nothing' ? 'nothing' : [...plan.tags, ...(plan.refreshEmbargo ? ['+embargo'] : []), ...(plan.clearAll ? ['+clear'] : [])].join(' ');

const ARTICLE_PUBLIC = 'doc:d1 list:api::article.article list:api::teaser.teaser graphql +embargo';
const TEASER_PUBLIC = 'list:api::article.article list:api::teaser.teaser graphql doc:d1 doc:a1';
const AUTHOR_PUBLIC = 'doc:d1 list:api::author.author graphql';
const CLEAR = '+clear';

/** The Document Service actions a middleware sees; reads must never invalidate. */
const actions: Array<[string, string | undefined]> = [
  ['create', undefined],
  ['create', 'draft'],
  ['create', 'published'],
  ['update', undefined],
  ['update', 'published'],
  ['delete', undefined],
  ['publish', undefined],
  ['unpublish', undefined],
  ['discardDraft', undefined],
  ['findMany', undefined],
  ['findOne', undefined],
  ['count', undefined],
];

/** Expected plan per content type, in the order of `actions` above. */
const expected: Record<string, string[]> = {
  [ARTICLE]: [
    'nothing',
    'nothing',
    ARTICLE_PUBLIC,
    'nothing',
    ARTICLE_PUBLIC,
    ARTICLE_PUBLIC,
    ARTICLE_PUBLIC,
    ARTICLE_PUBLIC,
    'nothing',
    'nothing',
    'nothing',
    'nothing',
  ],
  [TEASER]: [
    'nothing',
    'nothing',
    TEASER_PUBLIC,
    'nothing',
    TEASER_PUBLIC,
    TEASER_PUBLIC,
    TEASER_PUBLIC,
    TEASER_PUBLIC,
    'nothing',
    'nothing',
    'nothing',
    'nothing',
  ],
  [AUTHOR]: [
    'nothing',
    'nothing',
    AUTHOR_PUBLIC,
    'nothing',
    AUTHOR_PUBLIC,
    AUTHOR_PUBLIC,
    AUTHOR_PUBLIC,
    AUTHOR_PUBLIC,
    'nothing',
    'nothing',
    'nothing',
    'nothing',
  ],
  [SOURCE_AGENCY]: [CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, 'nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'nothing'],
  [TAG]: [CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, 'nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'nothing'],
  [SECTION]: [CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, 'nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'nothing'],
  'plugin::upload.file': actions.map(() => 'nothing'),
};

const rows = Object.entries(expected).flatMap(([uid, plans]) => actions.map(([action, status], i) => [uid, action, status ?? '-', plans[i]] as const));

describe('invalidationPlan', () => {
  test.each(rows)('%s %s (status %s) drops: %s', (uid, action, status, plan) => {
    const write: WriteFacts = {
      uid,
      action,
      status: status === '-' ? undefined : status,
      documentId: 'd1',
      articleDocumentId: uid === TEASER ? 'a1' : undefined,
    };
    expect(summary(invalidationPlan(write))).toBe(plan);
  });

  test.each([
    ['a new pending comment', 'create', 'pending', 'a1', 'nothing'],
    ['a new spam comment', 'create', 'spam', 'a1', 'nothing'],
    ['a new approved comment', 'create', 'approved', 'a1', 'doc:a1 comments:a1 graphql'],
    ['a moderated comment', 'update', 'approved', 'a1', 'doc:a1 comments:a1 graphql'],
    ['a comment moved back to pending', 'update', 'pending', 'a1', 'doc:a1 comments:a1 graphql'],
    ['a deleted comment', 'delete', undefined, 'a1', 'doc:a1 comments:a1 graphql'],
    ['a moderated comment of an unknown article', 'update', 'approved', undefined, 'graphql +clear'],
    ['a deleted comment of an unknown article', 'delete', undefined, undefined, 'graphql +clear'],
    ['a comment read', 'findMany', undefined, 'a1', 'nothing'],
    ['a comment published (comments have no draft & publish)', 'publish', undefined, 'a1', 'nothing'],
  ])('%s (%s, %s, article %s) drops: %s', (_name, action, moderationStatus, articleDocumentId, plan) => {
    expect(summary(invalidationPlan({ uid: COMMENT, action, documentId: 'c1', moderationStatus, articleDocumentId }))).toBe(plan);
  });

  test('an article write without a documentId still drops the lists', () => {
    expect(summary(invalidationPlan({ uid: ARTICLE, action: 'delete' }))).toBe('list:api::article.article list:api::teaser.teaser graphql +embargo');
  });

  test('a teaser whose article is unknown drops only its own responses and the lists', () => {
    expect(summary(invalidationPlan({ uid: TEASER, action: 'publish', documentId: 't1' }))).toBe(
      'list:api::article.article list:api::teaser.teaser graphql doc:t1',
    );
  });
});

describe('needsArticleOf', () => {
  test.each([
    ['a teaser going public', { uid: TEASER, action: 'publish', documentId: 't1' }, true],
    ['a teaser draft edit', { uid: TEASER, action: 'update', documentId: 't1' }, false],
    ['a teaser whose article is known', { uid: TEASER, action: 'publish', documentId: 't1', articleDocumentId: 'a1' }, false],
    ['a moderated comment without its article', { uid: COMMENT, action: 'update', documentId: 'c1' }, true],
    ['a new pending comment', { uid: COMMENT, action: 'create', documentId: 'c1', moderationStatus: 'pending' }, false],
    ['a comment carrying its article', { uid: COMMENT, action: 'update', documentId: 'c1', articleDocumentId: 'a1' }, false],
    ['a write without a documentId', { uid: COMMENT, action: 'delete' }, false],
    ['an article', { uid: ARTICLE, action: 'publish', documentId: 'a1' }, false],
  ] as Array<[string, WriteFacts, boolean]>)('%s: %s', (_name, write, needs) => {
    expect(needsArticleOf(write)).toBe(needs);
  });
});
