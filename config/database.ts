import path from 'path';
import type { Core } from '@strapi/strapi';
import { registerSqliteUnicodeFunctions } from '../src/database/sqlite-unicode';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

type Client = 'sqlite' | 'postgres';

// Knex's connection union types cannot express a connectionString-only config; the shape is checked by Knex at start.
const databaseConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite') as Client;
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    return {
      connection: {
        client: 'postgres' as const,
        connection: url
          ? { connectionString: url, ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'novinar'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    } as Core.Config.Database;
  }

  // An empty DATABASE_FILENAME (create-strapi-app writes one) must not become "unable to open database file".
  const filename = env('DATABASE_FILENAME', '') || '.tmp/data.db';
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(PROJECT_ROOT, filename) },
      useNullAsDefault: true,
      pool: {
        // SQLite's lower()/LIKE fold ASCII only, so "путин" would never find "Путин".
        afterCreate: registerSqliteUnicodeFunctions,
      },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default databaseConfig;
