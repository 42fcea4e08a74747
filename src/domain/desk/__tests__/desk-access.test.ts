import { deskAccess, deskAllows, permittedLocales, type GrantedPermission } from '../desk-access';
import { ARTICLE, COMMENT, TAG } from '../../../uids';

const site = { all: ['bg', 'en', 'de'], defaultLocale: 'bg' };
const cm = (action: string, subject: string, locales?: string[]): GrantedPermission => ({
  action: `plugin::content-manager.explorer.${action}`,
  subject,
  properties: locales ? { locales } : {},
});

// The roles as src/bootstrap/admin-roles.ts creates them (fields left out: the desk ignores them).
const moderator = [cm('read', COMMENT), cm('update', COMMENT), cm('delete', COMMENT), cm('read', ARTICLE, ['bg', 'en', 'de'])];
const translatorEn = [
  cm('read', ARTICLE, ['bg', 'en', 'de']),
  cm('create', ARTICLE, ['en']),
  cm('update', ARTICLE, ['en']),
  cm('publish', ARTICLE, ['en']),
  cm('read', TAG),
];
const editor = [
  cm('read', ARTICLE, ['bg', 'en', 'de']),
  cm('create', ARTICLE, ['bg', 'en', 'de']),
  cm('update', ARTICLE, ['bg', 'en', 'de']),
  cm('update', COMMENT),
];

describe('permittedLocales', () => {
  test.each([
    ['locales of the matching permission', [cm('update', ARTICLE, ['en'])], ['en']],
    ['the union of several permissions, in the site order', [cm('update', ARTICLE, ['de']), cm('update', ARTICLE, ['bg'])], ['bg', 'de']],
    ['no matching action', [cm('read', ARTICLE, ['en'])], []],
    ['another subject', [cm('update', TAG, ['en'])], []],
    ['a permission without a locales property is not limited', [cm('update', ARTICLE)], ['bg', 'en', 'de']],
    ['a locale the site no longer has is dropped', [cm('update', ARTICLE, ['fr', 'en'])], ['en']],
    ['no permissions at all', [], []],
  ])('%s', (_name, permissions, expected) => {
    expect(permittedLocales(permissions, 'plugin::content-manager.explorer.update', ARTICLE, site)).toEqual(expected);
  });
});

describe('deskAccess', () => {
  test.each([
    [
      'a moderator: the queue and the stories, no drafts, no translations',
      moderator,
      { scheduled: ['bg', 'en', 'de'], published: ['bg', 'en', 'de'], drafts: [], translations: [], comments: true },
    ],
    [
      'a translator into English: only English translations and drafts, no comments',
      translatorEn,
      { scheduled: ['bg', 'en', 'de'], published: ['bg', 'en', 'de'], drafts: ['en'], translations: ['en'], comments: false },
    ],
    [
      'an editor: everything',
      editor,
      { scheduled: ['bg', 'en', 'de'], published: ['bg', 'en', 'de'], drafts: ['bg', 'en', 'de'], translations: ['en', 'de'], comments: true },
    ],
    ['nobody: nothing', [], { scheduled: [], published: [], drafts: [], translations: [], comments: false }],
    [
      'edit rights without read rights show no drafts',
      [cm('update', ARTICLE, ['en'])],
      { scheduled: [], published: [], drafts: [], translations: [], comments: false },
    ],
  ])('%s', (_name, permissions, expected) => {
    expect(deskAccess(permissions, site)).toEqual(expected);
  });

  test('a super admin sees every widget in every locale, translations into the non-default ones', () => {
    expect(deskAccess([], site, true)).toEqual({
      scheduled: ['bg', 'en', 'de'],
      published: ['bg', 'en', 'de'],
      drafts: ['bg', 'en', 'de'],
      translations: ['en', 'de'],
      comments: true,
    });
  });
});

describe('deskAllows', () => {
  test.each([
    ['drafts', moderator, false],
    ['comments', moderator, true],
    ['comments', translatorEn, false],
    ['translations', translatorEn, true],
    ['scheduled', [], false],
  ] as const)('%s for a role: %s', (widget, permissions, expected) => {
    expect(deskAllows(deskAccess(permissions, site), widget)).toBe(expected);
  });
});
