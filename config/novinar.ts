import type { Core } from '@strapi/strapi';

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
  /** Shared state (rate limits, response cache) lives in Redis when set, else in memory. */
  redisUrl: env('REDIS_URL', ''),
  comments: {
    ipSalt: env('COMMENT_IP_SALT', ''),
    /** Comments close this many days after publication; 0 keeps them open. */
    closeAfterDays: env.int('COMMENTS_CLOSE_AFTER_DAYS', 0),
    maxLinks: env.int('COMMENTS_MAX_LINKS', 2),
    /** Comma-separated; matched in Cyrillic and Latin spellings. */
    blockedWords: env.array('COMMENTS_BLOCKED_WORDS', []) as string[],
    blockedAction: env('COMMENTS_BLOCKED_ACTION', 'spam') as 'pending' | 'spam',
    /** Auto-approve authors with at least this many approved comments; 0 = every comment is moderated. */
    autoApproveAfterApproved: env.int('COMMENTS_AUTO_APPROVE_AFTER', 0),
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
