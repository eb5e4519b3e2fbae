import type { CMS as CmsApi } from 'decap-cms-core';

/**
 * The cursor goes where the editor types next, so no click is spent on getting there:
 *
 * - A new entry's first field (a string or text: the proposal's number, a title) takes the cursor, after its default
 *   (`14-4-`), unless the editor is already somewhere else.
 * - An item added to a list (新增答复 …) hands the cursor to its first field still empty: a reply's unit is filled in
 *   already (`reply-role.ts`), so its date.
 *
 * Both are subclasses of Decap's widgets, registered through the public `registerWidget`; an item's field is found by
 * the id Decap gives its label (`<name>-field-<n>`) inside the list's own element (`forID`).
 */

interface Immutable {
  get(key: string, fallback?: unknown): unknown;
  toJS(): unknown;
}
interface ControlProps {
  field: Immutable;
  forID?: string;
  parentIds?: string[];
  collection?: Immutable;
  value?: { size?: number; get(i: number): unknown };
  getEntry?: () => Immutable | undefined;
}
interface ControlInstance {
  props: ControlProps;
  state: { keys?: string[] };
  handleAdd?: (e: unknown) => void;
  componentDidMount?: () => void;
  componentDidUpdate?: (prev: ControlProps, ...rest: unknown[]) => void;
}
type ControlClass = new (props: never) => ControlInstance;

/** Whether the cursor is nowhere in particular, so moving it takes nothing from the editor. */
const idle = () => !document.activeElement || document.activeElement === document.body;

function withFirstFieldFocus(Base: ControlClass): ControlClass {
  return class FirstFieldControl extends Base {
    constructor(props: never) {
      super(props);
      const mount = this.componentDidMount?.bind(this);
      this.componentDidMount = () => {
        mount?.();
        const { field, forID, parentIds, collection, getEntry } = this.props;
        const first = (collection?.get('fields') as { first?(): Immutable } | undefined)?.first?.();
        if (parentIds?.length || !forID || !getEntry?.()?.get('newRecord')) return;
        if (first?.get('name') !== field.get('name') || !idle()) return;
        const input = document.getElementById(forID);
        if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      };
    }
  };
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function withNewItemFocus(Base: ControlClass): ControlClass {
  return class NewItemList extends Base {
    constructor(props: never) {
      super(props);
      const add = this.handleAdd;
      const update = this.componentDidUpdate?.bind(this);
      let added = false;
      if (add)
        this.handleAdd = (e) => {
          added = true;
          add(e);
        };
      this.componentDidUpdate = (prev, ...rest) => {
        update?.(prev, ...rest);
        if (!added || prev.value === this.props.value) return;
        added = false;
        const keys = this.state.keys ?? [];
        const top = !!this.props.field.get('add_to_top');
        const at = top ? 0 : keys.length - 1;
        const item = ((this.props.value?.get(at) as Immutable | undefined)?.toJS() ?? {}) as Record<string, unknown>;
        const fields = ((this.props.field.get('fields') as Immutable | undefined)?.toJS() ?? []) as { name: string }[];
        const next = fields.find((f) => isEmpty(item[f.name]));
        const box = this.props.forID ? document.getElementById(this.props.forID) : null;
        if (!next || !box) return;
        // One label of the field per item, in the items' order (a list nested in the items may add more: then none).
        const labels = box.querySelectorAll<HTMLLabelElement>(`label[for^="${next.name}-field-"]`);
        const label = labels.length === keys.length ? labels[at] : undefined;
        if (label?.htmlFor) document.getElementById(label.htmlFor)?.focus();
      };
    }
  };
}

/** Install on Decap's string, text and list widgets. */
export function registerFocusNext(cms: CmsApi): void {
  for (const [name, wrap] of [
    ['string', withFirstFieldFocus],
    ['text', withFirstFieldFocus],
    ['list', withNewItemFocus],
  ] as const) {
    const w = cms.getWidget(name) as unknown as
      | { control: ControlClass; preview: unknown; schema?: object }
      | undefined;
    if (w) (cms.registerWidget as (...args: unknown[]) => void)(name, wrap(w.control), w.preview, w.schema);
  }
}
