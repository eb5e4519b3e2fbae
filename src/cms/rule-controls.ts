import type { CMS as CmsApi } from 'decap-cms-core';
import { folderCollections } from '../content/model.ts';
import { cmsField } from './config.ts';
import { namingField, namingIssues, ruleIssues, slugFromData, type Issue, type Stored } from './entry-rules.ts';

/**
 * Every rule the build checks across fields, before a save (src/content/rules.ts through `entry-rules.ts`):
 *
 * - Each top-level field's widget adds the rules' issues at that field to its own validation (a widget's `isValid` is
 *   Decap's public hook), so the message stands next to the field in Chinese and Decap refuses to publish.
 * - A number or year already used by another file is looked up in the collection as the editor types it (through the
 *   same `query` the relation widget uses, so it works with decap-server and the Git host alike).
 * - `preSave` runs all of it once more, with a fresh look-up, and refuses the save with the messages: the last word
 *   whatever a widget missed.
 */

type Data = Record<string, unknown>;
interface Immutable {
  get(key: string, fallback?: unknown): unknown;
  toJS(): unknown;
}
interface ControlProps {
  field: Immutable;
  collection: Immutable;
  entry: Immutable;
  getEntry?: () => Immutable;
  value?: unknown;
  parentIds?: string[];
  forID?: string;
  onValidateObject?: (forID: string, errors: unknown[]) => void;
  query?: (
    namespace: string,
    collection: string,
    fields: string[],
    term: string,
  ) => Promise<{ payload?: { hits?: { slug: string; data: Data }[] } }>;
}
type Query = NonNullable<ControlProps['query']>;
interface ControlInstance {
  props: ControlProps;
  isValid?: () => unknown;
  /** The list widget's check of its length; a list of groups validates through it, not through `isValid`. */
  validateSize?: () => unknown[];
  componentDidMount?: () => void;
  componentDidUpdate?: (prev: ControlProps, ...rest: unknown[]) => void;
}
type ControlClass = new (props: never) => ControlInstance;

/** The collection's look-up, kept from the widgets that have one, so `preSave` can look up too. */
let query: Query | undefined;
/** Entries holding a given value of a collection's naming field, by `collection:value`, as last looked up. */
const found = new Map<string, Stored[]>();

async function lookUp(collection: string, value: string): Promise<Stored[]> {
  const field = namingField(collection);
  if (!query || !field || !value) return [];
  const res = await query(`czzx-naming-${collection}`, collection, [field], value);
  const hits = (res?.payload?.hits ?? []).map((h) => ({ slug: String(h.slug), data: h.data ?? {} }));
  found.set(`${collection}:${value}`, hits);
  return hits;
}

const dataOf = (entry: Immutable): Data => {
  const data = entry.get('data') as Partial<Immutable> | Data | undefined;
  return (typeof data?.toJS === 'function' ? (data as Immutable).toJS() : (data ?? {})) as Data;
};
const selfOf = (entry: Immutable) => ({ slug: String(entry.get('slug') ?? ''), newRecord: !!entry.get('newRecord') });
const namingValue = (collection: string, data: Data) => String(data[namingField(collection) ?? ''] ?? '').trim();

/** Everything the rules say about an entry, with the last look-up of its naming field's value. */
function issuesOf(collection: string, entry: Immutable): Issue[] {
  const data = dataOf(entry);
  const stored = found.get(`${collection}:${namingValue(collection, data)}`) ?? [];
  return [...ruleIssues(collection, data), ...namingIssues(collection, data, selfOf(entry), stored)];
}

/** Where an issue is shown: “第2条答复·答复单位：…” for one inside a list, at the list's own field. */
function located(issue: Issue, fieldLabel: (path: Issue['path']) => string): string {
  const [, index] = issue.path;
  return typeof index === 'number'
    ? `第${index + 1}条${fieldLabel(issue.path.slice(0, 1))}：${issue.message}`
    : issue.message;
}

const labels = new Map<string, string>(
  folderCollections.flatMap((c) => c.fields.map((f) => [`${c.name}.${f.name}`, f.label] as const)),
);

function withRules(Base: ControlClass): ControlClass {
  return class RuleControl extends Base {
    constructor(props: never) {
      super(props);
      const own = this.isValid?.bind(this);
      const mount = this.componentDidMount?.bind(this);
      const update = this.componentDidUpdate?.bind(this);
      const ruleError = () => {
        const p = this.props;
        if (p.parentIds?.length) return undefined;
        const collection = String(p.collection.get('name'));
        const name = String(p.field.get('name'));
        const mine = issuesOf(collection, p.getEntry?.() ?? p.entry).filter((i) => i.path[0] === name);
        if (mine.length === 0) return undefined;
        return {
          type: 'CUSTOM',
          message: mine.map((i) => located(i, ([f]) => labels.get(`${collection}.${f}`) ?? String(f))).join('；'),
        };
      };
      this.isValid = () => {
        const result = own ? own() : true;
        if (result instanceof Promise || result === false || (result as { error?: unknown })?.error) return result;
        const error = ruleError();
        return error ? { error } : result;
      };
      const size = this.validateSize?.bind(this);
      if (size) {
        this.validateSize = () => {
          const error = ruleError();
          return [...size(), ...(error ? [error] : [])];
        };
      }
      // The field a file is named by looks up its value as it is typed, so the check at save time has the answer.
      const watch = () => {
        const p = this.props;
        if (p.query) query = p.query;
        if (p.parentIds?.length) return;
        const collection = String(p.collection.get('name'));
        if (namingField(collection) !== p.field.get('name')) return;
        const value = String(p.value ?? '').trim();
        if (value && !found.has(`${collection}:${value}`)) void lookUp(collection, value).catch(() => undefined);
      };
      this.componentDidMount = () => {
        mount?.();
        watch();
      };
      this.componentDidUpdate = (prev, ...rest) => {
        update?.(prev, ...rest);
        if (prev.value !== this.props.value) watch();
      };
    }
  };
}

/** Install the rules on every widget a folder collection's top-level fields use, and the check before each save. */
export function registerEntryRules(cms: CmsApi): void {
  const widgets = new Set(folderCollections.flatMap((c) => c.fields.map((f) => String(cmsField(f).widget))));
  widgets.add('markdown');
  for (const name of widgets) {
    const w = cms.getWidget(name) as unknown as
      | { control: ControlClass; preview: unknown; schema?: object }
      | undefined;
    if (!w) continue;
    (cms.registerWidget as (...args: unknown[]) => void)(name, withRules(w.control), w.preview, w.schema);
  }

  cms.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }: { entry: Immutable }) => {
      const collection = String(entry.get('collection'));
      const data = dataOf(entry);
      if (slugFromData(collection, data)) await lookUp(collection, namingValue(collection, data));
      const issues = issuesOf(collection, entry);
      if (issues.length) throw new Error(issues.map((i) => i.message).join('；'));
      return undefined;
    },
  } as never);
}
