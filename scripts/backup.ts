/**
 * npm run backup -- --file <path> [--key <key>]
 *
 * Writes one backup file of everything a site needs that a fresh install cannot make again:
 * Strapi's export (content, media, webhooks, settings) and the project's own tables that no
 * content field remembers (slug history, pending go-live moments). With a key (--key, or
 * BACKUP_KEY in the environment, which keeps it out of the process list) both are encrypted.
 * README.md, "Backup and restore", says what is carried, rebuilt and left out.
 */
import fs from 'fs/promises';
import path from 'path';
import { gzipSync } from 'zlib';
import { parseArgs } from 'node:util';
import type { Core } from '@strapi/strapi';
import { bootForScript, runWhenMain } from './boot';
import { exportStrapi } from '../src/backup/strapi-transfer';
import { dumpTables } from '../src/backup/carried-tables';
import { encryptDump } from '../src/backup/dump-cipher';
import { BACKUP_FORMAT, BACKUP_VERSION, memberNames, packBackup, scratchDirectory, type BackupManifest } from '../src/backup/backup-archive';

export interface BackupOptions {
  file: string;
  key?: string;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  /** Items Strapi's export carried, per stage. */
  strapi: Record<string, number>;
  warnings: string[];
  ms: number;
}

export async function createBackup(strapi: Core.Strapi, options: BackupOptions): Promise<BackupSummary> {
  const started = Date.now();
  const key = options.key || undefined;
  const members = memberNames(Boolean(key));
  const scratch = await scratchDirectory();
  try {
    const exported = await exportStrapi(strapi, { path: path.join(scratch.dir, 'strapi-export'), key });
    if (path.basename(exported.file) !== members.strapi) throw new Error(`Strapi wrote ${path.basename(exported.file)}, expected ${members.strapi}`);
    // After the export, not before: a story created in between then leaves a slug row without
    // its story (its slug stays taken), never a story without its slug row (a slug given twice).
    const dump = await dumpTables(strapi.db.connection);
    const json = Buffer.from(JSON.stringify(dump));
    await fs.writeFile(path.join(scratch.dir, members.tables), key ? await encryptDump(gzipSync(json), key) : json);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      strapiVersion: String(strapi.config.get('info.strapi')),
      databaseClient: String(strapi.db.dialect.client),
      encrypted: Boolean(key),
      members,
      tables: Object.fromEntries(Object.entries(dump.tables).map(([table, rows]) => [table, rows.length])),
    };
    await packBackup(scratch.dir, manifest, options.file);
    const { size } = await fs.stat(options.file);
    return { file: path.resolve(options.file), bytes: size, manifest, strapi: exported.counts, warnings: exported.warnings, ms: Date.now() - started };
  } finally {
    await scratch.remove();
  }
}

async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string', short: 'f' }, key: { type: 'string', short: 'k' } }, strict: true });
  if (!values.file) throw new Error('usage: npm run backup -- --file <path> [--key <key>]  (or BACKUP_KEY=<key> in the environment)');
  const strapi = await bootForScript();
  try {
    const summary = await createBackup(strapi, { file: values.file, key: values.key ?? process.env.BACKUP_KEY });
    for (const warning of summary.warnings) console.warn(`warning: ${warning}`);
    const counts = Object.entries(summary.strapi)
      .map(([stage, count]) => `${stage} ${count}`)
      .join(', ');
    const tables = Object.entries(summary.manifest.tables)
      .map(([table, rows]) => `${table} ${rows} rows`)
      .join(', ');
    console.log(
      `backup written to ${summary.file} (${summary.bytes} bytes, ${summary.manifest.encrypted ? 'encrypted' : 'not encrypted'}) in ${(summary.ms / 1000).toFixed(1)} s`,
    );
    console.log(`  Strapi export: ${counts}`);
    console.log(`  own tables: ${tables}`);
  } finally {
    await strapi.destroy();
  }
}

runWhenMain(module, main);
