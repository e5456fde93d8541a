// How every test, benchmark and screenshot script starts Chromium: Debian's build (or the
// one named by CHROMIUM_PATH), with the flags a closed network and a root sandbox need.
import type { LaunchOptions } from '@playwright/test';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  return { executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] };
}
