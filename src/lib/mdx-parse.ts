import { mdxToMdast } from 'satteri';

/** MDX to mdast with the parser `@astrojs/mdx` compiles with, for the guard at build time (`mdx-guard.ts`). */
export function parseMdxForBuild(source: string): unknown {
  return mdxToMdast(source);
}
