import type { CMS as CmsApi } from 'decap-cms-core';
import { Component, createElement as h } from 'react';
import { Calendar } from './calendar.ts';
import {
  displayValue,
  EXAMPLE,
  nowValue,
  parseTyped,
  partsOf,
  storedValue,
  type DateKind,
} from '../lib/beijing-input.ts';

/**
 * Every date and date-time field of the CMS, registered under Decap's own name `datetime` (public `registerWidget`),
 * so the configuration generated from the model is unchanged. Decap's widget is a native `datetime-local` input, which
 * shows mm/dd/yyyy and a 12-hour clock in an English browser and the browser's time zone; this one always shows
 * 年-月-日 and 24-hour 时:分 in Beijing time, takes what editors type (2025-03-12 09:30, 2025年3月12日 9:30) and offers a
 * calendar. It stores what the model expects (`src/lib/beijing-input.ts`). Text it cannot read stays in the field with
 * a message and the save is refused (its `isValid`), so nothing typed is lost or silently replaced.
 */

interface Props {
  value?: unknown;
  forID: string;
  field: { get(key: string, fallback?: unknown): unknown };
  onChange(value: string): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  isDisabled?: boolean;
}

interface State {
  /** What the input shows: the stored value formatted, or what the editor is typing. */
  text: string;
  /** Why the typed text cannot be stored. */
  problem?: string | undefined;
  /** Whether the calendar is open. */
  open?: boolean;
}

const kindOf = (field: Props['field']): DateKind => (field.get('time_format') === false ? 'date' : 'datetime');

/** Why a value in the entry cannot be stored, or undefined when it can (blank, a readable moment or day, `{{now}}`). */
function unreadable(value: unknown, kind: DateKind): string | undefined {
  if (typeof value !== 'string' || value === '{{now}}' || partsOf(value)) return undefined;
  const r = parseTyped(value, kind);
  return r.ok ? undefined : r.message;
}

export class BeijingDateTimeControl extends Component<Props, State> {
  constructor(props: Props) {
    super(props);
    const kind = kindOf(props.field);
    this.state = { text: displayValue(props.value, kind), problem: unreadable(props.value, kind) };
  }

  get kind(): DateKind {
    return kindOf(this.props.field);
  }

  override componentDidMount() {
    // The model's default for a new entry's moment is Decap's `{{now}}`, resolved here as Decap's widget did.
    if (this.props.value === '{{now}}') this.store(nowValue(this.kind));
  }

  /** The value this field last passed to Decap: a change coming back from it must not rewrite what is typed. */
  private emitted: unknown;

  override componentDidUpdate(prev: Props) {
    // A value set from outside (a draft restored, the entry reloaded) is shown.
    if (prev.value !== this.props.value && this.props.value !== this.emitted) {
      this.setState({
        text: displayValue(this.props.value, this.kind),
        problem: unreadable(this.props.value, this.kind),
      });
    }
  }

  /** Decap's validation hook: refuse to save while the text cannot be read. */
  isValid = () => {
    const problem = this.state.problem ?? unreadable(this.props.value, this.kind);
    return problem
      ? { error: { type: 'CUSTOM', message: `「${String(this.props.field.get('label'))}」${problem}` } }
      : true;
  };

  emit(value: string) {
    this.emitted = value;
    this.props.onChange(value);
  }

  store(value: string) {
    this.setState({ text: displayValue(value, this.kind), problem: undefined });
    this.emit(value);
  }

  onType = (text: string) => {
    const r = parseTyped(text, this.kind);
    this.setState({ text, problem: r.ok ? undefined : r.message });
    // Unreadable text is kept as the value too: the entry counts as changed (leaving it asks first) and the save is
    // refused by `isValid`, so what was typed is neither lost nor written.
    this.emit(r.ok ? r.value : text);
  };

  onBlur = () => {
    this.props.setInactiveStyle();
    const r = parseTyped(this.state.text, this.kind);
    if (r.ok) this.setState({ text: displayValue(r.value, this.kind) });
  };

  toggleCalendar = () => this.setState({ open: !this.state.open });

  closeCalendar = () => this.setState({ open: false });

  pickDay = (day: string) => {
    const p = partsOf(this.props.value);
    this.store(storedValue(this.kind, day, p?.hour ?? 9, p?.minute ?? 0));
    if (this.kind === 'date') {
      this.closeCalendar();
      document.getElementById(`${this.props.forID}-calendar-button`)?.focus();
    }
  };

