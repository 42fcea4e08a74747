import { countLinks } from '../count-links';
import { latinSkeleton } from '../latin-skeleton';
import { DEFAULT_MODERATION_RULES, decideInitialStatus, findBlockedWord } from '../moderate-comment';
import type { ModerationRules } from '../moderate-comment';

const rules = (overrides: Partial<ModerationRules> = {}): ModerationRules => ({
  ...DEFAULT_MODERATION_RULES,
  ...overrides,
});
const newcomer = { authorApprovedCount: 0 };

describe('countLinks', () => {
  test.each([
    ['plain text', 'Добра статия, благодаря!', 0],
    ['one https URL', 'Вижте https://example.com/path?x=1 тук', 1],
    ['an http URL glued to a word', 'вижтеhttp://spam.example', 1],
    ['a www address', 'www.example.com', 1],
    ['a bare domain', 'пишете в example.com за повече', 1],
    ['a bare domain with a path', 'example.com/offer', 1],
    ['a subdomain', 'bg.wikipedia.org', 1],
    ['a Cyrillic domain', 'вижте пример.бг', 1],
    ['an upper-case domain', 'EXAMPLE.COM', 1],
    ['a domain at the end of a sentence', 'Вижте abv.bg.', 1],
    ['three different kinds', 'https://a.com www.b.net c.org', 3],
    ['the same URL twice counts twice', 'https://a.com https://a.com', 2],
    ['an email address is not a link', 'пишете на ivan.petrov@abv.bg', 0],
    ['abbreviations are not links', 'гр.София, т.нар. реформа, ул.Раковски, Mr.Smith', 0],
    ['numbers are not links', 'Ръст от 3.5% и 2.000 лв.', 0],
    ['a sentence missing the space after the full stop', 'Съгласен съм.Това е вярно.', 0],
    ['a file name with an unknown extension', 'файлът report.pdf', 0],
  ])('%s → %i', (_label, text, expected) => {
    expect(countLinks(text)).toBe(expected);
  });
});

describe('latinSkeleton', () => {
  test.each([
    ['Казино', 'kazino'],
    ['KAZINO', 'kazino'],
    ['kaaazzino', 'kazino'],
    ['kazíno', 'kazino'],
    ['ｋａｚｉｎｏ', 'kazino'],
    // Cyrillic а and о mixed into a Latin word, a common filter-evasion trick.
    ['k\u0430zin\u043e', 'kazino'],
    ['шльокавица', 'shliokavica'],
    ['6lyokavica', 'shliokavica'],
    ['shliokavitsa', 'shliokavica'],
    ['4ovek', 'chovek'],
    ['човек', 'chovek'],
    ['жена', 'zhena'],
    ['jena', 'zhena'],
    ['wreme', 'vreme'],
    ['време', 'vreme'],
    ['qko', 'iako'],
    ['яко', 'iako'],
    ['xubavo', 'hubavo'],
    ['цигари', 'cigari'],
    ['cigari', 'cigari'],
    ['мой moi moy', 'moi moi moi'],
    ['Мария Mariya Maria', 'maria maria maria'],
    ['2024г. и 64', 'g i'],
  ])('%s → %s', (text, expected) => {
    expect(latinSkeleton(text)).toBe(expected);
  });
});

