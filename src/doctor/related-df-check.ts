import type { Knex } from 'knex';
import { countDf, dfDisagreements, type DfDisagreement } from '../domain/doctor';
import { createRelatedStore, DF, DOCS } from '../related/related-store';
import { disagreement, type DoctorCheck, type Progress } from './doctor-check';

const PAGE = 1000;

/** df recounted from the indexed variants' distinct terms, read a page of variants at a time. */
async function recount(db: Knex | Knex.Transaction, locale: string, progress: Progress): Promise<Map<string, number>> {
  const pages = async function* () {
    let after = '';
    for (;;) {
      const rows = (await db(DOCS)
        .select('document_id', 'all_terms')
        .where({ locale })
        .andWhere('document_id', '>', after)
        .orderBy('document_id')
        .limit(PAGE)) as Array<{ document_id: string; all_terms: string }>;
      if (rows.length === 0) return;
      for (const row of rows) {
        yield JSON.parse(row.all_terms) as string[];
        progress.increment();
      }
      after = rows[rows.length - 1].document_id;
    }
  };
  const lists: string[][] = [];
  for await (const terms of pages()) lists.push(terms);
  return countDf(lists);
}

async function stored(db: Knex | Knex.Transaction, locale: string): Promise<Map<string, number>> {
  const rows = (await db(DF).select('term', 'df').where({ locale })) as Array<{ term: string; df: number | string }>;
  return new Map(rows.map((row) => [row.term, Number(row.df)]));
}

/** Writes the recounted values, in term order (the order every df writer locks rows in). */
async function rewrite(db: Knex.Transaction, locale: string, wrong: readonly DfDisagreement[]): Promise<void> {
  const upserts = wrong.filter((row) => row.expected > 0);
  for (let i = 0; i < upserts.length; i += 200) {
    await db(DF)
      .insert(upserts.slice(i, i + 200).map((row) => ({ locale, term: row.term, df: row.expected })))
      .onConflict(['locale', 'term'])
      .merge(['df']);
  }
  const extra = wrong.filter((row) => row.expected === 0).map((row) => row.term);
  for (let i = 0; i < extra.length; i += 500)
    await db(DF)
      .where({ locale })
      .whereIn('term', extra.slice(i, i + 500))
      .delete();
}

/**
 * Document frequencies (`novinar_related_df`) against a recount from the indexed variants'
 * term lists: a crash between a df update and the index rows it belongs to leaves counts off,
 * which skews idf and so every later ranking. Repaired per locale under the index's lock,
 * recounting inside it so no publish slips in between. Reads every variant's term list.
 */
export const relatedDfCheck: DoctorCheck = {
  name: 'related-df',
  cheap: false,
  async run(strapi, { fix, progress }) {
    const knex = strapi.db.connection;
    const locales = ((await knex(DOCS).distinct('locale')) as Array<{ locale: string }>).map((row) => row.locale);
    for (const row of (await knex(DF).distinct('locale')) as Array<{ locale: string }>) if (!locales.includes(row.locale)) locales.push(row.locale);
    const [{ n }] = (await knex(DOCS).count({ n: '*' })) as Array<{ n: number | string }>;
    const wrong: Array<DfDisagreement & { locale: string }> = [];
    let repaired = 0;
    progress.start('document frequencies', Number(n) * (fix ? 2 : 1));
    for (const locale of locales.sort()) {
      const found = dfDisagreements(await recount(knex, locale, progress), await stored(knex, locale));
      wrong.push(...found.map((row) => ({ ...row, locale })));
      if (!fix || found.length === 0) continue;
      await strapi.db.transaction(async ({ trx }) => {
        // Cast: Strapi's transaction callback types trx as its own wrapper; it is the knex transaction.
        const db = trx as unknown as Knex.Transaction;
        await createRelatedStore(db).lockLocale(locale);
        const now = dfDisagreements(await recount(db, locale, progress), await stored(db, locale));
        await rewrite(db, locale, now);
        repaired += now.length;
      });
    }
    progress.stop();
    return {
      check: this.name,
      disagreements: disagreement(
        'document frequencies that disagree with the index',
        wrong,
        (row) => `${row.locale} "${row.term}": stored ${row.actual}, counted ${row.expected}`,
      ),
      repaired,
    };
  },
};
