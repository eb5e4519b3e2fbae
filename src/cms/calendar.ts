import { Component, createElement as h, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { dayAfterKey } from '../lib/calendar-keys.ts';
import { monthGrid, nowValue, shiftMonth } from '../lib/beijing-input.ts';

/**
 * The calendar of a date or date-time field (`datetime-widget.ts`), a WAI-ARIA date picker dialog: it opens with the
 * chosen day (else today) focused; the arrows, Home/End and Page Up/Down move the focus (turning the month when it
 * leaves the one shown), Enter or Space picks the focused day, Escape closes it and returns to the 日历 button. Only the
 * focused day is in the Tab order, so Tab goes on to the month buttons, the time and 完成.
 */

export interface CalendarProps {
  /** The field's id; the dialog is `<id>-calendar`, the button that opened it `<id>-calendar-button`. */
  id: string;
  label: string;
  withTime: boolean;
  selected: { day: string; hour: number; minute: number } | undefined;
  pickDay(day: string): void;
  pickTime(hour: number, minute: number): void;
  close(): void;
}

interface State {
  month: { year: number; month: number };
  focused: string;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (day: string) => ({ year: +day.slice(0, 4), month: +day.slice(5, 7) });
const dayLabel = (day: string) => `${+day.slice(0, 4)}年${+day.slice(5, 7)}月${+day.slice(8, 10)}日`;

export class Calendar extends Component<CalendarProps, State> {
  constructor(props: CalendarProps) {
    super(props);
    const focused = props.selected?.day ?? nowValue('date');
    this.state = { month: monthOf(focused), focused };
  }

  private moved = true;

  override componentDidMount() {
    this.focusDay();
  }

  override componentDidUpdate() {
    if (this.moved) this.focusDay();
  }

  focusDay() {
    this.moved = false;
    document.getElementById(`${this.props.id}-day-${this.state.focused}`)?.focus();
  }

  /** Show another month; the focus stays on a day of it (the same date where it has one). */
  turn(by: number) {
    const month = shiftMonth(this.state.month.year, this.state.month.month, by);
    const focused = dayAfterKey(this.state.focused, by < 0 ? 'PageUp' : 'PageDown')!;
    this.setState({
      month,
      focused: monthOf(focused).month === month.month ? focused : `${month.year}-${pad(month.month)}-01`,
    });
  }

  onGridKey = (e: ReactKeyboardEvent) => {
    const next = dayAfterKey(this.state.focused, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    this.moved = true;
    this.setState({ focused: next, month: monthOf(next) });
  };

  onKey = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.props.close();
    document.getElementById(`${this.props.id}-calendar-button`)?.focus();
  };

  override render() {
    const { id, label, selected, withTime } = this.props;
    const { month, focused } = this.state;
    const today = nowValue('date');
    const turn = (by: number, text: string) =>
      h('button', { type: 'button', 'aria-label': text, onClick: () => this.turn(by) }, by < 0 ? '‹' : '›');
    const cell = (d: { day: string; date: number; inMonth: boolean }) =>
      h(
        'td',
        { key: d.day },
        h(
          'button',
          {
            type: 'button',
            id: `${id}-day-${d.day}`,
            tabIndex: d.day === focused ? 0 : -1,
            'aria-label': dayLabel(d.day),
            'aria-pressed': selected?.day === d.day,
            'aria-current': d.day === today ? 'date' : undefined,
            'data-today': d.day === today || undefined,
            className: d.inMonth ? undefined : 'bj-outside',
            onClick: () => this.props.pickDay(d.day),
            onFocus: () => d.day !== focused && this.setState({ focused: d.day }),
          },
          d.date,
        ),
      );
    const select = (text: string, count: number, value: number | undefined, set: (n: number) => void) =>
      h(
        'select',
        {
          'aria-label': text,
          value: value ?? '',
          onChange: (e: { target: { value: string } }) => set(Number(e.target.value)),
        },
        value === undefined ? h('option', { value: '' }, '--') : null,
        Array.from({ length: count }, (_, n) => h('option', { key: n, value: n }, pad(n))),
      );
    return h(
      'div',
      {
        role: 'dialog',
        'aria-label': `${label}：选择日期`,
        className: 'bj-calendar',
        id: `${id}-calendar`,
        onKeyDown: this.onKey,
      },
      h(
        'div',
        { className: 'bj-month' },
        turn(-1, '上个月'),
        h('strong', { id: `${id}-month`, 'aria-live': 'polite' }, `${month.year}年${month.month}月`),
        turn(1, '下个月'),
      ),
      h(
        'table',
        { role: 'grid', 'aria-labelledby': `${id}-month`, onKeyDown: this.onGridKey },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            WEEKDAYS.map((w) => h('th', { key: w, scope: 'col' }, w)),
          ),
        ),
        h(
          'tbody',
          null,
          monthGrid(month.year, month.month).map((week) => h('tr', { key: week[0]!.day }, week.map(cell))),
        ),
      ),
      withTime
        ? h(
            'div',
            { className: 'bj-time' },
            select('时', 24, selected?.hour, (n) => this.props.pickTime(n, selected?.minute ?? 0)),
            ' : ',
            select('分', 60, selected?.minute, (n) => this.props.pickTime(selected?.hour ?? 0, n)),
          )
        : null,
      h('button', { type: 'button', onClick: this.props.close }, '完成'),
    );
  }
}
