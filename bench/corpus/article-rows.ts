/**
 * The rows Strapi 5 and the app keep for one published article, per locale variant: a draft
 * and a published row in `articles` (same document_id), the same pair for its synced teaser,
 * the link rows of each (tags, section, agency, cited agencies, teaser, editor's picks), the
 * cover in the media morph table, both slugs in the slug registry, and reader comments
 * linked to both article rows. Shapes were read off rows the app itself writes (seed and
 * REST create-and-publish), see docs/benchmarks.md.
 */
import { SLUG_REGISTRY_TABLE } from '../../src/slugs/slug-registry';
import { ARTICLE, TEASER } from '../../src/uids';
import type { ArticleSpec, VariantSpec } from './article-factory';
import type { Batch, Row } from './corpus-db';
import { LOCALES, type Entities, type IdCursor } from './entity-rows';
import type { CorpusLocale } from './text-source';

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** Article row ids of every variant written so far (for editor's picks). */
export class VariantRowIds {
  private readonly ids: Int32Array;

  constructor(articles: number) {
    this.ids = new Int32Array(articles * LOCALES.length * 2);
  }

  private slot(index: number, locale: CorpusLocale, published: boolean): number {
    return (index * LOCALES.length + LOCALES.indexOf(locale)) * 2 + (published ? 1 : 0);
  }

  set(index: number, locale: CorpusLocale, draft: number, published: number): void {
    this.ids[this.slot(index, locale, false)] = draft;
    this.ids[this.slot(index, locale, true)] = published;
  }

  get(index: number, locale: CorpusLocale, published: boolean): number {
    return this.ids[this.slot(index, locale, published)] ?? 0;
  }
}

/** Per-entity ordering counters for the inverse side of links (Strapi's *_ord columns). */
export class LinkOrder {
  private readonly counters = new Map<string, number>();

  next(key: string): number {
    const value = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, value);
    return value;
  }
}

function push(batch: Batch, table: string, row: Row): void {
  const rows = batch.get(table);
  if (rows) rows.push(row);
  else batch.set(table, [row]);
}

const blocks = (paragraphs: readonly string[]): string => JSON.stringify(paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })));

interface VariantContext {
  spec: ArticleSpec;
  variant: VariantSpec;
  entities: Entities;
  ids: IdCursor;
  rowIds: VariantRowIds;
  order: LinkOrder;
  batch: Batch;
}

function articleAndTeaserRows(context: VariantContext, published: boolean, articleId: number, teaserId: number): void {
  const { spec, variant, batch } = context;
  const created = new Date(spec.publicationDate.getTime() - 5 * 60_000);
  const publishedAt = published ? spec.publicationDate : null;
  const common = { created_at: created, updated_at: created, published_at: publishedAt, created_by_id: null, updated_by_id: null, locale: variant.locale };
  push(batch, 'articles', {
    id: articleId,
    document_id: spec.documentId,
    title: variant.title,
    slug: variant.slug,
    lede: variant.lede,
    body: blocks(variant.paragraphs),
    cover_caption: variant.coverCaption,
    publication_date: spec.publicationDate,
    updated_date: null,
    comments_enabled: true,
    ...common,
  });
  push(batch, 'teasers', {
    id: teaserId,
    document_id: spec.teaserDocumentId,
    title: variant.title,
    slug: variant.slug,
    lede: variant.lede,
    url: null,
    sync_with_article: true,
    ...common,
  });
}

