import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { bearerToken } from '../domain/http/bearer-token';

interface ApiTokenService {
  hash(accessKey: string): string;
  getByAccessKey(accessKeyHash: string): Promise<{ kind?: string | null; expiresAt?: string | Date | null } | null | undefined>;
}
interface JwtService {
  verify(token: string): Promise<{ id?: unknown } | undefined>;
}
interface UserService {
  fetchAuthenticatedUser(id: unknown): Promise<{ blocked?: boolean | null; confirmed?: boolean | null } | null | undefined>;
}

export interface AuthorizationCheckOptions {
  /** How many distinct headers are remembered (least recently used go first). */
  maxEntries: number;
  /** How long an answer, yes or no, is remembered. */
  ttlMs: number;
}

/**
 * Answers whether an Authorization header authenticates anyone on the content API (REST under
 * /api and GraphQL), asking Strapi's own services the questions its two content-API strategies
 * ask: a content-API token (the admin's api-token service: salted hash, lookup, kind, expiry),
 * or a users-permissions JWT (its jwt service verifies it; the user must exist, not be blocked,
 * and be confirmed when the advanced settings require it). Any other scheme authenticates nobody.
 *
 * Answers are remembered for a short time in a bounded LRU, keyed by a hash of the header (the
 * raw token is not kept), so repeating a header costs no database work; an answer still pending
 * is shared by concurrent requests. A failed lookup (database down) is not remembered. A
 * remembered "yes" only lets the request reach Strapi, which authenticates it again itself, so
 * a token revoked meanwhile gains nothing.
 */
export function createAuthorizationCheck(strapi: Core.Strapi, { maxEntries, ttlMs }: AuthorizationCheckOptions): (header: string) => Promise<boolean> {
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const tokens = strapi.service('admin::api-token-content-api') as unknown as ApiTokenService | undefined;
  const usersPermissions = strapi.plugin('users-permissions');
  // Fail at start rather than answer 500 to every request with credentials.
  if (!tokens || !usersPermissions) throw new Error("authorization check: Strapi's content-API token service or the users-permissions plugin is missing");
  const jwt = usersPermissions.service('jwt') as JwtService;
  const users = usersPermissions.service('user') as UserService;
  const answers = new LRUCache<string, Promise<boolean>>({ max: maxEntries, ttl: ttlMs });

  const isContentApiToken = async (token: string): Promise<boolean> => {
    const found = await tokens.getByAccessKey(tokens.hash(token));
    // The service reports a legacy token without kind as 'content-api'; admin tokens do not count.
    if (!found || found.kind !== 'content-api') return false;
    return found.expiresAt === null || found.expiresAt === undefined || !(new Date(found.expiresAt) < new Date());
  };

  const isUserJwt = async (token: string): Promise<boolean> => {
    const payload = await jwt.verify(token).catch(() => undefined);
    if (payload?.id === undefined) return false;
    const user = await users.fetchAuthenticatedUser(payload.id);
    if (!user || user.blocked) return false;
    if (user.confirmed) return true;
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
    return !advanced?.email_confirmation;
  };

  return (header) => {
    const key = crypto.createHash('sha256').update(header).digest('hex');
    const remembered = answers.get(key);
    if (remembered) return remembered;
    const token = bearerToken(header);
    const answer = token === null ? Promise.resolve(false) : isContentApiToken(token).then((found) => found || isUserJwt(token));
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
    return answer;
  };
}
