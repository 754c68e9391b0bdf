import { openTestStore } from '../helpers/backend';

// The counters behind every rate limit, on the backend under test (shared by all instances on PostgreSQL).
test('Hits count up within a window, start again after it, can be taken back, and ended windows are pruned', async () => {
  const { store } = await openTestStore();
  const t0 = 1_800_000_000_000;
  expect(await store.rateLimits.hit('login:a', 1000, t0)).toEqual({ hits: 1, resetAt: t0 + 1000 });
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 500)).toEqual({ hits: 2, resetAt: t0 + 1000 });
  expect(await store.rateLimits.hit('login:b', 1000, t0 + 500)).toEqual({ hits: 1, resetAt: t0 + 1500 });
  await store.rateLimits.undo('login:a', t0 + 600);
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 700)).toEqual({ hits: 2, resetAt: t0 + 1000 });
  // The window has ended: a new one starts with this hit.
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 1000)).toEqual({ hits: 1, resetAt: t0 + 2000 });
  await store.rateLimits.reset('login:a');
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 1100)).toEqual({ hits: 1, resetAt: t0 + 2100 });
  expect(await store.rateLimits.prune(t0 + 1600)).toBe(1); // login:b ended at t0 + 1500
  expect(await store.rateLimits.hit('login:b', 1000, t0 + 1700)).toEqual({ hits: 1, resetAt: t0 + 2700 });
});
