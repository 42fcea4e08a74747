/**
 * "Is this admin page wholly Bulgarian?", as a browser test can tell:
 * - react-intl reports every message id the Bulgarian catalogue lacks as a console error
 *   `[@formatjs/intl Error MISSING_TRANSLATION] Missing message: "<id>" for locale "bg"…`
 *   (also in a production build): `watchMissingTranslations` collects the ids;
 * - `latinInterfaceText` lists the visible text (and placeholders) in Latin script that is not
 *   user content (what the newsroom typed: titles, slugs, names, e-mails, file names) and not a
 *   word of the short allowlist below.
 */
import type { Page } from 'playwright-core';
import { expectStatus } from './api';

/**
 * Latin words an interface in Bulgarian keeps, each for a reason:
 * - product and standard names, which Bulgarian texts write in Latin: Strapi, GraphQL, API,
 *   REST, URL, SEO, ID, UID, IP, JSON, HTML, Markdown, file formats (PNG, JPEG, JPG, GIF, SVG,
 *   WEBP, PDF, MP4), size units (B, KB, MB, GB) and px;
 * - `slug`: the field's technical name, shown in brackets next to „Адрес“ so editors and
 *   developers mean the same thing (src/bootstrap/admin-layouts.ts);
 * - the site's language codes (bg, en): ISO codes, shown as the API and URLs spell them.
 */
export const ALLOWED_LATIN = new Set([
  'strapi',
  'graphql',
  'api',
  'rest',
  'url',
  'seo',
  'id',
  'uid',
  'ip',
  'json',
  'html',
  'markdown',
  'png',
  'jpeg',
  'jpg',
  'gif',
  'svg',
  'webp',
  'pdf',
  'mp4',
  'b',
  'kb',
  'mb',
  'gb',
  'px',
  'slug',
  'bg',
  'en',
]);

export interface MissingTranslations {
  take(): string[];
}

/** Collects the message ids react-intl reports missing for `locale` on this page from now on. */
export function watchMissingTranslations(page: Page, locale = 'bg'): MissingTranslations {
  let seen = new Set<string>();
  page.on('console', (message) => {
    const text = message.text();
    if (!text.includes('MISSING_TRANSLATION') || !text.includes(`for locale "${locale}"`)) return;
    const id = /Missing message: "([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 200);
    seen.add(id);
  });
  return {
    take() {
      const ids = [...seen].sort();
      seen = new Set();
      return ids;
    },
  };
}

const CONTENT_TYPES = [
  'api::article.article',
  'api::teaser.teaser',
  'api::comment.comment',
  'api::source-agency.source-agency',
  'api::tag.tag',
  'api::section.section',
];

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.trim().length > 0) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
}

/** Every string the newsroom stored (content of all types and locales, media, admin users but not their roles), read through the admin API. */
export async function userContent(jwt: string, locales: readonly string[]): Promise<Set<string>> {
  const strings = new Set<string>();
  for (const uid of CONTENT_TYPES) {
    for (const locale of locales) {
      const res = await expectStatus<{ results: unknown[] }>(200, `/content-manager/collection-types/${uid}?page=1&pageSize=100&locale=${locale}`, {
        token: jwt,
      });
      collectStrings(res.results, strings);
    }
  }
  collectStrings(await expectStatus(200, '/upload/files?pageSize=100', { token: jwt }), strings);
  // Users' names and e-mails, not their roles: role names are interface text (in Bulgarian, src/bootstrap/admin-roles.ts).
  const users = (await expectStatus<{ data: { results: Array<Record<string, unknown>> } }>(200, '/admin/users?pageSize=100', { token: jwt })).data.results;
  collectStrings(
    users.map(({ roles: _roles, ...user }) => user),
    strings,
  );
  return strings;
}

/**
 * Visible text nodes and input placeholders of the page (user-typed rich text left out). Runs
 * in the browser; a string, since the tests are type-checked without the DOM library.
 */
const VISIBLE_TEXTS = `(() => {
  const texts = [];
  const visible = (element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = (node.textContent || '').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, noscript, [contenteditable="true"]')) continue;
    if (visible(parent)) texts.push(text);
  }
  for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    const placeholder = (input.getAttribute('placeholder') || '').trim();
    if (placeholder && visible(input)) texts.push(placeholder);
  }
  return texts;
})()`;

const visibleTexts = (page: Page): Promise<string[]> => page.evaluate(VISIBLE_TEXTS) as Promise<string[]>;

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const WEB_ADDRESS = /\b(https?:\/\/|www\.)\S+/g;

/**
 * The visible interface text in Latin script: each offending text once, user content and the
 * allowlisted words removed first.
 */
export async function latinInterfaceText(page: Page, content: ReadonlySet<string>): Promise<string[]> {
  // Longest first, so a title is removed before a shorter string it contains.
  const stored = [...content].filter((value) => value.length >= 3).sort((a, b) => b.length - a.length);
  const offending = new Set<string>();
  for (const text of await visibleTexts(page)) {
    if (content.has(text)) continue;
    let rest = text.replace(EMAIL, ' ').replace(WEB_ADDRESS, ' ');
    if (/[A-Za-z]/.test(rest)) for (const value of stored) if (rest.includes(value)) rest = rest.split(value).join(' ');
    const words = rest.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
    if (words.some((word) => !ALLOWED_LATIN.has(word.toLowerCase()))) offending.add(text.length > 160 ? `${text.slice(0, 157)}…` : text);
  }
  return [...offending];
}
