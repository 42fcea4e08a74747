import type { Core } from '@strapi/strapi';
import { ARTICLE, AUTHOR, COMMENT, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../../src/uids';
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
  /** An author never published, credited on the draft, the embargoed story and the main story's unpublished edit. */
  draftAuthorSlug: string;
  /** A published author credited only on the draft and the embargoed story: its list of stories is empty. */
  publicAuthorSlug: string;
  /** A published bg story whose en variant is only a draft: its localizations list nothing. */
  variantStorySlug: string;
}

/** Marker of the unpublished author (not in MARKERS: those are planted in articles). */
export const AUTHOR_MARKER = 'zqauthorqz';

const para = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export async function plantSecrets(strapi: Core.Strapi): Promise<PlantedSecrets> {
  const tag = await strapi.documents(TAG).findFirst({ locale: 'bg' });
  const section = await strapi.documents(SECTION).findFirst({ locale: 'bg' });
  const agency = await strapi.documents(SOURCE_AGENCY).findFirst({ locale: 'bg' });
  if (!tag || !section || !agency) throw new Error('fixture: the demo taxonomy is missing');
  const relations = { tags: [tag.documentId], section: section.documentId, sourceAgency: agency.documentId, citedAgencies: [agency.documentId] };

  const draftAuthor = await strapi
    .documents(AUTHOR)
    .create({ locale: 'bg', data: { name: `Автор ${AUTHOR_MARKER}`, bio: `Био ${AUTHOR_MARKER}`, role: AUTHOR_MARKER } as never });
  const publicAuthor = await strapi.documents(AUTHOR).create({ locale: 'bg', data: { name: 'Публичен Автор', role: 'Репортер' } as never });
  await strapi.documents(AUTHOR).publish({ documentId: publicAuthor.documentId, locale: 'bg' });
  const bylines = { authors: [draftAuthor.documentId, publicAuthor.documentId] };

  const draft = await strapi.documents(ARTICLE).create({
    locale: 'bg',
    data: {
      title: `Чернова ${MARKERS.draft}`,
      lede: `Лийд ${MARKERS.draft}`,
      body: para(`Текст ${MARKERS.draft}`),
      coverCaption: MARKERS.draft,
      breaking: true,
      featured: true,
      corrections: [{ note: `Поправка ${MARKERS.draft}` }],
      ...relations,
      ...bylines,
    } as never,
  });

  const main = await strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
  if (!main) throw new Error('fixture: the main story is missing');
  await strapi.documents(ARTICLE).update({
    documentId: main.documentId,
    locale: 'bg',
    data: {
      title: `${MAIN_TITLE} ${MARKERS.edit}`,
      lede: `Редакция ${MARKERS.edit}`,
      body: para(`Нов текст ${MARKERS.edit}`),
      metaTitle: MARKERS.edit,
      metaDescription: MARKERS.edit,
      authors: [draftAuthor.documentId],
      corrections: [{ note: `Непубликувана поправка ${MARKERS.edit}` }],
    } as never,
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
      ...bylines,
    } as never,
  });
  await strapi.documents(ARTICLE).publish({ documentId: embargo.documentId, locale: 'bg' });
  // The main story picks the embargoed one as related (an editor preparing the release).
  const teaser = await strapi.db.query(TEASER).findOne({ where: { locale: 'bg', article: { documentId: embargo.documentId } }, select: ['documentId'] });
  if (!teaser) throw new Error('fixture: the embargoed story got no teaser');

  // A public story whose en variant is a draft: its slug and title must not reach localizations or hreflang.
  const variantStory = await strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Публична история с преводи', lede: 'Лид.' } as never });
  await strapi.documents(ARTICLE).publish({ documentId: variantStory.documentId, locale: 'bg' });
  await strapi
    .documents(ARTICLE)
    .update({ documentId: variantStory.documentId, locale: 'en', data: { title: `Draft translation ${MARKERS.draft}`, lede: MARKERS.draft } as never });

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
    secrets: [...Object.values(MARKERS), AUTHOR_MARKER, draft.documentId, embargo.documentId, teaser.documentId as string, draftAuthor.documentId],
    mainSlug: main.slug as string,
    mainDocumentId: main.documentId,
    draftDocumentId: draft.documentId,
    embargoDocumentId: embargo.documentId,
    embargoSlug: embargo.slug as string,
    embargoTeaserDocumentId: teaser.documentId as string,
    draftAuthorSlug: draftAuthor.slug as string,
    publicAuthorSlug: publicAuthor.slug as string,
    variantStorySlug: variantStory.slug as string,
  };
}

/** The planted secrets found in a response body (none, for a safe answer). */
export function leakedSecrets(body: unknown, secrets: readonly string[]): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  return secrets.filter((secret) => text.includes(secret));
}
