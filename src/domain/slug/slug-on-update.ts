import { slugifyTitle } from './slugify-title';

/** A slug the server generated from `source` (possibly with a -N suffix), not one an editor typed. */
export function isGeneratedSlug(slug: string, source: string, locale: string): boolean {
  const base = slugifyTitle(source, locale);
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug);
}

/** What an update does to a document's slug. */
export type SlugOnUpdate =
  /** The editor typed a new slug: validate it and claim it. */
  | { kind: 'typed'; slug: string }
  /** Claim a free slug made from the source field (title or name). */
  | { kind: 'generate' }
  /** Keep the current slug. */
  | { kind: 'keep'; slug: string };

export interface SlugUpdateFacts {
  /** `data.slug` as sent (undefined when the update does not touch it). */
  requested: unknown;
  /** The draft's slug now, or null when it has none. */
  currentSlug: string | null;
  /** Whether any version of the document has been published (always true without draft & publish). */
  everPublished: boolean;
  /** The source field (title or name) as sent, undefined when not sent. */
  sourceSent: unknown;
  /** The source field as stored now. */
  currentSource: unknown;
  locale: string;
}

/**
 * The slug rule on update. A typed slug different from the current one wins; an empty or
 * cleared slug is generated again; a draft that never went out follows its new headline as
 * long as nobody typed its slug; otherwise the slug is kept (a published URL never moves by
 * itself: former slugs redirect, but a link should not need to).
 */
export function slugOnUpdate(facts: SlugUpdateFacts): SlugOnUpdate {
  const typed = typeof facts.requested === 'string' ? facts.requested.trim() : '';
  if (typed !== '' && typed !== facts.currentSlug) return { kind: 'typed', slug: typed };
  if (!facts.currentSlug || facts.requested === '' || facts.requested === null) return { kind: 'generate' };
  const followsSource =
    !facts.everPublished &&
    typeof facts.sourceSent === 'string' &&
    facts.sourceSent !== facts.currentSource &&
    isGeneratedSlug(facts.currentSlug, String(facts.currentSource ?? ''), facts.locale);
  return followsSource ? { kind: 'generate' } : { kind: 'keep', slug: facts.currentSlug };
}
