// @ts-check
'use strict';

/**
 * Brings a related-article index made by an earlier version up to date. Strapi runs this file
 * once per database at boot, before its schema sync and before the app's bootstrap
 * (https://docs.strapi.io/cms/database-migrations), so on a fresh database the tables do not
 * exist yet: then there is nothing to upgrade, and bootstrap (ensureRelatedTables in
 * src/related/related-store.ts) creates them in their current shape. Idempotent, because
 * databases made between the two changes and this file already have some of it.
 *
 * 1. The (locale, term, publication_date) index on the postings: the candidate query reads
 *    each term's postings nearest in time through it (docs/related.md, "Bounded at any size").
 * 2. The `relevance` column of the stored lists: lists stored before it are re-ranked from
 *    their articles when a new story is offered to them.
 */

const TERMS = 'novinar_related_terms';
const LISTS = 'novinar_related_lists';

/** @param {import('knex').Knex} knex */
async function up(knex) {
  if (await knex.schema.hasTable(TERMS)) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS novinar_related_terms_date_idx ON ${TERMS} (locale, term, publication_date)`);
  }
  if ((await knex.schema.hasTable(LISTS)) && !(await knex.schema.hasColumn(LISTS, 'relevance'))) {
    await knex.schema.alterTable(LISTS, (table) => {
      table.double('relevance');
    });
  }
}

module.exports = { up };
