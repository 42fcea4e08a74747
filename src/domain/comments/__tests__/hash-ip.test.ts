import { createHmac } from 'node:crypto';
import { hashIp } from '../hash-ip';

const SALT = 'test-salt';
const expectedHash = (ip: string): string => createHmac('sha256', SALT).update(ip).digest('hex');

describe('hashIp', () => {
  test('is HMAC-SHA256 in hex, keyed with the salt', () => {
    expect(hashIp('203.0.113.7', SALT)).toBe(expectedHash('203.0.113.7'));
    expect(hashIp('203.0.113.7', SALT)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['IPv4-mapped IPv6', '::ffff:203.0.113.7', '203.0.113.7'],
    ['IPv4-mapped IPv6 in capitals', '::FFFF:203.0.113.7', '203.0.113.7'],
    ['IPv4-mapped IPv6 written in full', '0:0:0:0:0:ffff:203.0.113.7', '203.0.113.7'],
    ['IPv4-mapped IPv6 in hex', '::ffff:cb00:7107', '203.0.113.7'],
    ['surrounding spaces', ' 203.0.113.7 ', '203.0.113.7'],
    ['IPv6 in capitals and long form', '2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['bracketed IPv6', '[2001:db8::1]', '2001:db8::1'],
    ['IPv6 with a zone id', 'fe80::1%eth0', 'fe80::1'],
  ])('normalises %s: %s hashes like %s', (_label, ip, canonical) => {
    expect(hashIp(ip, SALT)).toBe(hashIp(canonical, SALT));
    expect(hashIp(ip, SALT)).toBe(expectedHash(canonical));
  });

  test.each([
    ['different addresses', '203.0.113.7', SALT, '203.0.113.8', SALT],
    ['different salts', '203.0.113.7', SALT, '203.0.113.7', 'other-salt'],
    ['an IPv4 address and an IPv6 one that is not mapped', '1.2.3.4', SALT, '::1.2.3.4', SALT],
  ])('differs for %s', (_label, ipA, saltA, ipB, saltB) => {
    expect(hashIp(ipA, saltA)).not.toBe(hashIp(ipB, saltB));
  });

  test('throws when the salt is empty', () => {
    expect(() => hashIp('203.0.113.7', '')).toThrow(/salt/);
  });

  test('throws when the address is empty', () => {
    expect(() => hashIp('  ', SALT)).toThrow(/ip/);
  });
});
