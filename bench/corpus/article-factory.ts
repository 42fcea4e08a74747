/**
 * Deterministic article specs, one per index in publication order: topic, Bulgarian text
 * (and an English variant for about one story in ten), section, agency, tags, cover, editor's
 * picks and reader comments. Nothing here touches a database.
 */
import { nextFreeSlug, slugifyTitle } from '../../src/domain/slug';
import { COMMENT_TEXTS, COMMENTER_NAMES, COVER_COUNT, NEWSROOM_AGENCIES, NEWSROOM_SECTIONS } from './newsroom-vocabulary';
import { createRng, documentIdFrom, type Rng } from './rng';
import type { CorpusLocale, TextSource, TopicText } from './text-source';

export interface VariantSpec {
  locale: CorpusLocale;
  title: string;
  slug: string;
  lede: string;
  paragraphs: string[];
  coverCaption: string;
}

export type ModerationStatus = 'approved' | 'pending' | 'spam';

export interface CommentSpec {
  documentId: string;
  locale: CorpusLocale;
  authorName: string;
  body: string;
  status: ModerationStatus;
  createdAt: Date;
  ipHash: string;
}

export interface ArticleSpec {
  index: number;
  documentId: string;
  teaserDocumentId: string;
  topic: number;
  publicationDate: Date;
  sectionIndex: number;
  agencyIndex: number;
  citedAgencyIndex: number | null;
  tagIndexes: number[];
  coverIndex: number;
  /** Earlier articles of the same topic the editor picked (indexes). */
  picks: number[];
  variants: VariantSpec[];
  comments: CommentSpec[];
}

export interface FactoryOptions {
  articles: number;
  /** Newest publication date; older stories are spread back from here. */
  newest: Date;
  articlesPerDay: number;
  englishShare: number;
  seed: number;
}

const DAY_MS = 86_400_000;
const PICK_SHARE = 0.05;

/**
 * Unique slugs per locale, numbered like the app numbers them (`base`, `base-2`, …). The
 * numbered candidates of one base are tracked per base (cheap); a candidate that another base
 * already produced (a headline ending in „2“) is skipped through the per-locale set.
 */
function createSlugAllocator() {
  const byBase = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  return (title: string, locale: string): string => {
    const base = slugifyTitle(title, locale);
    const key = `${locale}:${base}`;
    const used = byBase.get(key) ?? new Set<string>();
    byBase.set(key, used);
    const everything = all.get(locale) ?? new Set<string>();
    all.set(locale, everything);
    let slug = nextFreeSlug(base, used);
    while (everything.has(slug)) {
      used.add(slug);
      slug = nextFreeSlug(base, used);
    }
    used.add(slug);
    everything.add(slug);
    return slug;
  };
}

function commentsFor(rng: Rng, locale: CorpusLocale, published: Date, newest: Date): CommentSpec[] {
  const count = locale === 'bg' ? rng.int(0, 6) : rng.int(0, 2);
  const span = Math.max(60_000, newest.getTime() - published.getTime());
  return Array.from({ length: count }, () => {
    const roll = rng.next();
    return {
      documentId: documentIdFrom(rng),
      locale,
      authorName: rng.pick(COMMENTER_NAMES),
      body: rng.pick(COMMENT_TEXTS[locale]),
      status: roll < 0.85 ? 'approved' : roll < 0.95 ? 'pending' : 'spam',
      createdAt: new Date(published.getTime() + Math.floor(rng.next() * Math.min(span, 2 * DAY_MS))),
      ipHash: Array.from({ length: 4 }, () =>
        Math.floor(rng.next() * 0xffffffff)
          .toString(16)
          .padStart(8, '0'),
      ).join(''),
    };
  });
}

export function createArticleFactory(source: TextSource, options: FactoryOptions) {
  const rng = createRng(options.seed);
  const allocateSlug = createSlugAllocator();
  const spacing = DAY_MS / options.articlesPerDay;
  const recentByTopic = source.topics.map((): number[] => []);
  const agencyWeights = NEWSROOM_AGENCIES.map((agency) => agency.weight);
  const sectionIndexOf = new Map(NEWSROOM_SECTIONS.map((section, index) => [section.key, index]));

  function variant(topic: TopicText, locale: CorpusLocale): VariantSpec {
    const text = topic[locale];
    const title = text.makeTitle(rng);
    const paragraphs = text.makeBody(rng);
    const caption = (paragraphs[0] ?? title).split(/[.!?]/u)[0]?.slice(0, 120) ?? title;
    return { locale, title, slug: allocateSlug(title, locale), lede: rng.pick(text.ledes), paragraphs, coverCaption: caption };
  }

  function tagsFor(topic: TopicText): number[] {
    const [main, ...rest] = topic.tagIndexes;
    const others = rng.sample(rest, rng.int(1, 3));
    const chosen = main !== undefined && rng.chance(0.7) ? [main, ...others] : others.length ? others : [main ?? 0];
    return [...new Set(chosen)];
  }

  return function build(index: number): ArticleSpec {
    const topicIndex = rng.int(0, source.topics.length - 1);
    const topic = source.topics[topicIndex] as TopicText;
    const age = (options.articles - 1 - index) * spacing;
    const publicationDate = new Date(options.newest.getTime() - age - Math.floor(rng.next() * spacing * 0.5));
    const variants = [variant(topic, 'bg')];
    if (rng.chance(options.englishShare)) variants.push(variant(topic, 'en'));
    const recent = recentByTopic[topicIndex] as number[];
    const picks = recent.length > 0 && rng.chance(PICK_SHARE) ? rng.sample(recent, rng.int(1, Math.min(3, recent.length))) : [];
    recent.push(index);
    if (recent.length > 50) recent.shift();
    const agencyIndex = rng.weighted(agencyWeights);
    const cited = rng.chance(0.25) ? rng.int(0, NEWSROOM_AGENCIES.length - 1) : null;
    return {
      index,
      documentId: documentIdFrom(rng),
      teaserDocumentId: documentIdFrom(rng),
      topic: topicIndex,
      publicationDate,
      sectionIndex: sectionIndexOf.get(topic.sectionKey) ?? 0,
      agencyIndex,
      citedAgencyIndex: cited === agencyIndex ? null : cited,
      tagIndexes: tagsFor(topic),
      coverIndex: rng.int(0, COVER_COUNT - 1),
      picks,
      variants,
      comments: variants.flatMap((spec) => commentsFor(rng, spec.locale, publicationDate, options.newest)),
    };
  };
}
