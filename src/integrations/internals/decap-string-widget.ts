import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fenceError, packageRoot, packageVersion } from './package-version.ts';

/**
 * Nothing typed is lost (src/cms/typing.ts): the admin re-registers Decap's string and text widgets with a wrapper that
 * keeps what was typed, and subclasses the string widget's control so its caret fix runs only when the value changed.
 * That relies on `getWidget('string' | 'text')` giving `{ control, preview, schema }` and on `StringControl` being a
 * class whose `componentDidUpdate` puts the caret back at `_sel`. If that changed, the caret could jump to the start
 * of a field while an editor types (`14-4-` typed into became `030314-4-`), with no error anywhere. The bundle step
 * checks the installed widgets' source; typing.ts checks what it receives at runtime.
 */
const STRING = 'decap-cms-widget-string';
const TEXT = 'decap-cms-widget-text';

const read = (root: string, rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : '');

/** Problems with the string and text widgets as typing.ts relies on them, in Chinese; empty when they hold. */
export function stringWidgetProblems(stringRoot = packageRoot(STRING), textRoot = packageRoot(TEXT)): string[] {
  const problems: string[] = [];
  const control = read(stringRoot, 'dist/esm/StringControl.js');
  if (!/class StringControl extends Component/.test(control))
    problems.push(`${STRING} dist/esm/StringControl.js 不再是 React 类组件 StringControl`);
  if (!/componentDidUpdate\(\)\s*\{[^}]*setSelectionRange\(this\._sel, this\._sel\)/.test(control))
    problems.push(`${STRING} dist/esm/StringControl.js 的 componentDidUpdate 不再以 _sel 复位光标`);
  for (const [pkg, root, name] of [
    [STRING, stringRoot, 'string'],
    [TEXT, textRoot, 'text'],
  ] as const)
    if (!new RegExp(`name: '${name}',\\s*controlComponent,\\s*previewComponent`).test(read(root, 'dist/esm/index.js')))
      problems.push(`${pkg} dist/esm/index.js 注册的 ${name} 组件不再由 controlComponent、previewComponent 组成`);
  return problems;
}

/** Stops the build (the admin bundle step) if the string or text widget no longer fits typing.ts. */
export function assertStringWidgetHolds(stringRoot?: string, textRoot?: string): void {
  const problems = stringWidgetProblems(stringRoot, textRoot);
  if (problems.length)
    throw fenceError(
      STRING,
      packageVersion(STRING, stringRoot),
      '后台输入框“所输即所存”（src/cms/typing.ts 包装 string、text 组件）',
      problems,
      '按 docs/upgrading.md 更新 src/cms/typing.ts 后再构建后台。',
    );
}
