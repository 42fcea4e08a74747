import type { Core } from '@strapi/strapi';
import { engine as transferEngine, file as fileTransfer, strapi as strapiTransfer } from '@strapi/data-transfer';

/**
 * Strapi's own data transfer for everything Strapi knows: content types (entities and links),
 * media (the upload records and their files), webhooks and the core store. Built the way
 * `strapi export` / `strapi import` build it (same providers, same filters, same restore
 * options) but on an instance that is already loaded, so the backup and restore commands and
 * the integration test run one code path without compiling and booting Strapi a second time.
 */

export interface TransferFile {
  /** The export file: without extensions for exports (Strapi appends .tar, .gz, .enc), exact for imports. */
  path: string;
  /** Encryption key; compression goes with it (encrypted bytes do not compress). */
  key?: string;
}

export interface TransferSummary {
  /** Items per stage (entities, links, assets, configuration). */
  counts: Record<string, number>;
  warnings: string[];
}

/**
 * Admin users, roles, API and transfer tokens (`admin::*`) and content releases are left out
 * by Strapi's own commands: the export does not carry them and the import neither reads nor
 * wipes them. The same rule here, taken from Strapi so it follows Strapi's list.
 */
const isCarried = (uid: string) => !strapiTransfer.isIgnoredOfficialTransferType(uid);

const TRANSFORMS = {
  entities: [{ filter: (entity: { type: string }) => isCarried(entity.type) }],
  links: [{ filter: (link: { left: { type: string }; right: { type: string } }) => isCarried(link.left.type) && isCarried(link.right.type) }],
};

type Engine = ReturnType<typeof transferEngine.createTransferEngine>;

async function run(engine: Engine): Promise<{ summary: TransferSummary; results: Awaited<ReturnType<Engine['transfer']>> }> {
  const warnings: string[] = [];
  const errors: string[] = [];
  engine.diagnostics.onDiagnostic((diagnostic) => {
    if (diagnostic.kind === 'warning') warnings.push(diagnostic.details.message);
    if (diagnostic.kind === 'error') errors.push(diagnostic.details.message);
  });
  try {
    const results = await engine.transfer();
    const counts: Record<string, number> = {};
    for (const [stage, progress] of Object.entries(results.engine ?? {})) counts[stage] = progress?.count ?? 0;
    return { summary: { counts, warnings }, results };
  } catch (error) {
    const reported = errors.filter((message) => message !== (error as Error).message);
    throw new Error(`Strapi data transfer failed: ${(error as Error).message}${reported.length ? ` (${reported.join('; ')})` : ''}`, { cause: error });
  }
}

/** Writes Strapi's export of the instance; returns the file written (with Strapi's extensions). */
export async function exportStrapi(strapi: Core.Strapi, target: TransferFile): Promise<TransferSummary & { file: string }> {
  const source = strapiTransfer.providers.createLocalStrapiSourceProvider({ getStrapi: () => strapi, autoDestroy: false });
  const destination = fileTransfer.providers.createLocalFileDestinationProvider({
    file: { path: target.path },
    encryption: { enabled: Boolean(target.key), key: target.key },
    compression: { enabled: Boolean(target.key) },
  });
  const engine = transferEngine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    schemaStrategy: 'ignore',
    // Cast: @strapi/data-transfer does not export the type of its transforms option.
    transforms: TRANSFORMS as never,
  });
  const { summary, results } = await run(engine);
  const written = (results.destination as { file?: { path?: string } } | undefined)?.file?.path;
  if (!written) throw new Error('Strapi data transfer wrote no export file');
  return { ...summary, file: written };
}

/**
 * Replaces everything Strapi's import replaces (all content, media, webhooks, core store; not
 * admin users or tokens) with the export's. The schemas must match the running app's exactly
 * (Strapi's strict check): a backup restores into the version of the app that made it.
 */
export async function importStrapi(strapi: Core.Strapi, source: TransferFile): Promise<TransferSummary> {
  const exclude = [...Object.keys(strapi.contentTypes).filter((uid) => !isCarried(uid)), ...strapiTransfer.getIgnoredOfficialTransferTypes()];
  const destination = strapiTransfer.providers.createLocalStrapiDestinationProvider({
    getStrapi: () => strapi,
    autoDestroy: false,
    strategy: 'restore',
    restore: { entities: { exclude }, assets: true, configuration: { webhook: true, coreStore: true } },
  });
  const reader = fileTransfer.providers.createLocalFileSourceProvider({
    file: { path: source.path },
    encryption: { enabled: Boolean(source.key), key: source.key },
    compression: { enabled: Boolean(source.key) },
  });
  const engine = transferEngine.createTransferEngine(reader, destination, {
    versionStrategy: transferEngine.DEFAULT_VERSION_STRATEGY,
    schemaStrategy: transferEngine.DEFAULT_SCHEMA_STRATEGY,
    // Cast: @strapi/data-transfer does not export the type of its transforms option.
    transforms: TRANSFORMS as never,
  });
  return (await run(engine)).summary;
}
