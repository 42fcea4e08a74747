/**
 * How much newer stories are lifted: score = relevance × recencyFactor. A story published now
 * gets 1 + boost, one `halfLifeDays` old 1 + boost/2, an old one tends to 1, so recency breaks
 * near-ties between equally relevant stories and never buries a much better old match.
 * A hyperbola rather than an exponential so the SQL engines compute it with plain arithmetic.
 */
export interface RecencySettings {
  boost: number;
  halfLifeDays: number;
}

/** Today ×1.3, a month old ×1.15 (SEARCH_RECENCY_BOOST, SEARCH_RECENCY_HALF_LIFE_DAYS). */
export const SEARCH_RECENCY_DEFAULTS: RecencySettings = { boost: 0.3, halfLifeDays: 30 };

export function recencyFactor(ageDays: number, settings: RecencySettings): number {
  const age = Math.max(0, ageDays);
  return 1 + settings.boost * (settings.halfLifeDays / (settings.halfLifeDays + age));
}
