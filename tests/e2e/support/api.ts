/**
 * HTTP helpers for the end-to-end tests: the set-up a newsroom does once without the UI (the
 * first administrator, invited colleagues, an API token) and the public/API checks the tests
 * make around the browser steps. Node's own fetch, no client library.
 */
import crypto from 'crypto';
import { BASE_URL } from './env';

export interface HttpResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Bearer token: an admin JWT or an API token. */
  token?: string;
}

export async function http<T = unknown>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${BASE_URL}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON (an HTML error page, say): keep the text for the failure message.
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/** Like `http`, but fails with the response in the message unless the status is the expected one. */
export async function expectStatus<T = unknown>(expected: number, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await http<T>(path, options);
  if (res.status !== expected) {
    throw new Error(`${options.method ?? 'GET'} ${path}: expected HTTP ${expected}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 800)}`);
  }
  return res.body;
}

export interface Credentials {
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

/** A password Strapi accepts (8+ characters, upper and lower case, a digit), fresh per run. */
export const strongPassword = (): string => `Nv-${crypto.randomBytes(9).toString('base64url')}-Aa9`;

interface AuthData {
  data: { token: string };
}
interface Role {
  id: number;
  code: string;
  name: string;
}

/** Registers the first super admin (only possible while no admin exists); returns its JWT. */
export async function registerFirstAdmin(user: Credentials): Promise<string> {
  const res = await expectStatus<AuthData>(200, '/admin/register-admin', { method: 'POST', body: user });
  return res.data.token;
}

export async function adminLogin(user: Pick<Credentials, 'email' | 'password'>): Promise<string> {
  const res = await expectStatus<AuthData>(200, '/admin/login', { method: 'POST', body: { email: user.email, password: user.password } });
  return res.data.token;
}

export async function roleIdByCode(jwt: string, code: string): Promise<number> {
  const res = await expectStatus<{ data: Role[] }>(200, '/admin/roles', { token: jwt });
  const role = res.data.find((candidate) => candidate.code === code);
  if (!role) throw new Error(`no admin role with code "${code}" (have: ${res.data.map((r) => r.code).join(', ')})`);
  return role.id;
}

/**
 * What an administrator does for a new colleague: invite (POST /admin/users gives a
 * registration token) and the colleague registers with it (POST /admin/register).
 */
export async function inviteAndRegister(jwt: string, user: Credentials, roleCode: string): Promise<void> {
  const roleId = await roleIdByCode(jwt, roleCode);
  const invited = await expectStatus<{ data: { registrationToken: string | null } }>(201, '/admin/users', {
    method: 'POST',
    token: jwt,
    body: { email: user.email, firstname: user.firstname, lastname: user.lastname, roles: [roleId] },
  });
  const registrationToken = invited.data.registrationToken;
  if (!registrationToken) throw new Error(`POST /admin/users for ${user.email} returned no registrationToken`);
  await expectStatus(200, '/admin/register', {
    method: 'POST',
    body: { registrationToken, userInfo: { firstname: user.firstname, lastname: user.lastname, password: user.password } },
  });
}

/** A full-access content-API token, as a front end or a newsroom dashboard would hold. */
export async function createFullAccessToken(jwt: string, name: string): Promise<string> {
  const res = await expectStatus<{ data: { accessKey: string } }>(201, '/admin/api-tokens', {
    method: 'POST',
    token: jwt,
    body: { name, type: 'full-access', lifespan: null, description: 'end-to-end tests' },
  });
  return res.data.accessKey;
}

/** Polls `probe` until it returns a value `accept` likes; fails with the last value seen. */
export async function eventually<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError instanceof Error ? lastError.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
