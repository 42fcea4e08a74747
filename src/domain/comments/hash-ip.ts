/**
 * Readers' IP addresses are personal data (GDPR Recital 30, CJEU C-582/14 Breyer), so only a
 * keyed hash is stored: enough to spot one address flooding comments, useless for finding
 * the address again without the secret salt. A plain SHA-256 would not do: the whole IPv4
 * space can be hashed in minutes.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';

const MAPPED_IPV4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One address, one spelling. A dual-stack server reports IPv4 clients as ::ffff:1.2.3.4;
 * the same reader through an IPv4-only proxy is 1.2.3.4, and both must hash alike. IPv6 is
 * put in canonical form (lower case, compressed zeros) by the WHATWG URL parser; a zone id
 * (%eth0) names our interface, not the reader, and is dropped.
 */
function normaliseIp(ip: string): string {
  const bare = ip
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  if (isIP(bare) !== 6) return bare.toLowerCase();
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const mapped = MAPPED_IPV4_HEX.exec(canonical);
  if (mapped === null) return canonical;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** HMAC-SHA256 (hex) of the normalised address, keyed with `salt`. */
export function hashIp(ip: string, salt: string): string {
  if (salt === '') {
    throw new Error('hashIp: salt must not be empty; an unkeyed hash of an IP address can be reversed.');
  }
  const normalised = normaliseIp(ip);
  if (normalised === '') throw new Error('hashIp: ip must not be empty.');
  return createHmac('sha256', salt).update(normalised).digest('hex');
}
