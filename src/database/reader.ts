import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { inTransaction } from './transaction';

/**
 * Runs a hand-written read on the current transaction when there is one (a read outside it
 * could wait forever for the connection the transaction holds, and would not see its
 * writes), else straight on the pool without opening a transaction.
 */
export function withReader<T>(strapi: Core.Strapi, fn: (db: Knex | Knex.Transaction) => Promise<T>): Promise<T> {
  return strapi.db.inTransaction() ? inTransaction(strapi, fn) : fn(strapi.db.connection);
}