  pickTime = (hour: number, minute: number) => {
    const day = partsOf(this.props.value)?.day ?? nowValue('date');
    this.store(storedValue(this.kind, day, hour, minute));
  };

  override render() {
    const { forID, classNameWrapper, isDisabled } = this.props;
    const { text, problem, open } = this.state;
    return h(
      'div',
      { className: `${classNameWrapper} bj-datetime` },
      h(
        'div',
        { className: 'bj-row' },
        h('input', {
          id: forID,
          type: 'text',
          value: text,
          placeholder: EXAMPLE[this.kind],
          autoComplete: 'off',
          disabled: isDisabled,
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': `${forID}-zone`,
          onChange: (e: { target: { value: string } }) => this.onType(e.target.value),
          onFocus: this.props.setActiveStyle,
          onBlur: this.onBlur,
        }),
        this.kind === 'datetime'
          ? h('span', { id: `${forID}-zone`, className: 'bj-zone' }, '北京时间（24 小时制）')
          : h('span', { id: `${forID}-zone`, className: 'bj-zone' }, '年-月-日'),
        isDisabled
          ? null
          : [
              h(
                'button',
                {
                  key: 'c',
                  id: `${forID}-calendar-button`,
                  type: 'button',
                  'aria-expanded': !!open,
                  'aria-controls': `${forID}-calendar`,
                  onClick: this.toggleCalendar,
                },
                '日历',
              ),
              h(
                'button',
                { key: 'n', type: 'button', onClick: () => this.store(nowValue(this.kind)) },
                this.kind === 'date' ? '今天' : '现在',
              ),
              h('button', { key: 'x', type: 'button', onClick: () => this.store('') }, '清空'),
            ],
      ),
      problem ? h('p', { role: 'alert', className: 'bj-problem' }, problem) : null,
      open
        ? h(Calendar, {
            id: forID,
            label: String(this.props.field.get('label')),
            withTime: this.kind === 'datetime',
            selected: partsOf(this.props.value),
            pickDay: this.pickDay,
            pickTime: this.pickTime,
            close: this.closeCalendar,
          })
        : null,
    );
  }
}

/** Shown in lists and Decap's default preview: the same text as the field. */
export function BeijingDateTimePreview(props: { value?: unknown; field: Props['field'] }) {
  return h('span', null, displayValue(props.value, kindOf(props.field)));
}

const CSS = `
.bj-datetime .bj-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.bj-datetime input[type=text] { flex: 0 1 14em; font: inherit; font-size: 16px; padding: 6px 8px; border: 1px solid #798291; border-radius: 4px; }
.bj-datetime button, .bj-datetime select { font: inherit; padding: 4px 10px; border: 1px solid #798291; border-radius: 4px; background: #fff; color: #1a1a1a; cursor: pointer; }
.bj-datetime .bj-zone { color: #4a4f57; font-size: 14px; }
.bj-datetime .bj-problem { color: #b00020; margin: 6px 0 0; }
.bj-calendar { margin-top: 8px; padding: 8px; border: 1px solid #798291; border-radius: 6px; background: #fff; width: max-content; }
.bj-calendar .bj-month { display: flex; justify-content: space-between; align-items: center; margin-bottom: 4px; }
.bj-calendar table { border-collapse: collapse; }
.bj-calendar th { font-weight: normal; color: #4a4f57; padding: 2px; }
.bj-calendar td button { width: 2.4em; padding: 4px 0; border-color: transparent; }
.bj-calendar td button.bj-outside { color: #6b7078; }
.bj-calendar td button[data-today] { border-color: #798291; }
.bj-calendar td button[aria-pressed=true] { background: #a4161a; color: #fff; }
.bj-calendar .bj-time { margin: 8px 0; }
`;

/** Use this widget for every `datetime` field, keeping Decap's config schema (format …). Before `CMS.init`. */
export function registerBeijingDateTime(cms: CmsApi): void {
  const decap = cms.getWidget('datetime') as unknown as { schema?: object } | undefined;
  (cms.registerWidget as (...args: unknown[]) => void)(
    'datetime',
    BeijingDateTimeControl,
    BeijingDateTimePreview,
    decap?.schema,
  );
  // The admin page has no stylesheet for widgets; the few rules go in once.
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
