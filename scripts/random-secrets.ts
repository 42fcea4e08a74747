import crypto from 'crypto';

/** Fresh random values for every secret Strapi and Novinar need, for throw-away servers (tests, benchmarks). */
export function randomStrapiSecrets(): Record<string, string> {
  const secret = (): string => crypto.randomBytes(18).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    COMMENT_IP_SALT: secret(),
  };
}
