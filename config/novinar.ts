import type { Core } from '@strapi/strapi';
import { DEFAULT_REDIS_FAULT_SETTINGS } from '../src/redis/guarded-redis';
import { DEFAULT_MODERATION_RULES } from '../src/domain/comments/moderate-comment';
import {
  RELATED_CANDIDATE_LIMIT,
  RELATED_POSTINGS_PER_TERM,
  RELATED_RECENCY_WINDOW_DAYS,
  RELATED_STORED_LIST_SIZE,
} from '../src/domain/related/retrieval-defaults';
import { SEARCH_RECENCY_DEFAULTS } from '../src/domain/search/recency';

/**
 * Project settings read by src/ (one place for every env var the newsroom logic uses).
 * Read with `strapi.config.get('novinar')`.
 */
const novinarConfig = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Locale codes created at bootstrap besides the default `bg`, e.g. "en,de". */
  extraLocales: env.array('NOVINAR_LOCALES', ['en']) as string[],
  /** Seed the demo newsroom on start: on by default in development, off elsewhere. */
  seedDemo: env.bool('SEED_DEMO', env('NODE_ENV', 'development') === 'development'),
  /** How dates are printed: `house` ("22 Декември, 2025") or `cldr` ("22 декември 2025 г."). */
  dateDisplayStyle: env('DATE_DISPLAY_STYLE', 'house'),
  /**
   * Reader accounts (users-permissions /api/auth/local/register): off, and switched off again on
   * every start, unless true; then the admin panel's setting applies.
   */
  usersRegistration: env.bool('USERS_REGISTRATION', false),
  /** Shared state (rate limits, response cache) lives in Redis when set, else in memory. */
  redisUrl: env('REDIS_URL', ''),
  /**
   * Redis is an optimisation, so its faults are bounded (src/redis/guarded-redis.ts): each call
   * has a deadline, and after that many failed or late calls in a row Redis is left alone for
   * the cooldown, then one trial call decides whether it is back.
   */
  database: {
    /** Hand-written public reads as named prepared statements on PostgreSQL (src/database/prepared.ts). */
    preparedStatements: env.bool('DATABASE_PREPARED_STATEMENTS', true),
  },
  redis: {
    timeoutMs: env.int('REDIS_TIMEOUT_MS', DEFAULT_REDIS_FAULT_SETTINGS.timeoutMs),
    breakerFailures: env.int('REDIS_BREAKER_FAILURES', DEFAULT_REDIS_FAULT_SETTINGS.breakerFailures),
    breakerCooldownMs: env.int('REDIS_BREAKER_COOLDOWN_MS', DEFAULT_REDIS_FAULT_SETTINGS.breakerCooldownMs),
  },
  /** Response cache for public REST GETs and GraphQL queries (memory, or Redis with REDIS_URL). */
  cache: {
    enabled: env.bool('RESPONSE_CACHE', true),
    ttlSeconds: env.int('RESPONSE_CACHE_TTL', 300),
    maxEntries: env.int('RESPONSE_CACHE_MAX_ENTRIES', 10000),
    /** Bytes the entries of the in-memory store may hold (Redis bounds itself: maxmemory). */
    maxBytes: env.int('RESPONSE_CACHE_MAX_MB', 64) * 1024 * 1024,
    /** Cache-Control for browsers (max-age) and CDNs (s-maxage) on public GETs. */
    maxAgeSeconds: env.int('HTTP_CACHE_MAX_AGE', 30),
    sMaxAgeSeconds: env.int('HTTP_CACHE_S_MAXAGE', 60),
  },
  /**
   * Bounds on one GraphQL request (src/graphql/protections.ts), for every caller: aliases,
   * tokens and directives in the document, and a cost that multiplies each list field by the
   * number of items it may return.
   */
  graphql: {
    maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
    maxTokens: env.int('GRAPHQL_MAX_TOKENS', 1500),
    maxDirectives: env.int('GRAPHQL_MAX_DIRECTIVES', 10),
    maxCost: env.int('GRAPHQL_MAX_COST', 5000),
  },
  /** Go-live events of embargoed stories (src/golive): how often each instance looks for due moments. */
  golive: {
    pollSeconds: env.int('GOLIVE_POLL_SECONDS', 5),
    /** A claim older than this (an instance died while firing) is taken over by another instance. */
    claimTimeoutSeconds: env.int('GOLIVE_CLAIM_TIMEOUT_SECONDS', 60),
    batchSize: 50,
  },
  /**
   * Consistency check and repair of the derived tables (src/doctor) on every start; above
   * bootMaxVariants article rows only the cheap checks run at boot.
   */
  doctor: {
    atBoot: env.bool('DOCTOR_AT_BOOT', true),
    bootMaxVariants: env.int('DOCTOR_BOOT_MAX_VARIANTS', 20000),
    bootMaxReindex: env.int('DOCTOR_BOOT_MAX_REINDEX', 1000),
  },
  /** The front end the admin's "Open preview" opens (empty: no preview), and the secret it passes. */
  preview: {
    url: env('PREVIEW_URL', ''),
    secret: env('PREVIEW_SECRET', ''),
  },
  /** Public URL path of an article, for cards and previews: {locale} and {slug} are replaced. */
  articlePathPattern: env('ARTICLE_PATH_PATTERN', '/{locale}/{slug}'),
  /** Public URL path of an author's page (bylines in JSON-LD and Open Graph): {locale} and {slug} are replaced. */
  authorPathPattern: env('AUTHOR_PATH_PATTERN', '/{locale}/authors/{slug}'),
  /**
   * The public site (the front end), for absolute URLs: cards' `url`, canonical and hreflang
   * links, Open Graph, JSON-LD. Checked at start (src/seo/seo-settings.ts). Media paths are made
   * absolute on PUBLIC_URL (Strapi's own public address, which serves /uploads), else on the site URL.
   */
  site: {
    url: env('PUBLIC_SITE_URL', 'http://localhost:3000'),
    name: env('SITE_NAME', 'Новинар'),
    /** The publisher's logo in JSON-LD (Google wants one); width and height in pixels. */
    logoUrl: env('SITE_LOGO_URL', ''),
    logoWidth: env.int('SITE_LOGO_WIDTH', 0),
    logoHeight: env.int('SITE_LOGO_HEIGHT', 0),
    /** The site's account for twitter:site, e.g. @novinar; empty leaves it out. */
    twitterSite: env('TWITTER_SITE', ''),
    /** schema.org isAccessibleForFree of every story (false behind a paywall). */
    accessibleForFree: env.bool('ARTICLES_FREE', true),
  },
  /** Public URL paths of section and tag pages (sitemaps, feed categories): {locale} and {slug} are replaced. */
  sectionPathPattern: env('SECTION_PATH_PATTERN', '/{locale}/section/{slug}'),
  tagPathPattern: env('TAG_PATH_PATTERN', '/{locale}/tag/{slug}'),
  related: {
    topTerms: env.int('RELATED_TOP_TERMS', 100),
    candidateLimit: env.int('RELATED_CANDIDATE_LIMIT', RELATED_CANDIDATE_LIMIT),
    windowDays: env.int('RELATED_WINDOW_DAYS', RELATED_RECENCY_WINDOW_DAYS),
    /** The target's strongest stored terms that the candidate query looks up. */
    queryTerms: env.int('RELATED_QUERY_TERMS', 50),
    /** Postings read per term on each side of the target's date (bounds the work per publish). */
    postingsPerTerm: env.int('RELATED_POSTINGS_PER_TERM', RELATED_POSTINGS_PER_TERM),
    /** How many computed related stories are stored per article (the feed's maximum limit). */
    storedListSize: RELATED_STORED_LIST_SIZE,
    weights: {
      text: env.float('RELATED_WEIGHT_TEXT', 1),
      sharedTag: env.float('RELATED_WEIGHT_TAG', 0.3),
      sameSection: env.float('RELATED_WEIGHT_SECTION', 0.05),
      sameAgency: env.float('RELATED_WEIGHT_AGENCY', 0.02),
      recency: env.float('RELATED_WEIGHT_RECENCY', 0.2),
      recencyHalfLifeDays: env.float('RELATED_RECENCY_HALF_LIFE_DAYS', 30),
    },
  },
  search: {
    /** How much a story published now is lifted over an old one (0 = relevance only); see src/domain/search/recency.ts. */
    recencyBoost: env.float('SEARCH_RECENCY_BOOST', SEARCH_RECENCY_DEFAULTS.boost),
    recencyHalfLifeDays: env.float('SEARCH_RECENCY_HALF_LIFE_DAYS', SEARCH_RECENCY_DEFAULTS.halfLifeDays),
  },
  comments: {
    ipSalt: env('COMMENT_IP_SALT', ''),
    /** Comments close this many days after publication; 0 keeps them open. */
    closeAfterDays: env.int('COMMENTS_CLOSE_AFTER_DAYS', 0),
    maxLinks: env.int('COMMENTS_MAX_LINKS', DEFAULT_MODERATION_RULES.maxLinks),
    /** Comma-separated; matched in Cyrillic and Latin spellings. */
    blockedWords: env.array('COMMENTS_BLOCKED_WORDS', []) as string[],
    blockedAction: env('COMMENTS_BLOCKED_ACTION', DEFAULT_MODERATION_RULES.blockedAction) as 'pending' | 'spam',
    /** Auto-approve authors with at least this many approved comments; 0 = every comment is moderated. */
    autoApproveAfterApproved: env.int('COMMENTS_AUTO_APPROVE_AFTER', DEFAULT_MODERATION_RULES.autoApproveAfterApproved),
    honeypotField: env('COMMENTS_HONEYPOT_FIELD', 'website'),
    pageSize: env.int('COMMENTS_PAGE_SIZE', 50),
    rateLimit: {
      perIpPoints: env.int('COMMENTS_RATE_PER_IP', 5),
      perIpSeconds: env.int('COMMENTS_RATE_PER_IP_SECONDS', 60),
      perArticlePoints: env.int('COMMENTS_RATE_PER_ARTICLE', 60),
      perArticleSeconds: env.int('COMMENTS_RATE_PER_ARTICLE_SECONDS', 60),
    },
  },
});

export type NovinarConfig = ReturnType<typeof novinarConfig>;
export default novinarConfig;
