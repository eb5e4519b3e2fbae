import type { CMS as CmsApi } from 'decap-cms-core';
import { Map as ImmutableMap } from 'immutable';
import { PROPOSAL_STATUSES, REPLY_ROLES } from '../content/model.ts';
import { roleOf, type CourseInput } from '../lib/proposals/course.ts';
import { fittingStatus, nextReplier } from '../lib/proposals/follow.ts';

/**
 * A proposal's replies are tied to its units, so the editor picks less and cannot pick wrong (the rules, `roleOf` and
 * `courseProblems`, leave one answer; `src/lib/proposals/follow.ts`):
 *
 * - A new reply starts from the first of the proposal's units without a reply (lead units first).
 * - A reply's 办理角色 follows its 答复单位: 主办, 协办 or 会办, from the list the unit is in. The field stays visible
 *   and can be changed; the rules refuse a role that does not match.
 * - The 办理状态 follows the replies: the first reply moves 立案 on to 办理中, or to 已办复 once every lead unit has
 *   answered.
 *
 * Decap's list widget changes one field of an item at a time; this subclass of it (registered through the public
 * `registerWidget`) sets the unit and its role in one change, as two changes in a row would each start from the item
 * before the other. A list only changes its own field, so the status select hands the list its own `onChange`.
 */

interface Immutable {
  get(key: string, fallback?: unknown): unknown;
  toJS(): unknown;
}
type Handler = (field: Immutable, value: unknown, metadata?: unknown) => void;
interface ControlProps {
  value: { get(i: number): unknown; set(i: number, v: unknown): unknown; toJS?(): unknown } | undefined;
  field: Immutable;
  metadata?: Immutable;
  parentIds?: string[];
  onChange(value: unknown, metadata?: unknown): void;
  getEntry?: () => Immutable | undefined;
}
interface ListInstance {
  props: ControlProps;
  state: { keys: string[] };
  handleChangeFor: (key: string) => Handler;
  multipleDefault: (fields: unknown) => Record<string, unknown>;
  componentDidMount?: () => void;
  componentDidUpdate?: (prev: ControlProps, ...rest: unknown[]) => void;
  componentWillUnmount?: () => void;
}
type ListClass = new (props: never) => ListInstance;
type ItemField = { name: string; options?: unknown[]; within?: string[] };

const ROLE = 'role';
const STATUS = 'status';

/** The status select of the proposal being edited, while it is shown. */
let setStatus: ((status: string) => void) | undefined;

const dataOf = (props: ControlProps) =>
  ((props.getEntry?.()?.get('data') as Immutable | undefined)?.toJS() ?? {}) as CourseInput & Record<string, unknown>;
const itemFields = (list: Immutable) => ((list.get('fields') as Immutable | undefined)?.toJS() ?? []) as ItemField[];
/** The item field chosen among the proposal's units (`within` in the model), if the list is of replies. */
const unitField = (list: Immutable) => itemFields(list).find((f) => f.within?.length);
/** Whether the items' role is a reply's, among REPLY_ROLES, so it can follow the unit. */
const hasRole = (list: Immutable) =>
  JSON.stringify(itemFields(list).find((f) => f.name === ROLE)?.options) === JSON.stringify([...REPLY_ROLES]);

function withRepliesTiedToUnits(Base: ListClass): ListClass {
  return class RepliesList extends Base {
    constructor(props: never) {
      super(props);
      const own = this.handleChangeFor;
      const handlers = new Map<string, Handler>();
      this.handleChangeFor = (key) => {
        if (!handlers.has(key)) {
          const base = own(key);
          handlers.set(key, (field, value, metadata) => {
            const role =
              field.get('within') && hasRole(this.props.field) && value
                ? roleOf(dataOf(this.props), String(value))
                : undefined;
            const at = this.state.keys.indexOf(key);
            if (!role || at === -1 || !this.props.value) return base(field, value, metadata);
            const item = ((this.props.value.get(at) as ImmutableMap<string, unknown>) ?? ImmutableMap())
              .set(String(field.get('name')), value)
              .set(ROLE, role);
            const own = (this.props.metadata?.toJS() ?? {}) as object;
            this.props.onChange(this.props.value.set(at, item), {
              [String(this.props.field.get('name'))]: { ...own, ...((metadata as object) ?? {}) },
            });
          });
        }
        return handlers.get(key)!;
      };

      const defaults = this.multipleDefault;
      this.multipleDefault = (fields) => {
        const item = defaults(fields);
        const unit = unitField(this.props.field);
        if (!unit || item[unit.name]) return item;
        const data = dataOf(this.props);
        const replies = (this.props.value?.toJS?.() ?? []) as { unit?: unknown }[];
        const next = nextReplier(data, unit.within ?? [], replies);
        if (!next) return item;
        const role = hasRole(this.props.field) ? roleOf(data, next) : undefined;
        return { ...item, [unit.name]: next, ...(role ? { [ROLE]: role } : {}) };
      };

      const update = this.componentDidUpdate?.bind(this);
      this.componentDidUpdate = (prev, ...rest) => {
        update?.(prev, ...rest);
        if (prev.value === this.props.value || !unitField(this.props.field)) return;
        const status = fittingStatus(dataOf(this.props));
        if (status) setStatus?.(status);
      };
    }
  };
}

/** The proposal's status select hands out its `onChange` while it is shown. */
function withStatusHandle(Base: ListClass): ListClass {
  return class StatusSelect extends Base {
    constructor(props: never) {
      super(props);
      const mount = this.componentDidMount?.bind(this);
      const unmount = this.componentWillUnmount?.bind(this);
      const handle = (status: string) => this.props.onChange(status);
      const isStatus = () => {
        const { field, parentIds } = this.props;
        const options = (field.get('options') as Immutable | undefined)?.toJS();
        return (
          !parentIds?.length &&
          field.get('name') === STATUS &&
          JSON.stringify(options) === JSON.stringify([...PROPOSAL_STATUSES])
        );
      };
      this.componentDidMount = () => {
        mount?.();
        if (isStatus()) setStatus = handle;
      };
      this.componentWillUnmount = () => {
        unmount?.();
        if (setStatus === handle) setStatus = undefined;
      };
    }
  };
}

/** Install on Decap's list and select widgets. Before the rules wrap the widgets (`registerEntryRules`). */
export function registerReplyRoles(cms: CmsApi): void {
  for (const [name, wrap] of [
    ['list', withRepliesTiedToUnits],
    ['select', withStatusHandle],
  ] as const) {
    const w = cms.getWidget(name) as unknown as { control: ListClass; preview: unknown; schema?: object } | undefined;
    if (w) (cms.registerWidget as (...args: unknown[]) => void)(name, wrap(w.control), w.preview, w.schema);
  }
}
