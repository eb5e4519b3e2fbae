/**
 * `PLAIN_BUILD=1` builds with every optimisation that leans on a framework's insides turned off, on public APIs only:
 * Astro's own content store bundling, output folder handling and logger; no incremental build; no pages indexed while
 * Astro renders the next ones (the index is written after the build by Pagefind's Node API); Pagefind's own index chunk
 * size. It is slower and gives the same site (tests/unit/plain-build.test.ts compares the two), so when an upgrade
 * breaks a fast path, the site can still be published while the fast path is repaired.
 */
export function isPlainBuild(env: Record<string, string | undefined> = process.env): boolean {
  return env.PLAIN_BUILD === '1';
}
