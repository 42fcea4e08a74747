import { execFileSync } from 'child_process';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';

export const ROOT = path.resolve(__dirname, '..');

/** Compiles the server and loads the app (no HTTP listener) for maintenance scripts. */
export async function bootForScript(): Promise<Core.Strapi> {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  process.env.SEED_DEMO ??= 'false';
  process.env.CRON_ENABLED ??= 'false';
  process.env.LOG_LEVEL ??= 'warn';
  return createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
}

/** Runs a script's main when the file is executed (not imported): a message and exit code 1 on failure. */
export function runWhenMain(module: NodeModule, main: () => Promise<void>): void {
  if (require.main !== module) return;
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
