/**
 * npm run restore -- --file <path> [--key <key>] [--force]
 *
 * Restores a backup made by `npm run backup` into the database the environment names, with
 * every server of the site stopped: Strapi's import replaces content, media, webhooks and
 * settings; the slug history and pending go-live moments are loaded; the related-article index
 * and lists are rebuilt from the restored articles. Refuses a database that has content unless
 * --force. README.md, "Backup and restore", has the details.
 */
import fs from 'fs/promises';
import path from 'path';
import { gunzipSync } from 'zlib';
import { parseArgs } from 'node:util';
import type { Core } from '@strapi/strapi';
import { bootForScript, runWhenMain } from './boot';
import { rebuildRelated } from './related-rebuild';
import { importStrapi } from '../src/backup/strapi-transfer';
import { decodeTables, loadTables, type DecodedTables } from '../src/backup/carried-tables';
import { decryptDump } from '../src/backup/dump-cipher';
import { scratchDirectory, unpackBackup, type BackupManifest } from '../src/backup/backup-archive';
import { siteContent } from '../src/backup/site-content';

export interface RestoreOptions {
  file: string;
  key?: string;
  /** Overwrite a database that has content. */
  force?: boolean;
  /** No progress bar while the related lists are rebuilt. */
  quiet?: boolean;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  /** Items Strapi's import wrote, per stage. */
  strapi: Record<string, number>;
  /** Rows loaded per table of the project's own. */
  tables: Record<string, number>;
  /** Published article variants indexed for related stories. */
  relatedVariants: number;
  warnings: string[];
  ms: number;
}

/** A restore that would overwrite content without --force. */
export class RestoreRefused extends Error {}

async function readTables(dir: string, manifest: BackupManifest, key: string | undefined): Promise<DecodedTables> {
  const raw = await fs.readFile(path.join(dir, manifest.members.tables));
  const json = key ? gunzipSync(await decryptDump(raw, key)) : raw;
  return decodeTables(JSON.parse(json.toString('utf8')));
}

export async function restoreBackup(strapi: Core.Strapi, options: RestoreOptions): Promise<RestoreSummary> {
  const started = Date.now();
  const warnings: string[] = [];
  const scratch = await scratchDirectory();
  try {
    // Everything that can be checked is checked before Strapi's import deletes anything: the
    // archive, the key (the dump's cipher authenticates), every dumped row, the target.
    const manifest = await unpackBackup(options.file, scratch.dir);
    if (manifest.encrypted && !options.key) throw new Error('this backup is encrypted: give its key with --key or BACKUP_KEY');
    if (!manifest.encrypted && options.key) warnings.push('this backup is not encrypted; the key was not needed');
    const key = manifest.encrypted ? options.key : undefined;
    const tables = await readTables(scratch.dir, manifest, key);
    const running = String(strapi.config.get('info.strapi'));
    if (manifest.strapiVersion !== running) warnings.push(`backup made with Strapi ${manifest.strapiVersion}, restoring into ${running}`);
    if (!options.force) {
      const content = await siteContent(strapi);
      if (Object.keys(content).length > 0) {
        const found = Object.entries(content)
          .map(([type, count]) => `${type}: ${count}`)
          .join(', ');
        throw new RestoreRefused(`the database has content (${found}); a restore replaces it all. Run again with --force to overwrite it.`);
      }
    }
    const imported = await importStrapi(strapi, { path: path.join(scratch.dir, manifest.members.strapi), key });
    warnings.push(...imported.warnings);
    const loaded = await loadTables(strapi.db.connection, tables).catch((error: Error) => {
      throw new Error(
        `Strapi's import is done, but loading the slug history and go-live moments failed (${error.message}): run the restore again with --force`,
        { cause: error },
      );
    });
    const relatedVariants = await rebuildRelated(strapi, { restart: true, quiet: options.quiet }).catch((error: Error) => {
      throw new Error(`the backup is restored, but rebuilding the related lists failed (${error.message}): run npm run related:rebuild`, { cause: error });
    });
    return { manifest, strapi: imported.counts, tables: loaded, relatedVariants, warnings, ms: Date.now() - started };
  } finally {
    await scratch.remove();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { file: { type: 'string', short: 'f' }, key: { type: 'string', short: 'k' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.file) throw new Error('usage: npm run restore -- --file <path> [--key <key>] [--force]  (or BACKUP_KEY=<key> in the environment)');
  const strapi = await bootForScript();
  try {
    const summary = await restoreBackup(strapi, { file: values.file, key: values.key ?? process.env.BACKUP_KEY, force: values.force });
    for (const warning of summary.warnings) console.warn(`warning: ${warning}`);
    const counts = Object.entries(summary.strapi)
      .map(([stage, count]) => `${stage} ${count}`)
      .join(', ');
    const tables = Object.entries(summary.tables)
      .map(([table, rows]) => `${table} ${rows} rows`)
      .join(', ');
    console.log(`restored ${values.file} (made ${summary.manifest.createdAt}) in ${(summary.ms / 1000).toFixed(1)} s`);
    console.log(`  Strapi import: ${counts}`);
    console.log(`  own tables: ${tables}`);
    console.log(`  related lists rebuilt for ${summary.relatedVariants} published article variants`);
    console.log('Start (or restart) every server of the site now: each clears its response cache on start.');
  } finally {
    await strapi.destroy();
  }
}

runWhenMain(module, main);
