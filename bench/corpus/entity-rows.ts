/**
 * Rows of the small shared entities: sections, source agencies, tags (each in bg and en, one
 * document per entity, no draft & publish) and the cover images in `files`, with their slugs
 * in the app's slug registry.
 */
import { nextFreeSlug, slugifyTitle } from '../../src/domain/slug';
import { SLUG_REGISTRY_TABLE } from '../../src/slugs/slug-registry';
import { SECTION, SOURCE_AGENCY, TAG } from '../../src/uids';
import type { Batch, Row } from './corpus-db';
import { COVER_COUNT, NEWSROOM_AGENCIES, NEWSROOM_SECTIONS, type Bilingual } from './newsroom-vocabulary';
import { documentIdFrom, type Rng } from './rng';
import type { CorpusLocale, TagName } from './text-source';

export const LOCALES: readonly CorpusLocale[] = ['bg', 'en'];

/** Row ids of one entity document per locale. */
export interface EntityRef {
  documentId: string;
  rowIds: Record<CorpusLocale, number>;
}
export interface CoverRef {
  id: number;
  url: string;
  alternativeText: string;
}

export interface Entities {
  sections: EntityRef[];
  agencies: EntityRef[];
  tags: EntityRef[];
  covers: CoverRef[];
}

export interface IdCursor {
  next(table: string): number;
}

interface EntityTable {
  table: string;
  uid: string;
  names: Bilingual[];
  extra: (index: number, locale: CorpusLocale) => Row;
}

function entityRows(rng: Rng, ids: IdCursor, spec: EntityTable, at: Date, batch: Batch): EntityRef[] {
  const rows = batch.get(spec.table) ?? [];
  const registry = batch.get(SLUG_REGISTRY_TABLE) ?? [];
  const taken = new Map<CorpusLocale, Set<string>>(LOCALES.map((locale) => [locale, new Set<string>()]));
  const refs = spec.names.map((name, index) => {
    const documentId = documentIdFrom(rng);
    const rowIds = {} as Record<CorpusLocale, number>;
    for (const locale of LOCALES) {
      const used = taken.get(locale) as Set<string>;
      const slug = nextFreeSlug(slugifyTitle(name[locale], locale), used);
      used.add(slug);
      const id = ids.next(spec.table);
      rowIds[locale] = id;
      rows.push({
        id,
        document_id: documentId,
        name: name[locale],
        slug,
        ...spec.extra(index, locale),
        created_at: at,
        updated_at: at,
        published_at: at,
        locale,
      });
      registry.push({ uid: spec.uid, locale, slug, document_id: documentId, is_current: true, published: true });
    }
    return { documentId, rowIds };
  });
  batch.set(spec.table, rows);
  batch.set(SLUG_REGISTRY_TABLE, registry);
  return refs;
}

function imageFormat(name: string, hash: string, width: number, height: number) {
  return {
    name: `${name}.jpg`,
    hash,
    ext: '.jpg',
    mime: 'image/jpeg',
    path: null,
    width,
    height,
    size: Math.round(width * height * 0.0006) / 10,
    sizeInBytes: Math.round(width * height * 0.06),
    url: `/uploads/${hash}.jpg`,
  };
}

function coverRows(rng: Rng, ids: IdCursor, at: Date, batch: Batch): CoverRef[] {
  const rows: Row[] = [];
  const covers = Array.from({ length: COVER_COUNT }, (_, index) => {
    const id = ids.next('files');
    const name = `bench-cover-${index + 1}`;
    const hash = `bench_cover_${index + 1}_${documentIdFrom(rng).slice(0, 10)}`;
    const formats = {
      thumbnail: imageFormat(`thumbnail_${name}`, `thumbnail_${hash}`, 245, 138),
      small: imageFormat(`small_${name}`, `small_${hash}`, 500, 281),
      medium: imageFormat(`medium_${name}`, `medium_${hash}`, 750, 422),
      large: imageFormat(`large_${name}`, `large_${hash}`, 1000, 563),
    };
    const alternativeText = `Снимка ${index + 1}`;
    rows.push({
      id,
      document_id: documentIdFrom(rng),
      name: `${name}.jpg`,
      alternative_text: alternativeText,
      caption: null,
      width: 1200,
      height: 675,
      formats: JSON.stringify(formats),
      hash,
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 72.4,
      url: `/uploads/${hash}.jpg`,
      preview_url: null,
      provider: 'local',
      provider_metadata: null,
      folder_path: '/',
      created_at: at,
      updated_at: at,
      published_at: at,
      locale: null,
    });
    return { id, url: `/uploads/${hash}.jpg`, alternativeText };
  });
  batch.set('files', rows);
  return covers;
}

/** Adds the entity rows to `batch` and returns their ids. */
export function buildEntities(rng: Rng, ids: IdCursor, tagNames: readonly TagName[], at: Date, batch: Batch): Entities {
  const sections = entityRows(
    rng,
    ids,
    {
      table: 'sections',
      uid: SECTION,
      names: NEWSROOM_SECTIONS.map((section) => section.name),
      extra: (index) => ({ position: NEWSROOM_SECTIONS[index]?.position ?? 0 }),
    },
    at,
    batch,
  );
  const agencies = entityRows(
    rng,
    ids,
    {
      table: 'source_agencies',
      uid: SOURCE_AGENCY,
      names: NEWSROOM_AGENCIES.map((agency) => agency.name),
      extra: (index, locale) => {
        const agency = NEWSROOM_AGENCIES[index];
        return { credit_line: agency?.creditLine[locale] ?? '', url: agency?.url || null, kind: agency?.kind ?? 'wire' };
      },
    },
    at,
    batch,
  );
  const tags = entityRows(rng, ids, { table: 'tags', uid: TAG, names: tagNames.map((tag) => ({ bg: tag.bg, en: tag.en })), extra: () => ({}) }, at, batch);
  return { sections, agencies, tags, covers: coverRows(rng, ids, at, batch) };
}
