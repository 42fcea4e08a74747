/**
 * The status a new comment starts with. Pure: the author's history and the rules are
 * passed in, so the service decides what to load and this file decides what it means.
 */
import { countLinks } from './count-links';
import { latinSkeleton } from './latin-skeleton';

export interface ModerationRules {
  /** More links than this marks the comment as spam. */
  maxLinks: number;
  /** Words or phrases, in Cyrillic or Latin; each also matches its Latin-script spellings. */
  blockedWords: string[];
  /** What a blocked word does: hold for an editor, or file as spam. */
  blockedAction: 'pending' | 'spam';
  /** Approve readers with at least this many approved comments; 0 = never auto-approve. */
  autoApproveAfterApproved: number;
}

export type ModerationStatus = 'pending' | 'approved' | 'spam';

export interface ModerationDecision {
  status: ModerationStatus;
  /** Why the comment did not simply wait for review; null when it does. */
  reason: string | null;
}

/**
 * Conservative defaults: every comment waits for an editor; link farms and blocked words go
 * straight to spam. config/novinar.ts takes its defaults from here.
 * The word list is editorial policy and comes from configuration, so it starts empty.
 */
export const DEFAULT_MODERATION_RULES: Readonly<ModerationRules> = Object.freeze({
  maxLinks: 2,
  blockedWords: [],
  blockedAction: 'spam',
  autoApproveAfterApproved: 0,
});

/** "1 link", "3 links": reasons are shown to editors in the admin. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}.`);
  }
}

/**
 * The first blocked word found in `body`, or null. A word matches at the start of a word of
 * the body, so inflected forms are caught (казино blocks "казиното", "KAZINO", "kazzino")
 * while words that merely contain it do not (бот does not block "работа"). The flip side:
 * a short stem also blocks longer words that start with it, so list whole words.
 */
export function findBlockedWord(body: string, blockedWords: readonly string[]): string | null {
  const text = ` ${latinSkeleton(body)}`;
  for (const word of blockedWords) {
    const skeleton = latinSkeleton(word);
    // A blocked "word" of punctuation only has no skeleton and must not match everything.
    if (skeleton !== '' && text.includes(` ${skeleton}`)) return word;
  }
  return null;
}

/**
 * Decides the initial status of a validated comment body: too many links → spam; a blocked
 * word → `rules.blockedAction`; an author with enough approved comments → approved;
 * otherwise pending. Spam signals are checked first so a trusted account that has been
 * taken over still cannot post a link farm.
 */
export function decideInitialStatus(body: string, context: { authorApprovedCount: number }, rules: ModerationRules): ModerationDecision {
  assertCount(rules.maxLinks, 'maxLinks');
  assertCount(rules.autoApproveAfterApproved, 'autoApproveAfterApproved');

  const links = countLinks(body);
  if (links > rules.maxLinks) {
    return { status: 'spam', reason: `Contains ${plural(links, 'link')}; at most ${rules.maxLinks} allowed.` };
  }

  const blocked = findBlockedWord(body, rules.blockedWords);
  if (blocked !== null) {
    return { status: rules.blockedAction, reason: `Contains the blocked word "${blocked}".` };
  }

  const approved = context.authorApprovedCount;
  if (rules.autoApproveAfterApproved > 0 && approved >= rules.autoApproveAfterApproved) {
    return { status: 'approved', reason: `Author has ${plural(approved, 'approved comment')}.` };
  }
  return { status: 'pending', reason: null };
}
