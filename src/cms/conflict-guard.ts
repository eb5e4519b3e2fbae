import type { CMS as CmsApi } from 'decap-cms-core';

/**
 * Nothing lost between two windows. Decap saves the whole file it holds, so when the same entry was open in two tabs
 * (or two editors' computers), the later save silently undid the earlier one. Before a save, the file is read again
 * and compared with the text the editor opened (or last saved from this window); if someone else changed or deleted
 * it meanwhile, the save is refused with a message, and the editor's text stays on screen.
 *
 * On this machine the file is read from decap-server (`api`, its file-system mode). With the Git host, each save is a
 * commit on the entry's own branch (editorial workflow), and a conflict shows when it is merged.
 */

interface Entry {
  get(key: string): unknown;
}

/** The text of a file as decap-server has it now, or `null` when there is no such file. */
async function current(api: string, path: string): Promise<string | null> {
  const res = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'getEntry', params: { branch: 'main', path } }),
  });
  if (!res.ok) return null;
  const found = (await res.json()) as { data?: unknown } | null;
  return typeof found?.data === 'string' ? found.data : null;
}

/** Why saving over the file would undo someone else's change, or `undefined` when it would not. */
export function conflictProblem(path: string, opened: string, now: string | null): string | undefined {
  if (now === null)
    return `文件 ${path} 在您打开之后已被删除（可能在另一个窗口中），本次未保存。请先复制您的修改，再刷新页面`;
  if (now !== opened)
    return `文件 ${path} 在您打开之后已被修改（可能在另一个窗口中），为免覆盖那次修改，本次未保存。请先复制您的修改，再刷新页面查看最新内容`;
  return undefined;
}

/** Install the check before every save of an existing entry (local editing only; see above). */
export function installConflictGuard(cms: CmsApi, api: string | false): void {
  if (!api) return;
  // What this window last wrote to a file, and from which opened text: Decap keeps the text it loaded after a save.
  const saved = new Map<string, { opened: string; wrote: string }>();

  cms.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }: { entry: Entry }) => {
      const path = entry.get('path');
      const raw = entry.get('raw');
      if (entry.get('newRecord') || typeof path !== 'string' || typeof raw !== 'string' || !raw) return undefined;
      const mine = saved.get(path);
      const opened = mine && mine.opened === raw ? mine.wrote : raw;
      const problem = conflictProblem(path, opened, await current(api, path));
      if (problem) throw new Error(problem);
      return undefined;
    },
  } as never);

  cms.registerEventListener({
    name: 'postSave',
    handler: async ({ entry }: { entry: Entry }) => {
      const path = entry.get('path');
      const raw = entry.get('raw');
      if (entry.get('newRecord') || typeof path !== 'string' || typeof raw !== 'string') return undefined;
      const now = await current(api, path);
      if (now !== null) saved.set(path, { opened: raw, wrote: now });
      return undefined;
    },
  } as never);
}
