/**
 * What the desk's widgets list, read for the locales the caller may see (src/domain/desk decides
 * which). Admin reads: embargoed stories and drafts are shown on purpose, so these go through
 * the query engine, not the public read path of src/visibility/.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE, COMMENT } from '../uids';
import { now } from '../clock';
import { countApprovedComments } from '../comments/comment-counts';
import type { TranslationState } from '../domain/translations/translation-status';

/** How many items a widget lists (the home page is a glance, the full lists are a click away). */
export const DESK_LIMIT = 10;

interface ArticleRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  publicationDate: string | null;
  updatedAt: string | null;
  publishedAt: string | null;
}

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);
const articles = (strapi: Core.Strapi) => strapi.db.query(ARTICLE);

export interface ScheduledItem {
  documentId: string;
  locale: string;
  title: string;
  goLiveAt: string;
}

/** Published stories whose publicationDate is still ahead (the embargo queue), soonest first. */
export async function scheduledStories(strapi: Core.Strapi, locales: readonly string[]): Promise<ScheduledItem[]> {
  const rows = (await articles(strapi).findMany({
    where: { locale: { $in: [...locales] }, publishedAt: { $notNull: true }, publicationDate: { $gt: now().toISOString() } },
    select: ['documentId', 'locale', 'title', 'publicationDate'],
    orderBy: [{ publicationDate: 'asc' }, { id: 'asc' }],
    limit: DESK_LIMIT,
  })) as ArticleRow[];
  return rows.map((row) => ({ documentId: row.documentId, locale: row.locale, title: row.title, goLiveAt: iso(row.publicationDate) as string }));
}

export interface PublishedItem {
  documentId: string;
  locale: string;
  title: string;
  publicationDate: string | null;
  publishedAt: string | null;
  comments: number;
}

/** The latest released stories (the public sees them now), newest first, with approved comment counts. */
export async function latestPublished(strapi: Core.Strapi, locales: readonly string[]): Promise<PublishedItem[]> {
  const at = now().toISOString();
  const rows = (await articles(strapi).findMany({
    where: { locale: { $in: [...locales] }, publishedAt: { $notNull: true }, $or: [{ publicationDate: { $null: true } }, { publicationDate: { $lte: at } }] },
    select: ['documentId', 'locale', 'title', 'publicationDate', 'publishedAt'],
    orderBy: [{ publicationDate: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    limit: DESK_LIMIT,
  })) as ArticleRow[];
  const counts = new Map<string, number>();
  for (const locale of new Set(rows.map((row) => row.locale))) {
    const ids = rows.filter((row) => row.locale === locale).map((row) => row.documentId);
    for (const [documentId, count] of await countApprovedComments(strapi, ids, locale)) counts.set(`${locale}:${documentId}`, count);
  }
  return rows.map((row) => ({
    documentId: row.documentId,
    locale: row.locale,
    title: row.title,
    publicationDate: iso(row.publicationDate),
    publishedAt: iso(row.publishedAt),
    comments: counts.get(`${row.locale}:${row.documentId}`) ?? 0,
  }));
}

export interface DraftItem {
  documentId: string;
  locale: string;
  title: string;
  updatedAt: string | null;
}

/** The user's own drafts never published (in that locale), last edited first. */
export async function ownDrafts(strapi: Core.Strapi, userId: number, locales: readonly string[]): Promise<DraftItem[]> {
  const drafts = (await articles(strapi).findMany({
    where: { locale: { $in: [...locales] }, publishedAt: null, createdBy: { id: userId } },
    select: ['documentId', 'locale', 'title', 'updatedAt'],
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    // Published ones are dropped below; read enough to fill the widget after that.
    limit: DESK_LIMIT * 5,
  })) as ArticleRow[];
  if (drafts.length === 0) return [];
  const published = (await articles(strapi).findMany({
    where: { documentId: { $in: drafts.map((row) => row.documentId) }, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale'],
  })) as ArticleRow[];
  const isPublished = new Set(published.map((row) => `${row.locale}:${row.documentId}`));
  return drafts
    .filter((row) => !isPublished.has(`${row.locale}:${row.documentId}`))
    .slice(0, DESK_LIMIT)
    .map((row) => ({ documentId: row.documentId, locale: row.locale, title: row.title, updatedAt: iso(row.updatedAt) }));
}

export interface PendingComments {
  total: number;
  items: Array<{
    documentId: string;
    authorName: string;
    body: string;
    createdAt: string | null;
    article: { documentId: string; locale: string; title: string | null };
  }>;
}

/** Comments waiting for a moderator: how many, and the oldest ones first (they have waited longest). */
export async function pendingComments(strapi: Core.Strapi): Promise<PendingComments> {
  const comments = strapi.db.query(COMMENT);
  const where = { moderationStatus: 'pending' };
  const [rows, total] = await Promise.all([
    comments.findMany({
      where,
      select: ['documentId', 'authorName', 'body', 'createdAt', 'articleDocumentId', 'locale'],
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      limit: DESK_LIMIT,
    }) as Promise<Array<{ documentId: string; authorName: string; body: string; createdAt: string | null; articleDocumentId: string; locale: string }>>,
    comments.count({ where }),
  ]);
  const titles = (await articles(strapi).findMany({
    where: { documentId: { $in: rows.map((row) => row.articleDocumentId) }, publishedAt: null },
    select: ['documentId', 'locale', 'title'],
  })) as ArticleRow[];
  const title = new Map(titles.map((row) => [`${row.locale}:${row.documentId}`, row.title]));
  return {
    total,
    items: rows.map((row) => ({
      documentId: row.documentId,
      authorName: row.authorName,
      body: row.body.length > 160 ? `${row.body.slice(0, 159)}…` : row.body,
      createdAt: iso(row.createdAt),
      article: { documentId: row.articleDocumentId, locale: row.locale, title: title.get(`${row.locale}:${row.articleDocumentId}`) ?? null },
    })),
  };
}

export interface TranslationTodo {
  documentId: string;
  title: string;
  locale: string;
  status: Exclude<TranslationState, 'up-to-date'>;
}

interface TranslationService {
  status(
    locale: string,
    page: number,
    pageSize: number,
    only?: TranslationState,
  ): Promise<{ items: Array<{ documentId: string; title: string; status: TranslationState }> }>;
}

/** Articles whose translation into one of `locales` is missing or outdated (the translation service decides). */
export async function translationsToDo(strapi: Core.Strapi, locales: readonly string[]): Promise<TranslationTodo[]> {
  const service = strapi.service('api::translation.translation') as unknown as TranslationService;
  const todo: TranslationTodo[] = [];
  for (const locale of locales) {
    for (const status of ['outdated', 'missing'] as const) {
      const { items } = await service.status(locale, 1, DESK_LIMIT, status);
      for (const item of items) if (item.status === status) todo.push({ documentId: item.documentId, title: item.title, locale, status });
    }
  }
  return todo;
}
