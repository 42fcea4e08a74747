import { createMemoryStore } from '../cache-store';
import type { CachedResponse } from '../cache-store';

const entry = (body: string): CachedResponse => ({ status: 200, body, etag: 'W/"x"', contentType: 'application/json', expiresAt: Date.now() + 60_000 });

describe('in-memory response cache store', () => {
  test('holds at most maxBytes of bodies: the least recently used entries go first', async () => {
    const store = createMemoryStore(1000, 100_000);
    const body = 'ж'.repeat(10_000); // ~20 KB in memory
    for (let i = 0; i < 10; i += 1) await store.set(`k${i}`, entry(body), [`t${i}`], 60_000);
    const kept = (await Promise.all(Array.from({ length: 10 }, (_, i) => store.get(`k${i}`)))).filter(Boolean);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(4);
    expect(await store.get('k9')).not.toBeNull();
    expect(await store.get('k0')).toBeNull();
  });

  test('an evicted entry leaves its tags: invalidating them removes nothing and nothing breaks', async () => {
    const store = createMemoryStore(1000, 50_000);
    await store.set('old', entry('а'.repeat(20_000)), ['doc:1'], 60_000);
    await store.set('new', entry('б'.repeat(20_000)), ['doc:2'], 60_000);
    expect(await store.get('old')).toBeNull();
    expect(await store.invalidate(['doc:1'])).toBe(0);
    expect(await store.invalidate(['doc:2'])).toBe(1);
    expect(await store.get('new')).toBeNull();
  });

  test('still holds at most maxEntries', async () => {
    const store = createMemoryStore(3, 10_000_000);
    for (let i = 0; i < 5; i += 1) await store.set(`k${i}`, entry('{}'), [], 60_000);
    expect(await store.get('k1')).toBeNull();
    expect(await store.get('k4')).not.toBeNull();
  });
});
