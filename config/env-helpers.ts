import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** A secret Strapi cannot run without: fail at start with a hint instead of later with a cryptic error. */
export function requiredEnv(env: Env, name: string): string {
  const value = env(name, '');
  if (!value) throw new Error(`${name} is not set: run \`npm run setup\` to write a .env with generated secrets`);
  return value;
}
