import type { Core } from '@strapi/strapi';

/**
 * The secrets the server needs, by the config path that holds each and the variable it comes
 * from. They are read with no default, so that `strapi build` (which loads the config to build
 * the admin panel but runs no register or bootstrap) needs none of them: a container image is
 * built without secrets. `assertRuntimeSecrets` refuses to start without them.
 */
export const RUNTIME_SECRETS: ReadonlyArray<{ path: string; variable: string }> = [
  { path: 'server.app.keys', variable: 'APP_KEYS' },
  { path: 'admin.auth.secret', variable: 'ADMIN_JWT_SECRET' },
  { path: 'admin.apiToken.salt', variable: 'API_TOKEN_SALT' },
  { path: 'admin.transfer.token.salt', variable: 'TRANSFER_TOKEN_SALT' },
  { path: 'admin.secrets.encryptionKey', variable: 'ENCRYPTION_KEY' },
  { path: 'plugin::users-permissions.jwtSecret', variable: 'JWT_SECRET' },
];

/**
 * Called first in register(): a server without its secrets stops with one message naming all
 * of them, instead of the first cryptic error of whichever plugin needs one (Strapi's admin
 * checks its own only in bootstrap, after every register has run).
 */
export function assertRuntimeSecrets(config: Pick<Core.Strapi['config'], 'get'>): void {
  const missing = RUNTIME_SECRETS.filter(({ path }) => {
    const value: unknown = config.get(path);
    return Array.isArray(value) ? value.length === 0 : !value;
  }).map(({ variable }) => variable);
  if (missing.length === 0) return;
  throw new Error(
    `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: ` +
      'run `npm run setup` to write a .env with generated secrets (a build needs none; the server does)',
  );
}
