import type { CMS as CmsApi } from 'decap-cms-core';
import { leavesStaleEditor, wrongFileProblem } from './editor-route.ts';
import { classifyMove, initialMark, type HistoryMark, type Move } from './history-moves.ts';

/**
 * No edit in the wrong file. Decap's router keeps its editor mounted when the address moves from one entry to another
 * (typed into the address bar, the back and forward buttons), so the editor went on showing the first entry under the
 * second one's address, and a save wrote the first entry's file (decap-cms-core `Editor.js` loads its entry only when
 * it mounts). Two guards, both through public browser and Decap hooks:
 *
 * - When the address moves to another entry and Decap lets it (it asks first when there are unsaved changes, and an
 *   editor who says no stays where they were), the admin reloads at the new address, so the editor opens that entry
 *   from scratch.
 * - Every save checks that the entry being saved is the one the address names (`preSave` refuses with a message
 *   otherwise): whatever else goes wrong, no edit lands in another entry's file.
 *
 * Install before `CMS.init`, so this `hashchange` listener runs before Decap's router.
 */
export function installRouteGuard(cms: CmsApi): void {
  let current = location.hash;
  let navigation: 'push' | 'traverse' | 'replace' | 'reload' = 'push';
  // The Navigation API says how the address changed; Decap's own moves between entries replace the address. Without
  // it (older browsers), the history entries are stamped and the move told from them (history-moves.ts).
  const nav = (window as { navigation?: EventTarget }).navigation;
  const moves = nav ? undefined : stampedHistory();
  // Registered before Decap's editor adds its own, so it runs first: once the editor has agreed to leave (or had
  // nothing unsaved), the reload does not ask a second time.
  let leaving = false;
  window.addEventListener('beforeunload', (e) => {
    if (leaving) e.stopImmediatePropagation();
  });
  nav?.addEventListener('navigate', (e) => {
    navigation = (e as Event & { navigationType: typeof navigation }).navigationType;
  });

  window.addEventListener('hashchange', () => {
    const from = current;
    const to = location.hash;
    const how = moves ? moves() : navigation;
    navigation = 'push';
    if (!leavesStaleEditor(from, to, how)) {
      current = to;
      return;
    }
    // Decap's router handles this event next and asks `confirm()` when the entry has unsaved changes; note the answer.
    const confirm = window.confirm;
    let refused = false;
    window.confirm = (message?: string) => {
      const ok = confirm.call(window, message);
      refused ||= !ok;
      return ok;
    };
    setTimeout(() => {
      window.confirm = confirm;
      if (refused) {
        // Decap stays on the first entry; the address names it again.
        history.replaceState(history.state, '', from);
        return;
      }
      current = to;
      leaving = true;
      location.reload();
    });
  });

  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: { get(key: string): unknown } }) => {
      const problem = wrongFileProblem(
        {
          collection: String(entry.get('collection')),
          slug: String(entry.get('slug') ?? ''),
          newRecord: !!entry.get('newRecord'),
        },
        location.hash,
      );
      if (problem) throw new Error(problem);
      return undefined;
    },
  } as never);
}

const MARK_KEY = 'czzx-history-mark';
const stampOf = (state: unknown): number | undefined => {
  const n = (state as { czzxPosition?: unknown } | null)?.czzxPosition;
  return typeof n === 'number' ? n : undefined;
};

/**
 * Stamp this tab's history entries with their positions and return a function telling how the address moved to the
 * entry now shown (call it once per `hashchange`). The mark is kept in sessionStorage, so the reload after a move
 * starts from it.
 */
function stampedHistory(): () => Move {
  let saved: HistoryMark | undefined;
  try {
    saved = JSON.parse(sessionStorage.getItem(MARK_KEY) ?? 'null') ?? undefined;
  } catch {
    saved = undefined;
  }
  let mark = initialMark(saved, stampOf(history.state), history.length);
  const keep = () => {
    history.replaceState({ ...(history.state ?? {}), czzxPosition: mark.position }, '');
    sessionStorage.setItem(MARK_KEY, JSON.stringify(mark));
  };
  keep();
  return () => {
    const [move, next] = classifyMove(mark, stampOf(history.state), history.length);
    mark = next;
    keep();
    return move;
  };
}
