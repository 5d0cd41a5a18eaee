/** What the portal's browser tests share: a server seeded with the portal fixtures at their date, and a browser. */
import type { Browser } from 'playwright-core';
import { vi } from 'vitest';
import { type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { launchBrowser, startServer, type TestServer } from './harness.ts';

/** Starts a server and Chromium, then fakes the clock to the fixtures' date and seeds the portal. */
export async function startPortalBrowser(): Promise<{
  server: TestServer;
  browser: Browser;
  seed: PortalSeed;
}> {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // Only after start-up: a clock faked earlier stalls the browser's launch.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
  return { server, browser, seed: await seedPortal(server.store) };
}
