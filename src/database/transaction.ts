import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Runs `fn` in the current Strapi transaction (the write's own), or a new one. */
export function inTransaction<T>(strapi: Core.Strapi, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return strapi.db.transaction(({ trx }) => fn(trx as Knex.Transaction)) as Promise<T>;
}
