import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Which Chromium the browser tests (and the bench) drive, and how it is started.
 * Prefers the system's Chromium, then Playwright's own download; fails early, with a
 * way to get one, when neither is there.
 */

/** Debian/Ubuntu's `chromium` package puts its launcher here. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Quiet, deterministic, container-friendly: no sandbox, no background traffic, no GPU. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu'
];

/** Playwright's downloaded Chromium, if `npx playwright install chromium` has put it on disk. */
function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The path of the Chromium to launch; throws, saying how to get one, if there is none. */
export function findChromium(): string {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const downloaded = playwrightChromium();
  if (downloaded) return downloaded;
  throw new Error(
    [
      `No Chromium found: neither ${SYSTEM_CHROMIUM} nor Playwright's own Chromium exists.`,
      'Get one with either of:',
      '  apt-get install -y chromium        (Debian/Ubuntu, as root)',
      '  npx playwright install chromium    (Playwright download)'
    ].join('\n')
  );
}

/** Launch options for `chromium.launch(...)` or a Playwright config's `use.launchOptions`. */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: findChromium(), args: [...CHROMIUM_ARGS] };
}
