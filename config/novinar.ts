import type { Core } from '@strapi/strapi';

/**
 * Project settings read by src/ (one place for every env var the newsroom logic uses).
 * Read with `strapi.config.get('novinar')`.
 */
const novinarConfig = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Locale codes created at bootstrap besides the default `bg`, e.g. "en,de". */
  extraLocales: env.array('NOVINAR_LOCALES', ['en']) as string[],
  /** Seed the demo newsroom on start: on by default in development, off elsewhere. */
  seedDemo: env.bool('SEED_DEMO', env('NODE_ENV', 'development') === 'development'),
  /** How dates are printed: `house` ("22 Декември, 2025") or `cldr` ("22 декември 2025 г."). */
  dateDisplayStyle: env('DATE_DISPLAY_STYLE', 'house'),
});

export type NovinarConfig = ReturnType<typeof novinarConfig>;
export default novinarConfig;
