// One place for how tests, the demo check and the benchmarks find and start Chromium on this
// kind of machine (see TOOLCHAIN notes in the README): headless, as root, on a closed network.
import { existsSync } from 'node:fs';

/** Flags for a quiet headless Chromium: no sandbox (root), and no background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_INSTALL_HINT =
  'No Chromium or Chrome found.\n' +
  'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
  'or point CHROME_PATH at a Chrome or Chromium binary.';

/** CHROME_PATH, then Debian's chromium, then an installed Chrome; undefined when none exists. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((path) => path && existsSync(path));
}
