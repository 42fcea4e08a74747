/** What the numbers were measured on: cores, memory, load, versions. */
import os from 'os';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import type { PostgresTarget } from '../corpus/corpus-db';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryMb: number;
  freeMemoryMbAtStart: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  os: string;
  node: string;
  strapi: string;
  sqlite: string;
  postgres?: string;
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version;
  } finally {
    db.close();
  }
}

export async function postgresVersion(server: Omit<PostgresTarget, 'client'>): Promise<string> {
  const knex = knexFactory({ client: 'pg', connection: { ...server }, pool: { min: 0, max: 1 } });
  try {
    const result = (await knex.raw('SHOW server_version')) as { rows: Array<{ server_version: string }> };
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await knex.destroy();
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    freeMemoryMbAtStart: Math.round(os.freemem() / 1024 / 1024),
    loadAverageAtStart: os.loadavg().map(round),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    strapi: (require('@strapi/strapi/package.json') as { version: string }).version,
    sqlite: sqliteVersion(),
  };
}

export const currentLoadAverage = (): number[] => os.loadavg().map(round);
