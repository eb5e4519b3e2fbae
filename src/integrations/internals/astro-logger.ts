import type { AstroIntegration } from 'astro';
import { fenceError, packageVersion } from './package-version.ts';

/**
 * The batched console log (src/integrations/build-log.ts) is Astro's `logger.entrypoint`, a TypeScript file where
 * Astro documents a JavaScript module (Node runs it with type stripping, ≥ 22.18). Astro falls back to its own logger
 * without a word when the entrypoint fails to load (`loadOrCreateNodeLogger` catches everything), and the build would
 * quietly lose what the batching saves (docs/benchmarks.md#batched-log). The logger marks itself loaded; the build
 * checks the mark at its start.
 */
const LOADED = Symbol.for('czzx.batchedLog.loaded');

/** Called by the logger's factory when Astro loads it. */
export function markBatchedLogLoaded(): void {
  (globalThis as { [LOADED]?: boolean })[LOADED] = true;
}

/** Stops the build if Astro did not load the batched logger it was configured with. */
export function assertBatchedLogLoaded(): void {
  if ((globalThis as { [LOADED]?: boolean })[LOADED]) return;
  throw fenceError(
    'astro',
    packageVersion('astro'),
    '分批输出的构建日志（logger.entrypoint）',
    ['Astro 没有载入 src/integrations/build-log.ts，已改用自带的日志而不报错'],
    '可先用 PLAIN_BUILD=1 构建（用 Astro 自带的日志）；按 docs/upgrading.md 更新 src/integrations/build-log.ts。',
  );
}

/** The check as an integration, for builds configured with the batched logger. */
export function batchedLogCheck(): AstroIntegration {
  return { name: 'czzx-batched-log-check', hooks: { 'astro:build:start': () => assertBatchedLogLoaded() } };
}
