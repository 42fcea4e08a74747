import type { Core } from '@strapi/strapi';

let installed = false;

/**
 * Keeps the server up when a promise nobody awaits rejects, and logs it instead. Strapi runs a
 * transaction's after-commit callbacks without awaiting them (its database transaction context
 * calls them in a forEach); one of them emits the document's webhook event and throws when a
 * concurrent delete removed the entry (`Cannot read properties of null (reading 'id')`). Node's
 * default for an unhandled rejection is to exit: under concurrent publishes and deletes on
 * PostgreSQL that ended the whole process.
 */
export function logUnhandledRejections(strapi: Core.Strapi): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    const message = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    strapi.log.error(`Unhandled promise rejection (the server keeps running): ${message}`);
  });
}