function linkRows(context: VariantContext, articleId: number, teaserId: number, published: boolean, ords: { tags: number[]; section: number }): void {
  const { spec, variant, entities, batch, rowIds } = context;
  const locale = variant.locale;
  push(batch, 'articles_teaser_lnk', { article_id: articleId, teaser_id: teaserId });
  spec.tagIndexes.forEach((tagIndex, position) => {
    const tag = entities.tags[tagIndex];
    if (tag)
      push(batch, 'articles_tags_lnk', { article_id: articleId, tag_id: tag.rowIds[locale], tag_ord: position + 1, article_ord: ords.tags[position] ?? 1 });
  });
  const section = entities.sections[spec.sectionIndex];
  if (section) push(batch, 'articles_section_lnk', { article_id: articleId, section_id: section.rowIds[locale], article_ord: ords.section });
  const agency = entities.agencies[spec.agencyIndex];
  if (agency) push(batch, 'articles_source_agency_lnk', { article_id: articleId, source_agency_id: agency.rowIds[locale] });
  const cited = spec.citedAgencyIndex === null ? undefined : entities.agencies[spec.citedAgencyIndex];
  if (cited) push(batch, 'articles_cited_agencies_lnk', { article_id: articleId, source_agency_id: cited.rowIds[locale], source_agency_ord: 1 });
  let pickOrder = 0;
  for (const pick of spec.picks) {
    const target = rowIds.get(pick, locale, published);
    if (target) push(batch, 'articles_related_articles_lnk', { article_id: articleId, inv_article_id: target, article_ord: (pickOrder += 1) });
  }
  const cover = entities.covers[spec.coverIndex];
  if (cover) {
    push(batch, 'files_related_mph', { file_id: cover.id, related_id: articleId, related_type: ARTICLE, field: 'cover', order: 1 });
    push(batch, 'files_related_mph', { file_id: cover.id, related_id: teaserId, related_type: TEASER, field: 'image', order: 1 });
  }
}

function commentRows(context: VariantContext, draftId: number, publishedId: number): number {
  const { spec, variant, ids, batch } = context;
  let approved = 0;
  for (const comment of spec.comments.filter((candidate) => candidate.locale === variant.locale)) {
    const id = ids.next('comments');
    push(batch, 'comments', {
      id,
      document_id: comment.documentId,
      article_document_id: spec.documentId,
      locale: comment.locale,
      author_name: comment.authorName,
      author_email: null,
      body: comment.body,
      moderation_status: comment.status,
      ip_hash: comment.ipHash,
      user_agent: USER_AGENT,
      created_at: comment.createdAt,
      updated_at: comment.createdAt,
      published_at: comment.createdAt,
      created_by_id: null,
      updated_by_id: null,
    });
    push(batch, 'comments_article_lnk', { comment_id: id, article_id: draftId });
    push(batch, 'comments_article_lnk', { comment_id: id, article_id: publishedId });
    if (comment.status === 'approved') approved += 1;
  }
  return approved;
}

/** Adds every row of one variant to `batch`; returns its approved comment count. */
export function addVariantRows(context: VariantContext): number {
  const { spec, variant, ids, rowIds, order, batch } = context;
  const [draftId, publishedId] = [ids.next('articles'), ids.next('articles')];
  const [draftTeaserId, publishedTeaserId] = [ids.next('teasers'), ids.next('teasers')];
  rowIds.set(spec.index, variant.locale, draftId, publishedId);
  const ords = {
    tags: spec.tagIndexes.map((tag) => order.next(`tag:${tag}:${variant.locale}`)),
    section: order.next(`section:${spec.sectionIndex}:${variant.locale}`),
  };
  articleAndTeaserRows(context, false, draftId, draftTeaserId);
  articleAndTeaserRows(context, true, publishedId, publishedTeaserId);
  linkRows(context, draftId, draftTeaserId, false, ords);
  linkRows(context, publishedId, publishedTeaserId, true, ords);
  push(batch, SLUG_REGISTRY_TABLE, {
    uid: ARTICLE,
    locale: variant.locale,
    slug: variant.slug,
    document_id: spec.documentId,
    is_current: true,
    published: true,
  });
  push(batch, SLUG_REGISTRY_TABLE, {
    uid: TEASER,
    locale: variant.locale,
    slug: variant.slug,
    document_id: spec.teaserDocumentId,
    is_current: true,
    published: true,
  });
  return commentRows(context, draftId, publishedId);
}

export type { VariantContext };
