/**
 * How every tool here starts Chromium: Debian's, since Playwright's own browser download cannot reach the network on
 * these machines (`CHROMIUM_PATH` points elsewhere), with nothing that would call out (updates, sync, background
 * requests), the GPU off and no sandbox, which a container does not allow. The tests (playwright.config.ts), the
 * benchmark's browser figures and the Lighthouse run share it.
 */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
