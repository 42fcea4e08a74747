import type { Core } from '@strapi/strapi';
import { ARTICLE, COMMENT, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../../src/uids';
import { MAIN_TITLE } from './fixtures';

/**
 * Content no public caller may see or detect, planted through the Document Service (no request,
 * so nothing filters it): its markers are ASCII so they also end up in slugs. The draft and the
 * embargoed story are flagged breaking and featured and carry correction notes; the main story
 * has an unpublished correction in its edit.
 */
export const MARKERS = {
  draft: 'zqdraftqz',
  edit: 'zqeditqz',
  embargo: 'zqembargoqz',
  comment: 'zqcommentqz',
  email: 'zqemailqz',
} as const;

export interface PlantedSecrets {
  /** Strings that must never appear in a public answer. */
  secrets: string[];
  /** The published main story that has an unpublished edit and pending comments. */
  mainSlug: string;
  mainDocumentId: string;
  draftDocumentId: string;
  embargoDocumentId: string;
  embargoSlug: string;
  embargoTeaserDocumentId: string;
}

const para = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export async function plantSecrets(strapi: Core.Strapi): Promise<PlantedSecrets> {
  const tag = await strapi.documents(TAG).findFirst({ locale: 'bg' });
  const section = await strapi.documents(SECTION).findFirst({ locale: 'bg' });
  const agency = await strapi.documents(SOURCE_AGENCY).findFirst({ locale: 'bg' });
  if (!tag || !section || !agency) throw new Error('fixture: the demo taxonomy is missing');
  const relations = { tags: [tag.documentId], section: section.documentId, sourceAgency: agency.documentId, citedAgencies: [agency.documentId] };

  const draft = await strapi.documents(ARTICLE).create({
    locale: 'bg',
    data: { title: `Чернова ${MARKERS.draft}`, lede: `Лийд ${MARKERS.draft}`, body: para(`Текст ${MARKERS.draft}`), coverCaption: MARKERS.draft, breaking: true, featured: true, corrections: [{ note: `Поправка ${MARKERS.draft}` }], ...relations } as never,
  });

  const main = await strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
  if (!main) throw new Error('fixture: the main story is missing');
  await strapi.documents(ARTICLE).update({
    documentId: main.documentId,
    locale: 'bg',
    data: { title: `${MAIN_TITLE} ${MARKERS.edit}`, lede: `Редакция ${MARKERS.edit}`, body: para(`Нов текст ${MARKERS.edit}`), corrections: [{ note: `Непубликувана поправка ${MARKERS.edit}` }] } as never,
  });

  const embargo = await strapi.documents(ARTICLE).create({
    locale: 'bg',
    data: {
      title: `Ембарго ${MARKERS.embargo}`,
      lede: `Утре ${MARKERS.embargo}`,
      body: para(`Текст ${MARKERS.embargo}`),
      publicationDate: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      relatedArticles: [main.documentId],
      // Flagged and corrected before its release: neither may show before it.
      breaking: true,
      featured: true,
      corrections: [{ note: `Поправка ${MARKERS.embargo}` }],
      ...relations,
    } as never,
  });
  await strapi.documents(ARTICLE).publish({ documentId: embargo.documentId, locale: 'bg' });
  // The main story picks the embargoed one as related (an editor preparing the release).
  const teaser = await strapi.db.query(TEASER).findOne({ where: { locale: 'bg', article: { documentId: embargo.documentId } }, select: ['documentId'] });
  if (!teaser) throw new Error('fixture: the embargoed story got no teaser');

  for (const body of [`Изчакващ ${MARKERS.comment}`, `Спам ${MARKERS.comment}`]) {
    await strapi.documents(COMMENT).create({
      data: {
        article: { connect: [{ documentId: main.documentId, locale: 'bg' }] },
        articleDocumentId: main.documentId,
        locale: 'bg',
        authorName: `Читател ${MARKERS.comment}`,
        authorEmail: `${MARKERS.email}@example.com`,
        body,
        moderationStatus: body.startsWith('Спам') ? 'spam' : 'pending',
        ipHash: MARKERS.comment,
        userAgent: MARKERS.comment,
      } as never,
    });
  }

  return {
    secrets: [...Object.values(MARKERS), draft.documentId, embargo.documentId, teaser.documentId as string],
    mainSlug: main.slug as string,
    mainDocumentId: main.documentId,
    draftDocumentId: draft.documentId,
    embargoDocumentId: embargo.documentId,
    embargoSlug: embargo.slug as string,
    embargoTeaserDocumentId: teaser.documentId as string,
  };
}

/** The planted secrets found in a response body (none, for a safe answer). */
export function leakedSecrets(body: unknown, secrets: readonly string[]): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  return secrets.filter((secret) => text.includes(secret));
}
