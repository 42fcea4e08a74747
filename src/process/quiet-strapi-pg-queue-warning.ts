const PG_QUEUE_WARNING = 'Calling client.query() when the client is already executing a query is deprecated';
/** Where the queries come from: Strapi's Document Service loading relation ids (transform/id-map). */
const STRAPI_ID_MAP = /document-service[\\/]transform[\\/]id-map/;

let installed = false;

/**
 * pg 8 warns (once per process) when a query is sent on a client that is still running one:
 * pg 9 will stop queueing them. Strapi 5.54's Document Service does exactly that inside a
 * transaction: its id map loads relation ids with p-map, several findMany at a time, on the
 * transaction's single connection (@strapi/core, document-service/transform/id-map). pg 8
 * queues them in order, so nothing goes wrong today; it is Strapi's to change before pg 9, and
 * says nothing about this app. Only that caller is silenced: the same warning raised from any
 * other stack (our own code, say) still prints.
 */
export function quietStrapiPgQueueWarning(): void {
  if (installed) return;
  installed = true;
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const message = typeof warning === 'string' ? warning : warning.message;
    if (message.startsWith(PG_QUEUE_WARNING) && fromStrapiIdMap()) return;
    // emitWarning's overloads cannot be spread back generically; the arguments are passed through unchanged.
    (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

/** Whether the current call stack runs through Strapi's id map (async frames included). */
function fromStrapiIdMap(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 100;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return STRAPI_ID_MAP.test(stack);
}
