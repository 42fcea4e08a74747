import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import * as tar from 'tar';

/**
 * The backup file: one gzipped tar holding
 * - manifest.json: format, version, when, which Strapi, whether encrypted, row counts;
 * - Strapi's export (strapi-export.tar, or strapi-export.tar.gz.enc with a key);
 * - the project's table dump (novinar-tables.json, or novinar-tables.json.gz.enc with a key).
 * Unencrypted, `tar xzf` shows both as plain files. `tar` is the archiver Strapi's own
 * data-transfer package depends on.
 */
export const BACKUP_FORMAT = 'novinar-backup';
export const BACKUP_VERSION = 1;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  strapiVersion: string;
  databaseClient: string;
  encrypted: boolean;
  members: { strapi: string; tables: string };
  /** Rows carried per table of the project's own. */
  tables: Record<string, number>;
}

export const MANIFEST = 'manifest.json';

export const memberNames = (encrypted: boolean) =>
  encrypted ? { strapi: 'strapi-export.tar.gz.enc', tables: 'novinar-tables.json.gz.enc' } : { strapi: 'strapi-export.tar', tables: 'novinar-tables.json' };

/** A private scratch directory, removed by the returned function. */
export async function scratchDirectory(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'novinar-backup-'));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Packs the manifest and the two members from `dir` into `file` (written beside it first, then renamed). */
export async function packBackup(dir: string, manifest: BackupManifest, file: string): Promise<void> {
  await fs.writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  await tar.create({ gzip: true, file: partial, cwd: dir, portable: true }, [MANIFEST, manifest.members.strapi, manifest.members.tables]);
  await fs.rename(partial, file);
}

/** Unpacks the backup's known members into `dir` (nothing else) and returns its checked manifest. */
export async function unpackBackup(file: string, dir: string): Promise<BackupManifest> {
  await fs.access(file).catch(() => {
    throw new Error(`no backup file at ${file}`);
  });
  const known = new Set([MANIFEST, ...Object.values(memberNames(false)), ...Object.values(memberNames(true))]);
  try {
    await tar.extract({ file, cwd: dir, strict: true, filter: (entry) => known.has(entry) });
  } catch (error) {
    throw new Error(`${file} is not a Novinar backup (${(error as Error).message})`);
  }
  const text = await fs.readFile(path.join(dir, MANIFEST), 'utf8').catch(() => null);
  if (text === null) throw new Error(`${file} is not a Novinar backup (no ${MANIFEST})`);
  const manifest = JSON.parse(text) as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Novinar backup (format ${String(manifest.format)})`);
  if (manifest.version !== BACKUP_VERSION)
    throw new Error(`${file} is a version ${String(manifest.version)} backup; this app restores version ${BACKUP_VERSION}`);
  const expected = memberNames(Boolean(manifest.encrypted));
  for (const member of Object.values(expected)) {
    await fs.access(path.join(dir, member)).catch(() => {
      throw new Error(`${file} is incomplete: ${member} is missing`);
    });
  }
  return { ...(manifest as BackupManifest), members: expected };
}
