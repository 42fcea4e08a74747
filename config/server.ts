import type { Core } from '@strapi/strapi';

const serverConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy / CDN the client IP (rate limits, comment IP hashes) comes from X-Forwarded-For.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    // Secrets have no default and are checked at start (config/env-helpers.ts), not when building.
    keys: env('APP_KEYS', '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
  },
  // Public files and local uploads (public/uploads). A restore replaces the uploads folder
  // wholesale (Strapi's import), so a second site on the same checkout needs a folder of its own.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // Scheduled work: the go-live worker's timer (src/golive; no Strapi cron task is registered).
  // Tests turn it off and drive the worker by hand (open handles, strapi/strapi#27469).
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});

export default serverConfig;
