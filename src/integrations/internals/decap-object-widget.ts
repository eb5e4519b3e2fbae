import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fenceError, packageRoot, packageVersion } from './package-version.ts';

/**
 * The admin's optional groups (src/cms/widgets.ts) subclass Decap's object widget: Decap offers no public way to let
 * an optional group be left empty, so the subclass wraps the control's `validate`. It relies on `getWidget('object')`
 * giving `{ control, preview, schema }` and on `validate` being an instance field of `ObjectControl` that reads the
 * child controls. If that changed, an empty optional group would block saving, or a required one would no longer be
 * checked. The bundle step checks the installed widget's source; widgets.ts checks the class it receives at runtime.
 */
const PKG = 'decap-cms-widget-object';

/** Problems with the object widget as the subclass relies on it, in Chinese; empty when it holds. */
export function objectWidgetProblems(root = packageRoot(PKG)): string[] {
  const read = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : '');
  const problems: string[] = [];
  const control = read('dist/esm/ObjectControl.js');
  if (!/^\s*validate = \(\) => \{/m.test(control))
    problems.push('dist/esm/ObjectControl.js 的 validate 不再是实例字段 validate = () => {…}');
  if (!control.includes('this.childRefs')) problems.push('dist/esm/ObjectControl.js 不再经由 childRefs 校验各子字段');
  if (!/name: 'object',\s*controlComponent,\s*previewComponent,\s*schema/.test(read('dist/esm/index.js')))
    problems.push('dist/esm/index.js 注册的 object 组件不再由 controlComponent、previewComponent、schema 组成');
  return problems;
}

/** Stops the build (the admin bundle step) if the object widget no longer fits the subclass. */
export function assertObjectWidgetHolds(root?: string): void {
  const problems = objectWidgetProblems(root);
  if (problems.length)
    throw fenceError(
      PKG,
      packageVersion(PKG, root),
      '后台“可选字段组”（src/cms/widgets.ts 继承 object 组件）',
      problems,
      '按 docs/upgrading.md 更新 src/cms/widgets.ts 后再构建后台。',
    );
}
