import type { CMS as CmsApi } from 'decap-cms-core';
import { List } from 'immutable';
import { Component, createElement as h } from 'react';
import Select from 'react-select';
import { REPLY_ROLES } from '../content/model.ts';
import { TAXONOMY_WIDGET } from './config.ts';
import { optionsOf, optionsWithin, rankOptions, type PickOption } from '../lib/pick-options.ts';

/**
 * The picker of a taxonomy item (届次, 承办单位, 类别, 界别, 县区 …), registered as `taxonomy` through Decap's public
 * `registerWidget`. It replaces Decap's relation widget for taxonomies, which ranked by fuzzy subsequence (typing 第三次
 * offered 第十三届…第五次会议 first) and, opened by a click, had the first item focused instead of the chosen one, so
 * Enter picked another meeting. Here typing narrows the list to the items holding every typed word (name, short name or
 * id), the chosen item is the focused one when the list opens, and a field with `within` (a reply's unit) offers only
 * the units already chosen in the proposal, with their role.
 */

interface Immutable {
  get(key: string, fallback?: unknown): unknown;
  toJS(): unknown;
}
interface Props {
  value?: unknown;
  forID: string;
  field: Immutable;
  onChange(value: unknown): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  isDisabled?: boolean;
  getEntry(): Immutable | undefined;
  loadEntry(collection: string, slug: string): Promise<{ data?: unknown } | undefined>;
}
interface State {
  options: PickOption[];
  /** The entry's data when the list was last opened, for `within`. */
  data: Record<string, unknown>;
  /** What the editor has typed into the picker. */
  typed: string;
}

const plain = (v: unknown): unknown => (v && typeof (v as Immutable).toJS === 'function' ? (v as Immutable).toJS() : v);
const values = (v: unknown): string[] => {
  const js = plain(v);
  return (Array.isArray(js) ? js : js === undefined || js === null || js === '' ? [] : [js]).map(String);
};

/** One read of each taxonomy file per admin page (the admin reloads when the editor moves to another entry). */
const loaded = new Map<string, Promise<PickOption[]>>();

export class TaxonomySelectControl extends Component<Props, State> {
  override state: State = { options: [], data: {}, typed: '' };
  private mounted = false;

  get collection(): string {
    return String(this.props.field.get('collection'));
  }
  get within(): string[] {
    return values(this.props.field.get('within'));
  }

  override componentDidMount() {
    this.mounted = true;
    const name = this.collection;
    if (!loaded.has(name)) {
      const file = String(this.props.field.get('file') ?? name);
      loaded.set(
        name,
        this.props
          .loadEntry(name, file)
          .then((e) => optionsOf((plain(e?.data) as { items?: unknown } | undefined)?.items)),
      );
    }
    void loaded.get(name)!.then(
      (options) => this.mounted && this.setState({ options }),
      () => loaded.delete(name),
    );
    this.readEntry();
  }

  override componentWillUnmount() {
    this.mounted = false;
  }

  /** The entry as it is now: the proposal's units may have changed since this field was drawn. */
  readEntry = () => {
    const data = plain(this.props.getEntry?.()?.get('data'));
    this.setState({ data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {} });
  };

  /** The choices, each the same object every time it is asked for, so the chosen one is found (and focused) in them. */
  private cache = { key: '', list: [] as PickOption[] };
  choices(): PickOption[] {
    const within = this.within;
    const current = values(this.props.value);
    const key = JSON.stringify([this.state.options.length, within.map((f) => this.state.data[f]), current]);
    if (key !== this.cache.key) {
      const known = new Map(this.state.options.map((o) => [o.value, o]));
      const missing = current.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v, also: [v], stale: true }));
      const list = within.length
        ? optionsWithin(this.state.options, this.state.data, within, REPLY_ROLES, current)
        : [...this.state.options, ...missing];
      this.cache = { key, list };
    }
    return this.cache.list;
  }

  onChange = (picked: unknown) => {
    const multiple = this.props.field.get('multiple', false) === true;
    const list = (Array.isArray(picked) ? picked : picked ? [picked] : []) as PickOption[];
    this.props.onChange(multiple ? List(list.map((o) => o.value)) : (list[0]?.value ?? ''));
  };

  override render() {
    const { field, forID, classNameWrapper, isDisabled } = this.props;
    const multiple = field.get('multiple', false) === true;
    const choices = this.choices();
    const current = values(this.props.value);
    const selected = current.map((v) => choices.find((o) => o.value === v)).filter((o): o is PickOption => !!o);
    const within = this.within.length > 0;
    return h(Select<PickOption, boolean>, {
      inputId: forID,
      className: classNameWrapper,
      classNamePrefix: 'czzx-pick',
      // Ranked here rather than filtered by react-select, so the best match is first and Enter picks it.
      options: rankOptions(choices, this.state.typed),
      inputValue: this.state.typed,
      onInputChange: (typed: string) => this.setState({ typed }),
      filterOption: null,
      value: multiple ? selected : (selected[0] ?? null),
      isMulti: multiple,
      isClearable: multiple || field.get('required', true) === false,
      isDisabled,
      getOptionValue: (o) => o.value,
      getOptionLabel: (o) => o.label,
      // In the open list a unit shows its role in the proposal, and a value no longer allowed says so.
      formatOptionLabel: (o, { context }) =>
        context === 'menu' && (o.role || o.stale)
          ? `${o.label}（${o.stale ? '不在本提案的承办单位中' : o.role}）`
          : o.label,
      isOptionDisabled: (o) => !!o.stale,
      noOptionsMessage: () =>
        within && choices.length === 0 ? '请先在上方选择主办、协办或会办单位' : '没有名称含这些字的项',
      placeholder: '输入名称或简称查找',
      onChange: this.onChange,
      onMenuOpen: this.readEntry,
      onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle,
      styles: { menu: (base) => ({ ...base, zIndex: 3 }) },
    });
  }
}

/** Decap's own preview of the field: the names. */
export function TaxonomySelectPreview(props: { value?: unknown }) {
  return h('span', null, values(props.value).join('、'));
}

/** Register the widget. Before `CMS.init`, and before the rules wrap each widget by name. */
export function registerTaxonomySelect(cms: CmsApi): void {
  cms.registerWidget(TAXONOMY_WIDGET, TaxonomySelectControl as never, TaxonomySelectPreview as never);
}