describe('findBlockedWord', () => {
  const blocked = ['Казино', 'бот', 'бързи кредити'];
  test.each([
    ['the word itself', 'Най-доброто казино!', 'Казино'],
    ['capitals', 'КАЗИНО онлайн', 'Казино'],
    ['official transliteration', 'igrai v kazino', 'Казино'],
    ['Latin capitals', 'KAZINO', 'Казино'],
    ['stretched letters', 'kaaazzzino', 'Казино'],
    ['an inflected form', 'в казиното', 'Казино'],
    ['an inflected Latin form', 'kazinoto', 'Казино'],
    ['after a hyphen', 'онлайн-казино', 'Казино'],
    ['a phrase in Cyrillic', 'Бързи кредити без документи', 'бързи кредити'],
    ['a phrase in Latin script', 'barzi krediti', 'бързи кредити'],
    ['a phrase split by punctuation and spaces', 'БЪРЗИ,   кредити', 'бързи кредити'],
    ['a word containing the blocked word mid-word', 'нова работа', null],
    ['a Latin word containing it mid-word', 'rabota', null],
    ['a different word sharing no start', 'Кредити за жилища', null],
    ['the words of a phrase apart', 'бързи и евтини кредити', null],
  ])('%s: %p → %p', (_label, body, expected) => {
    expect(findBlockedWord(body, blocked)).toBe(expected);
  });

  test('ignores a blocked entry with no letters', () => {
    expect(findBlockedWord('Всичко е наред', ['!!!', '  '])).toBeNull();
  });

  test('matches a blocked word given in Latin against Cyrillic text', () => {
    expect(findBlockedWord('Гледай ШЛЬОКАВИЦАТА', ['shlyokavitsa'])).toBe('shlyokavitsa');
  });
});

describe('decideInitialStatus', () => {
  test.each<[string, string, number, Partial<ModerationRules>, string, string | null]>([
    ['plain comment from a newcomer waits', 'Добра статия.', 0, {}, 'pending', null],
    ['links up to the limit are fine', 'https://a.com и b.org', 0, { maxLinks: 2 }, 'pending', null],
    ['one link over the limit is spam', 'https://a.com b.org c.net', 0, { maxLinks: 2 }, 'spam', 'Contains 3 links; at most 2 allowed.'],
    ['maxLinks 0 makes any link spam', 'вижте abv.bg', 0, { maxLinks: 0 }, 'spam', 'Contains 1 link; at most 0 allowed.'],
    [
      'a blocked word can hold for review',
      'най-доброто KAZINO',
      0,
      { blockedWords: ['казино'], blockedAction: 'pending' },
      'pending',
      'Contains the blocked word "казино".',
    ],
    ['a blocked word goes straight to spam by default', 'kazinoto', 0, { blockedWords: ['казино'] }, 'spam', 'Contains the blocked word "казино".'],
    [
      'a blocked word beats auto-approval',
      'kazino',
      10,
      { blockedWords: ['казино'], autoApproveAfterApproved: 3 },
      'spam',
      'Contains the blocked word "казино".',
    ],
    ['too many links beat auto-approval', 'a.com b.com c.com', 10, { autoApproveAfterApproved: 3 }, 'spam', 'Contains 3 links; at most 2 allowed.'],
    ['auto-approve at the threshold', 'Благодаря!', 3, { autoApproveAfterApproved: 3 }, 'approved', 'Author has 3 approved comments.'],
    ['auto-approve after a single approved comment', 'Благодаря!', 1, { autoApproveAfterApproved: 1 }, 'approved', 'Author has 1 approved comment.'],
    ['no auto-approve below the threshold', 'Благодаря!', 2, { autoApproveAfterApproved: 3 }, 'pending', null],
    ['0 means never auto-approve', 'Благодаря!', 500, { autoApproveAfterApproved: 0 }, 'pending', null],
  ])('%s', (_label, body, approvedCount, overrides, status, reason) => {
    expect(decideInitialStatus(body, { authorApprovedCount: approvedCount }, rules(overrides))).toEqual({ status, reason });
  });

  test('defaults: two links allowed, nothing blocked, nobody auto-approved', () => {
    expect(DEFAULT_MODERATION_RULES).toEqual({
      maxLinks: 2,
      blockedWords: [],
      blockedAction: 'spam',
      autoApproveAfterApproved: 0,
    });
    expect(Object.isFrozen(DEFAULT_MODERATION_RULES)).toBe(true);
  });

  test.each([[{ maxLinks: -1 }], [{ maxLinks: 1.5 }], [{ autoApproveAfterApproved: Number.NaN }]])('rejects invalid rules %j', (overrides) => {
    expect(() => decideInitialStatus('текст', newcomer, rules(overrides))).toThrow(RangeError);
  });
});
