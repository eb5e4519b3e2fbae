import type { CMS as CmsApi } from 'decap-cms-core';
import { Map as ImmutableMap } from 'immutable';
import { REPLY_ROLES } from '../content/model.ts';
import { roleOf, type CourseInput } from '../lib/proposals/course.ts';

/**
 * A reply's 办理角色 follows its unit: picking the 答复单位 of a reply fills in 主办, 协办 or 会办 from the list the unit
 * is in on the proposal (the rule the build checks, `roleOf`), so the editor no longer picks it separately and cannot
 * pick it wrong. The field stays visible and can still be changed; the rules refuse a role that does not match.
 *
 * Decap's list widget changes one field of an item at a time; this subclass of it (registered through the public
 * `registerWidget`) sets the unit and its role in one change, as two changes in a row would each start from the item
 * before the other.
 */

interface Immutable {
  get(key: string, fallback?: unknown): unknown;
  toJS(): unknown;
}
type Handler = (field: Immutable, value: unknown, metadata?: unknown) => void;
interface ListInstance {
  props: {
    value: { get(i: number): unknown; set(i: number, v: unknown): unknown };
    field: Immutable;
    metadata?: Immutable;
    onChange(value: unknown, metadata?: unknown): void;
    getEntry?: () => Immutable | undefined;
  };
  state: { keys: string[] };
  handleChangeFor: (key: string) => Handler;
}
type ListClass = new (props: never) => ListInstance;

const ROLE = 'role';

/** Whether an item's fields are a reply's: a unit chosen among the proposal's units, and a role among REPLY_ROLES. */
function followsUnit(list: Immutable, changed: Immutable): boolean {
  if (!changed.get('within')) return false;
  const fields = (list.get('fields') as Immutable | undefined)?.toJS() as { name: string; options?: unknown[] }[];
  const role = fields?.find((f) => f.name === ROLE);
  return JSON.stringify(role?.options) === JSON.stringify([...REPLY_ROLES]);
}

function withRoleFollowingUnit(Base: ListClass): ListClass {
  return class RoleFollowingList extends Base {
    constructor(props: never) {
      super(props);
      const own = this.handleChangeFor;
      const handlers = new Map<string, Handler>();
      this.handleChangeFor = (key) => {
        if (!handlers.has(key)) {
          const base = own(key);
          handlers.set(key, (field, value, metadata) => {
            const data = this.props.getEntry?.()?.get('data') as Immutable | undefined;
            const role =
              followsUnit(this.props.field, field) && value
                ? roleOf((data?.toJS() ?? {}) as CourseInput, String(value))
                : undefined;
            const at = this.state.keys.indexOf(key);
            if (!role || at === -1) return base(field, value, metadata);
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
    }
  };
}

/** Install on Decap's list widget. Before the rules wrap the widgets (`registerEntryRules`). */
export function registerReplyRoles(cms: CmsApi): void {
  const w = cms.getWidget('list') as unknown as { control: ListClass; preview: unknown; schema?: object } | undefined;
  if (w)
    (cms.registerWidget as (...args: unknown[]) => void)('list', withRoleFollowingUnit(w.control), w.preview, w.schema);
}
