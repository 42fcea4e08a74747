import type { Core } from '@strapi/strapi';
import { teaserOrphans, variantKey, type PublishedTeaser } from '../domain/doctor';
import { takeDownTeaser } from '../teasers/teaser-sync';
import type { JoinTable } from '../database/sql';
import { ARTICLE, TEASER } from '../uids';
import { modelMeta, publishedArticleVariants, publishedKeys } from './content-rows';
import { disagreement, type DoctorCheck } from './doctor-check';

/** Published teaser variants with their url and the articles any row of the variant links to. */
async function publishedTeasers(strapi: Core.Strapi): Promise<PublishedTeaser[]> {
  const knex = strapi.db.connection;
  const teasers = modelMeta(strapi, TEASER);
  const articles = strapi.db.metadata.get(ARTICLE);
  // Cast: Strapi's attribute metadata type leaves out joinTable/columnName, which the database layer sets.
  const link = (articles.attributes.teaser as unknown as { joinTable: JoinTable }).joinTable;
  const live = (await knex(teasers.tableName).select('document_id', 'locale', 'url').whereNotNull('published_at')) as Array<{
    document_id: string;
    locale: string;
    url: string | null;
  }>;
  const links = (await knex(`${teasers.tableName} as t`)
    .join(`${link.name} as l`, `l.${link.inverseJoinColumn.name}`, 't.id')
    .join(`${articles.tableName} as a`, 'a.id', `l.${link.joinColumn.name}`)
    .distinct({ teaser: 't.document_id', locale: 't.locale', article: 'a.document_id' })) as Array<{ teaser: string; locale: string; article: string }>;
  const articlesOf = new Map<string, string[]>();
  for (const row of links) articlesOf.set(variantKey(row.teaser, row.locale), [...(articlesOf.get(variantKey(row.teaser, row.locale)) ?? []), row.article]);
  return live.map((row) => ({
    documentId: row.document_id,
    locale: row.locale,
    url: row.url,
    articleDocumentIds: articlesOf.get(variantKey(row.document_id, row.locale)) ?? [],
  }));
}

/**
 * Published teasers against the published articles: a teaser whose article is deleted or not
 * published (and that links to no external url) shows a story nobody can open. Repaired by
 * unpublishing it; its wording stays as a draft.
 */
export const teasersCheck: DoctorCheck = {
  name: 'teasers',
  cheap: true,
  async run(strapi, { fix }) {
    const orphans = teaserOrphans(await publishedTeasers(strapi), publishedKeys(await publishedArticleVariants(strapi)), variantKey);
    let repaired = 0;
    if (fix) {
      for (const teaser of orphans) {
        await takeDownTeaser(strapi, { documentId: teaser.documentId, syncWithArticle: false }, teaser.locale, false);
        repaired += 1;
      }
    }
    return {
      check: this.name,
      disagreements: disagreement(
        'published teasers of articles that are not published',
        orphans,
        (teaser) =>
          `teaser ${teaser.documentId} (${teaser.locale})` +
          (teaser.articleDocumentIds.length ? ` of article ${teaser.articleDocumentIds.join(', ')}` : ', article gone'),
      ),
      repaired,
    };
  },
};
