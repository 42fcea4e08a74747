import { isoFromDb } from '../database/sql';
import { goLiveDisagreements, type GoLiveMoment } from '../domain/doctor';
import { GOLIVE_TABLE } from '../golive/golive-store';
import { replanGoLive } from '../golive/golive-middleware';
import { now } from '../clock';
import { publishedArticleVariants } from './content-rows';
import { disagreement, type DoctorCheck } from './doctor-check';

/**
 * Go-live moments (`novinar_golive`) against the published articles: pending moments of
 * deleted, unpublished or re-dated stories, and embargoed stories without a moment (their
 * `entry.golive` would never fire). Repaired by planning each such document's moments anew,
 * as a write to it would.
 */
export const goLiveCheck: DoctorCheck = {
  name: 'golive',
  cheap: true,
  async run(strapi, { fix }) {
    const rows = (await strapi.db.connection(GOLIVE_TABLE).select('id', 'document_id', 'locale', 'go_live_at', 'fired_at')) as Array<{
      id: number;
      document_id: string;
      locale: string;
      go_live_at: unknown;
      fired_at: unknown;
    }>;
    const moments: GoLiveMoment[] = rows.map((row) => ({
      id: Number(row.id),
      documentId: row.document_id,
      locale: row.locale,
      goLiveAt: new Date(isoFromDb(row.go_live_at) as string),
      fired: row.fired_at !== null && row.fired_at !== undefined,
    }));
    const found = goLiveDisagreements(moments, await publishedArticleVariants(strapi), now());
    let repaired = 0;
    if (fix) {
      for (const documentId of new Set([...found.orphans, ...found.missing].map((row) => row.documentId))) {
        await replanGoLive(strapi, documentId);
        repaired += 1;
      }
    }
    return {
      check: this.name,
      disagreements: [
        ...disagreement(
          'pending go-live moments of stories not published at that date',
          found.orphans,
          (row) => `article ${row.documentId} (${row.locale}) at ${row.goLiveAt.toISOString()}`,
        ),
        ...disagreement(
          'embargoed stories without a go-live moment',
          found.missing,
          (row) => `article ${row.documentId} (${row.locale}) at ${row.goLiveAt.toISOString()}`,
        ),
      ],
      repaired,
    };
  },
};
