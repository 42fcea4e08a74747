import type { Core } from '@strapi/strapi';

interface AdvancedSettings {
  allow_register?: boolean;
  [setting: string]: unknown;
}

/**
 * Readers have no accounts here, yet users-permissions creates its advanced settings with
 * `allow_register: true`, so /api/auth/local/register (and sign-up through the OAuth providers)
 * hands a JWT to anyone who asks. Unless `allowed` (USERS_REGISTRATION=true), registration is
 * switched off on every start, also when someone turned it on in the admin panel since. With
 * `allowed` the setting is left to the admin panel.
 */
export async function enforceUsersRegistration(strapi: Core.Strapi, allowed: boolean): Promise<void> {
  if (allowed) return;
  // The core store row `plugin_users-permissions_advanced`, written by the plugin's own bootstrap, which runs before ours.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = (await store.get()) as AdvancedSettings | null;
  if (settings === null || typeof settings !== 'object') {
    throw new Error('users-permissions advanced settings are missing: cannot switch off user registration.');
  }
  if (settings.allow_register === false) return;
  await store.set({ value: { ...settings, allow_register: false } });
  strapi.log.info('[novinar] users-permissions registration switched off (set USERS_REGISTRATION=true to leave it to the admin panel)');
}
