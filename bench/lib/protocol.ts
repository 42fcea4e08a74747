/** The line bench/server.ts prints on stdout once it listens: `BENCH_READY {"port":…,"token":…}`. */
export const READY_MARKER = 'BENCH_READY';
