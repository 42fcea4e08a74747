import type { Knex } from 'knex';
import { isEmbargoed } from '../domain/dates';

/**
 * THE rule of what the public may see, in each form a reader needs it. A story is public when it
 * is published (Strapi's published row exists) and released: its publicationDate is empty or
 * past. A future publicationDate is an embargo; the story appears by itself at that moment,
 * because every reader compares with the clock at read time.
 *
 * - Document Service filters: `articleReleasedFilter`, `teaserReleasedFilter`.
 * - knex, for hand-written SQL: `wherePublicArticle`, `onPublicArticle` (joins), `whereReleasedAt` (tables of published
 *   variants only, such as the related index), `wherePublishedRow` (linked rows of a type with drafts, such as authors).
 * - in memory, for rows already read (GraphQL relation fields): `isReleased`.
 */
type Filters = Record<string, unknown>;

export function isReleased(publicationDate: string | Date | null | undefined, at: Date): boolean {
  return !isEmbargoed(publicationDate ?? null, at);
}

/** An article is out when its publicationDate has passed (an empty one counts as out). */
export function articleReleasedFilter(at: Date): Filters {
  return { $or: [{ publicationDate: { $null: true } }, { publicationDate: { $lte: at.toISOString() } }] };
}

/**
 * A teaser is out when it promotes a released article, or an external url. A teaser with
 * neither (e.g. left behind when an editor made a second teaser for the same story) is not.
 */
export function teaserReleasedFilter(at: Date): Filters {
  // The article must exist: through a LEFT JOIN a missing article would pass "publicationDate is null".
  return {
    $or: [{ url: { $notNull: true }, article: { id: { $null: true } } }, { article: { $and: [{ id: { $notNull: true } }, articleReleasedFilter(at)] } }],
  };
}

/**
 * Published article rows (`alias.published_at`), released at `at` unless `at` is null (internal
 * reads, which see embargoed stories too). Column names are the ones Strapi gives the article
 * attributes (`published_at`, `publication_date`).
 */
export function wherePublicArticle(query: Knex.QueryBuilder, alias: string, at: Date | null): Knex.QueryBuilder {
  void query.whereNotNull(`${alias}.published_at`);
  return at ? whereReleasedAt(query, `${alias}.publication_date`, at) : query;
}

/**
 * Rows of a type with drafts (alias `alias`) in their published version only, for hand-written SQL
 * that matches linked rows by a field (search narrowed by an author's slug): a draft row, or the
 * draft of an unpublished edit, must match nothing.
 */
export function wherePublishedRow(query: Knex.QueryBuilder, alias: string): Knex.QueryBuilder {
  return query.whereNotNull(`${alias}.published_at`);
}

/** A join on article rows (`alias`) restricted to public ones: published, released at `at` unless null. */
export function onPublicArticle(join: Knex.JoinClause, alias: string, at: Date | null, knex: Knex | Knex.Transaction): Knex.JoinClause {
  void join.andOnNotNull(`${alias}.published_at`);
  if (!at) return join;
  return join.andOn((released) => {
    void released.onNull(`${alias}.publication_date`).orOn(`${alias}.publication_date`, '<=', knex.raw('?', [at]));
  });
}

/** Rows whose publication date (`dateColumn`) is empty or not after `at`: released then. */
export function whereReleasedAt(query: Knex.QueryBuilder, dateColumn: string, at: Date): Knex.QueryBuilder {
  return query.andWhere((released) => released.whereNull(dateColumn).orWhere(dateColumn, '<=', at));
}
