import { Component, createElement as h, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { chineseNumber } from '../lib/numerals.ts';
import { areaBetween, areaProblem, roundPercent, type Area } from '../lib/paper/areas.ts';
import { areaBox, areaFields, toAreas } from './paper-areas-parts.ts';

export { PaperAreasPreview } from './paper-areas-parts.ts';

/**
 * The CMS editor of a story's areas on its newspaper page (数字报版面 · 版面区域), registered with Decap's public
 * `registerWidget`. It shows the page image of the issue and page chosen beside it; the editor drags a rectangle on
 * the image and the widget writes its position in percent, rounded to a tenth. Every number can also be typed, so the
 * areas can be edited from the keyboard alone.
 */

type Immutable = { toJS(): unknown; getIn(path: string[]): unknown };
const plain = (v: unknown): unknown => (v && typeof (v as Immutable).toJS === 'function' ? (v as Immutable).toJS() : v);

interface Props {
  value?: unknown;
  forID: string;
  onChange(value: Area[]): void;
  classNameWrapper: string;
  /** The entry being edited, read fresh from Decap's store. */
  getEntry(): Immutable | undefined;
  /** Loads another entry (the issue) through the backend. */
  loadEntry(collection: string, slug: string): Promise<{ data?: unknown } | undefined>;
  /** A URL the browser can show for a media path (a blob URL for a file not yet published). */
  getAsset(path: string, field?: unknown): { path?: string; toString(): string } | undefined;
  field: unknown;
}

interface State {
  /** The issue and page chosen in the story's 数字报版面, as last read. */
  issue: string;
  page: number;
  /** The page image's path, once the issue is loaded; `''` when the page has none or is unknown. */
  image: string;
  /** What the browser loads for it: the published file, or Decap's copy (a blob URL) of one not yet published. */
  src: string;
  /** Why the chosen issue and page cannot be saved (no such page, or a 见报信息 that disagrees), as the build would say. */
  problem?: string | undefined;
  /** The chosen page exists in the chosen issue. */
  pageFound?: boolean;
  /** The published file failed to load: the image was uploaded after the site was built. */
  unpublished?: boolean;
  status: string;
  /** The rectangle being dragged, in percent. */
  drag?: { from: { x: number; y: number }; to: { x: number; y: number } } | undefined;
}

/** The issue and page of the story's 数字报版面 (the group this widget sits in). */
function placement(entry: Immutable | undefined): { issue: string; page: number } {
  const paper = (plain(entry?.getIn(['data', 'paper'])) ?? {}) as { issue?: unknown; page?: unknown };
  return { issue: paper.issue ? String(paper.issue) : '', page: Number(paper.page) || 0 };
}

/**
 * A news story's 见报信息 (本报2025年4月18日第二版) must name the issue's day and page, or the build stops
 * (src/lib/paper/edition.ts); said here so the editor can fix it before saving.
 */
function editionProblem(entry: Immutable | undefined, date: string, page: number): string | undefined {
  const edition = plain(entry?.getIn(['data', 'edition'])) as { date?: unknown; page?: unknown } | undefined;
  if (!edition?.date && !edition?.page) return undefined;
  const printed = `第${chineseNumber(page)}版`;
  const day = edition.date instanceof Date ? edition.date.toISOString().slice(0, 10) : String(edition.date ?? '');
  return day === date && edition.page === printed
    ? undefined
    : `见报信息写的是 ${day} ${String(edition.page ?? '')}，与所选的数字报版面（${date} ${printed}）不一致`;
}

export class PaperAreasControl extends Component<Props, State> {
  override state: State = { issue: '', page: 0, image: '', src: '', status: '' };
  private timer: ReturnType<typeof setInterval> | undefined;
  private sheet: HTMLDivElement | null = null;

  override componentDidMount(): void {
    this.follow();
    // Decap does not re-render a field when a sibling changes, so the chosen issue and page are looked at while the
    // editor works; a change loads the other page image.
    this.timer = setInterval(() => this.follow(), 400);
  }

  override componentWillUnmount(): void {
    clearInterval(this.timer);
  }

  /** Errors Decap shows under the field and which block saving. */
  isValid = (): true | { error: { message: string } } => {
    if (this.state.problem) return { error: { message: this.state.problem } };
    const bad = toAreas(this.props.value)
      .map((a, i) => [i, areaProblem(a)] as const)
      .find(([, p]) => p);
    return bad ? { error: { message: `区域 ${bad[0] + 1}：${bad[1]}` } } : true;
  };

  private follow(): void {
    const { issue, page } = placement(this.props.getEntry());
    if (issue === this.state.issue && page === this.state.page) {
      // The editor may correct the 见报信息 after choosing the page.
      if (this.state.pageFound) {
        const problem = editionProblem(this.props.getEntry(), issue, page);
        if (problem !== this.state.problem) this.setState({ problem });
      }
      // An image uploaded since the site was last built is not served yet: show Decap's own copy of it instead. Decap
      // answers a placeholder until it has read the file, and does not re-render this field when it has.
      if (this.state.unpublished) {
        const asset = this.props.getAsset(`public${this.state.image}`, this.props.field);
        // Decap's stand-in while it reads the file is an empty SVG: keep the image as it is until the file is there.
        const src = asset && asset.path !== 'empty.svg' ? asset.toString() : this.state.src;
        if (src !== this.state.src) this.setState({ src });
      }
      return;
    }
    this.setState({
      issue,
      page,
      image: '',
      src: '',
      problem: undefined,
      pageFound: false,
      unpublished: false,
      status: issue && page ? '正在读取版面图…' : '请先在上方选择报纸期次并填写版次，版面图会显示在这里。',
    });
    if (!issue || !page) return;
    this.props.loadEntry('paper', issue).then(
      (entry) => {
        if (this.state.issue !== issue || this.state.page !== page) return;
        const data = (plain(entry?.data) ?? {}) as {
          number?: number;
          date?: string;
          pages?: { number?: number; name?: string; image?: string }[];
        };
        const found = (data.pages ?? []).find((p) => Number(p.number) === page);
        const problem = found
          ? editionProblem(this.props.getEntry(), issue, page)
          : `第${data.number ?? ''}期没有第${page}版`;
        this.setState(
          found?.image
            ? {
                image: found.image,
                src: found.image,
                pageFound: true,
                problem,
                status: `第${data.number ?? ''}期 第${page}版 ${found.name ?? ''}：在图上按住鼠标拖出文章所占区域。`,
              }
            : {
                image: '',
                src: '',
                pageFound: Boolean(found),
                problem,
                status: found ? `第${page}版还没有版面图。` : '',
              },
        );
      },
      () =>
        this.setState({
          image: '',
          src: '',
          problem: '读取该期报纸失败，请检查报纸期次',
          status: '读取该期报纸失败，请检查期次。',
        }),
    );
  }

  private percentAt(e: ReactPointerEvent): { x: number; y: number } {
    const r = this.sheet!.getBoundingClientRect();
    return {
      x: roundPercent(((e.clientX - r.left) / r.width) * 100),
      y: roundPercent(((e.clientY - r.top) / r.height) * 100),
    };
  }

  private onPointerDown = (e: ReactPointerEvent): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const p = this.percentAt(e);
    this.setState({ drag: { from: p, to: p } });
  };

  private onPointerMove = (e: ReactPointerEvent): void => {
    const drag = this.state.drag;
    if (drag) this.setState({ drag: { from: drag.from, to: this.percentAt(e) } });
  };

  private onPointerUp = (e: ReactPointerEvent): void => {
    const drag = this.state.drag;
    if (!drag) return;
    const area = areaBetween(drag.from, this.percentAt(e));
    this.setState({ drag: undefined });
    // A click without a drag is not an area.
    if (area.w >= 1 && area.h >= 1) this.props.onChange([...toAreas(this.props.value), area]);
  };

  private setNumber(i: number, k: keyof Area, text: string): void {
    const areas = toAreas(this.props.value);
    areas[i] = { ...areas[i]!, [k]: text === '' ? 0 : roundPercent(Number(text)) };
    this.props.onChange(areas);
  }

  override render(): ReactNode {
    const areas = toAreas(this.props.value);
    const { src, status, problem, drag } = this.state;
    return h(
      'div',
      { id: this.props.forID, className: this.props.classNameWrapper, 'data-paper-areas': true },
      h('p', { role: 'status', style: { margin: '0 0 8px' } }, status),
      problem && h('p', { role: 'alert', style: { margin: '0 0 8px', color: '#b3261e', fontWeight: 'bold' } }, problem),
      src &&
        h(
          'div',
          {
            ref: (el: HTMLDivElement | null) => {
              this.sheet = el;
            },
            'data-paper-sheet': true,
            style: {
              position: 'relative',
              maxWidth: 560,
              cursor: 'crosshair',
              touchAction: 'none',
              userSelect: 'none',
              border: '1px solid #ccc',
            },
            onPointerDown: this.onPointerDown,
            onPointerMove: this.onPointerMove,
            onPointerUp: this.onPointerUp,
          },
          h('img', {
            src,
            onError: () => this.setState({ unpublished: true }),
            alt: '版面图（在图上拖动以添加区域）',
            draggable: false,
            style: { display: 'block', width: '100%', height: 'auto' },
          }),
          ...areas.map((a, i) => areaBox(a, `a${i}`, String(i + 1))),
          drag ? areaBox(areaBetween(drag.from, drag.to), 'drag', '', true) : null,
        ),
      areaFields(
        areas,
        (i, k, v) => this.setNumber(i, k, v),
        (i) => this.props.onChange(areas.filter((_, j) => j !== i)),
      ),
      h(
        'button',
        { type: 'button', onClick: () => this.props.onChange([...areas, { x: 0, y: 0, w: 10, h: 10 }]) },
        '添加区域（手动填写数值）',
      ),
    );
  }
}
