import type { CMS as CmsApi } from 'decap-cms-core';

/**
 * Two fixes to Decap's handling of optional groups (a news cover image, its 见报信息, a member's photo):
 *
 * - Decap validates the required sub-fields of an object even when the object itself is optional and left empty, so a
 *   story without a cover could not be saved (“替代文字”是必填项). An optional object that is blank now skips its
 *   sub-fields' checks; once an editor starts filling it, they apply as before.
 * - Fields an editor touched and emptied are saved as `''` or `{ alt: '' }`. Blank values are dropped before saving,
 *   so the file says only what was written (the Zod schemas treat absent and blank alike).
 */

type Value = unknown;

interface ImmutableLike {
  toJS(): unknown;
}

const isImmutable = (v: Value): v is ImmutableLike => !!v && typeof (v as ImmutableLike).toJS === 'function';

/** Whether a value holds nothing an editor wrote: empty text, null, or a group/list whose values are all blank. */
export function isBlank(v: Value): boolean {
  const js = isImmutable(v) ? v.toJS() : v;
  if (js === undefined || js === null || js === '') return true;
  if (Array.isArray(js)) return js.every(isBlank);
  if (typeof js === 'object' && !(js instanceof Date)) return Object.values(js).every(isBlank);
  return false;
}

/** Paths of the blank values inside entry data, deepest and last first, so removing them in order is safe. */
export function blankPaths(v: Value, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const entries: [string | number, Value][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries.reverse()) {
      if (isBlank(x)) out.push([...path, k]);
      else out.push(...blankPaths(x, [...path, k]));
    }
  }
  return out;
}

interface ObjectControlInstance {
  props: { value?: Value; field: { get(key: string, fallback?: unknown): unknown } };
  validate: () => void;
}
type ObjectControlClass = new (props: never) => ObjectControlInstance;

/** Install both fixes. Call before `CMS.init`. */
export function registerOptionalGroups(cms: CmsApi): void {
  const object = cms.getWidget('object') as unknown as {
    control: ObjectControlClass;
    preview: unknown;
    schema?: object;
  };
  // The build checks the installed widget (src/integrations/internals/decap-object-widget.ts); this, what arrived.
  if (typeof object?.control !== 'function') throw new Error('Decap 的 object 组件已改变：无法安装“可选字段组”');
  const Base = object.control;
  class OptionalObjectControl extends Base {
    constructor(props: never) {
      super(props);
      const validateFields = this.validate;
      if (typeof validateFields !== 'function') throw new Error('Decap 的 object 组件已改变：validate 不再是实例字段');
      this.validate = () => {
        const optional = this.props.field.get('required', true) === false;
        if (!(optional && isBlank(this.props.value))) validateFields();
      };
    }
  }
  // The fourth argument keeps the object widget's config schema; Decap's type declarations omit it.
  (cms.registerWidget as (...args: unknown[]) => void)('object', OptionalObjectControl, object.preview, object.schema);

  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: { get(key: 'data'): ImmutableLike } }) => {
      type Data = ImmutableLike & { removeIn(path: (string | number)[]): Data };
      const data = entry.get('data') as Data;
      return blankPaths(data.toJS()).reduce((d, path) => d.removeIn(path), data);
    },
  } as never);
}
