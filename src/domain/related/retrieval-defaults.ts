/**
 * Defaults for the candidate query the database runs before `rankRelated` (pure constants:
 * the SQL lives with the service). Tuned with scripts/eval-related-offline.ts.
 */

/**
 * How many candidates the inverted-index query returns (ranked by the sum of weight
 * products over shared terms). A few hundred leaves room for the near-duplicate collapse and
 * for tags/recency to reorder, and keeps the JS scoring step cheap.
 */
export const RELATED_CANDIDATE_LIMIT = 200;

/**
 * Postings of one term read by the candidate query on each side of the target's date, the
 * nearest in time: bounds the rows one publish reads however large the archive grows.
 */
export const RELATED_POSTINGS_PER_TERM = 60;

/** Only stories published within this many days of the target are candidates. */
export const RELATED_RECENCY_WINDOW_DAYS = 365;

/**
 * How many computed related articles are stored per article: the related feed's maximum
 * limit (a page asks for a few, 3 by default).
 */
export const RELATED_STORED_LIST_SIZE = 20;
