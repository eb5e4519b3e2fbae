/**
 * How the address changed, told from the session history alone, for browsers without the Navigation API (which says
 * it outright). Plain TypeScript, so the route guard's fallback (`route-guard.ts`) is unit tested.
 *
 * Each history entry the admin has been at is stamped with its position (in `history.state`, which Decap's hash router
 * leaves alone, and which a reload keeps). Arriving at a stamped entry is a move back or forward; at an unstamped one,
 * a new entry: pushed when the history grew or when entries ahead of the last position were dropped to make room for
 * it, else the current entry replaced (Decap's own moves). A move wrongly taken for a push costs only a reload.
 */

/** What the guard knows of this tab's history: where it is, the furthest entry ahead, the history's length. */
export interface HistoryMark {
  position: number;
  furthest: number;
  length: number;
}

export type Move = 'push' | 'traverse' | 'replace';

/**
 * The move that led to the entry now shown, and the mark after it. `stamp` is the position stamped on that entry, if
 * any; `length` is `history.length` now.
 */
export function classifyMove(before: HistoryMark, stamp: number | undefined, length: number): [Move, HistoryMark] {
  if (stamp !== undefined) {
    return ['traverse', { position: stamp, furthest: Math.max(before.furthest, stamp), length }];
  }
  if (length > before.length || before.position < before.furthest) {
    const position = before.position + 1;
    return ['push', { position, furthest: position, length }];
  }
  return ['replace', { ...before, length }];
}

/** The mark when the admin loads: at its stamped entry after a reload, else at the end of the history. */
export function initialMark(saved: HistoryMark | undefined, stamp: number | undefined, length: number): HistoryMark {
  if (saved && stamp !== undefined) return { position: stamp, furthest: Math.max(saved.furthest, stamp), length };
  return { position: length - 1, furthest: length - 1, length };
}
