/** A text answer (feed or sitemap) with what HTTP caching and the response cache need. */
export interface TextAnswer {
  body: string;
  contentType: string;
  lastModified: Date | null;
  cacheTags: string[];
}

export interface TextContext {
  type: string;
  body: unknown;
  state: { cacheTags?: string[] };
  set(name: string, value: string): void;
}

/**
 * Answers with a feed or sitemap document: its content type, Last-Modified (conditional GETs
 * with If-Modified-Since; the response cache adds the ETag and answers 304s) and the cache tags
 * the response cache files the entry under.
 */
export function respondText(ctx: TextContext, answer: TextAnswer): string {
  ctx.type = answer.contentType;
  if (answer.lastModified) ctx.set('Last-Modified', answer.lastModified.toUTCString());
  ctx.state.cacheTags = [...(ctx.state.cacheTags ?? []), ...answer.cacheTags];
  ctx.body = answer.body;
  return answer.body;
}
