/**
 * Counts the links in a comment: the strongest single spam signal. Readers rarely post more
 * than one or two; link farms post many, often without a scheme (example.com) so that naive
 * "http" checks miss them.
 */

/** Anything starting with a scheme or "www." up to the next whitespace is one link. */
const SCHEME_OR_WWW = /(?:https?:\/\/|(?<![\p{L}\p{N}])www\.)\S+/giu;

/**
 * A bare domain: dot-separated labels of letters, digits and inner hyphens, ending in a
 * top-level domain of letters. The lookbehind skips the domain of an email address (ivan@abv.bg
 * is contact information, not a link) and the lookahead skips the local part before "@".
 */
const BARE_DOMAIN = /(?<![\p{L}\p{N}@._-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(\p{L}{2,24})(?![\p{L}\p{N}_@-]|\.[\p{L}\p{N}])/gu;

/**
 * A dot between two words is not enough ("гр.София", "т.нар.", "Mr.Smith" are not links), so
 * the last label must be a top-level domain. Two Latin letters cover the country codes
 * (.bg, .ru, .io...); the rest are the generic and Cyrillic TLDs that spam actually uses,
 * not the full IANA list, whose many dictionary words (.life, .today) would turn every
 * sentence missing a space after the full stop into a link.
 */
const GENERIC_TLDS: ReadonlySet<string> = new Set([
  'com',
  'net',
  'org',
  'info',
  'biz',
  'edu',
  'gov',
  'mil',
  'int',
  'pro',
  'name',
  'mobi',
  'xyz',
  'online',
  'site',
  'top',
  'club',
  'shop',
  'store',
  'app',
  'dev',
  'news',
  'blog',
  'link',
  'click',
  'tech',
  'space',
  'website',
  'icu',
  'casino',
  'bet',
  'loan',
  'win',
  'vip',
  'porn',
  'sex',
  'xxx',
  'cam',
  'host',
  'press',
  'cloud',
  'email',
  'бг',
  'рф',
  'срб',
  'укр',
  'мкд',
  'бел',
  'мон',
  'рус',
  'ком',
  'орг',
  'онлайн',
  'сайт',
]);

function isTopLevelDomain(label: string): boolean {
  const lower = label.toLowerCase();
  return /^[a-z]{2}$/.test(lower) || GENERIC_TLDS.has(lower);
}

/** Number of links in `text`: URLs with a scheme, "www." addresses and bare domains. */
export function countLinks(text: string): number {
  let count = 0;
  const rest = text.replace(SCHEME_OR_WWW, () => {
    count += 1;
    return ' ';
  });
  for (const match of rest.matchAll(BARE_DOMAIN)) {
    if (isTopLevelDomain(match[1])) count += 1;
  }
  return count;
}
