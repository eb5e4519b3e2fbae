import {
  Component,
  createElement as h,
  createRef,
  type ClipboardEvent as ReactClipboardEvent,
  type ComponentType,
  type ReactNode,
} from 'react';
import type { CMS as CmsApi } from 'decap-cms-core';
import { htmlToMarkdown, placeImages } from '../lib/paste/markdown.ts';
import { appendMarkdown, placeholder, replacePlaceholder } from '../lib/paste/insert.ts';
import { DocxImport } from './docx-import.ts';
import { uploadImages, type ControlProps } from './media-upload.ts';

/**
 * Decap's Markdown widget, wrapped so that what editors paste from Word, WPS or a web page arrives as clean Markdown
 * (src/lib/paste/), images included.
 *
 * Decap's own paste turns HTML into its editor's nodes and drops what it does not know (tables, links inside spans,
 * images from Word). The wrapper listens for paste before the editor does (a capturing listener on the widget's
 * root): for HTML or image files it converts, uploads the images through the widget's own `onPersistMedia` (the media
 * library's upload, so the files land in `public/media/` like any upload), and puts the Markdown where the cursor
 * was: a placeholder word is pasted as plain text, which the editor inserts at the cursor, and then replaced in the
 * widget's value. The editor is then shown again from that value. Plain-text pastes are left to Decap.
 *
 * The widget is registered under Decap's own name, `markdown` (its control, preview and schema are Decap's), so
 * every Markdown field gets it; the body of an entry also gets 从 Word 导入 (docx-import.ts).
 */

interface State {
  /** Bumped to show the editor again from the value after a paste. */
  generation: number;
  notices: string[];
}

/** Where Decap's Markdown widget keeps the editor's choice of mode (富文本 / Markdown), read when it is created. */
const MODE_KEY = 'cms.md-mode';

/**
 * Footnotes (`[^1]`) do not survive Decap's rich-text editor: its Markdown reader (remark-parse 6 without footnotes)
 * takes the note for a link definition and writes `[^1](note text)` on the next edit. A body holding footnotes is
 * opened in the Markdown mode instead, where the text is kept as written; the editor can switch back.
 */
export const hasFootnotes = (markdown: string | undefined) => /\[\^[^\]\s]+\]/.test(markdown ?? '');

/** Paste events this wrapper dispatched itself (the placeholder), which it lets through to the editor. */
const ownEvents = new WeakSet<Event>();
let pastes = 0;

export function pasteControl(Base: ComponentType<ControlProps>) {
  return class PasteMarkdownControl extends Component<ControlProps, State> {
    override state: State = { generation: 0, notices: [] };
    private inner = createRef<{ focus?: (path?: unknown) => void }>();
    private root = createRef<HTMLDivElement>();
    /** Resolvers waiting for a placeholder to show up in the value. */
    private waiting = new Map<string, () => void>();
    /** A value this wrapper set, until Decap hands it back: only then is the editor shown again from it. */
    private pending: string | undefined;

    /** Decap focuses a field with an error; pass it on. */
    focus(path?: unknown): void {
      this.inner.current?.focus?.(path);
    }

    /** The editor's own mode choice, set aside while the inner editor is created in Markdown mode. */
    private savedMode: string | null | undefined;
    private lastGeneration = -1;

    /** Before the inner editor is created: Markdown mode when the value holds footnotes. */
    private chooseMode(): void {
      if (this.lastGeneration === this.state.generation) return;
      this.lastGeneration = this.state.generation;
      if (!hasFootnotes(this.props.value)) return;
      this.savedMode = localStorage.getItem(MODE_KEY);
      localStorage.setItem(MODE_KEY, 'raw');
    }

    /** Once it is created: the editor's choice back, for every other field. */
    private restoreMode(): void {
      if (this.savedMode === undefined) return;
      if (this.savedMode === null) localStorage.removeItem(MODE_KEY);
      else localStorage.setItem(MODE_KEY, this.savedMode);
      this.savedMode = undefined;
    }

    override componentDidMount(): void {
      this.restoreMode();
    }

    override componentDidUpdate(): void {
      this.restoreMode();
      for (const [mark, done] of this.waiting) if ((this.props.value ?? '').includes(mark)) done();
      if (this.pending !== undefined && this.props.value === this.pending) {
        this.pending = undefined;
        this.setState((s) => ({ generation: s.generation + 1 }));
      }
    }

    /** Set the field's value and show the editor again from it, with messages for what could not be pasted. */
    private setValue(value: string, notices: string[]): void {
      this.pending = value;
      this.setState((s) => ({ notices: [...s.notices, ...notices] }));
      this.props.onChange(value);
    }

    private onPaste = (e: ReactClipboardEvent<HTMLDivElement>) => {
      if (ownEvents.has(e.nativeEvent)) return;
      // Copied inside Decap's editor: its own nodes come along and its own paste keeps them exactly.
      if (Array.from(e.clipboardData.types).includes('application/x-slate-fragment')) return;
      const html = e.clipboardData.getData('text/html');
      const files = Array.from(e.clipboardData.files).filter((f) => /^image\/(?:png|jpeg|gif|webp)$/.test(f.type));
      if (!html && files.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const mark = placeholder(++pastes);
      const editable =
        (e.target as Element).closest?.('[contenteditable="true"]') ??
        this.root.current?.querySelector('[contenteditable="true"]');
      const arrived = new Promise<boolean>((resolve) => {
        this.waiting.set(mark, () => resolve(true));
        // If the editor never shows the mark (no cursor, another editor), the paste goes at the end: never lost.
        setTimeout(() => resolve(false), 3000);
      });
      if (editable) {
        const dt = new DataTransfer();
        dt.setData('text/plain', mark);
        const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
        ownEvents.add(ev);
        queueMicrotask(() => editable.dispatchEvent(ev));
      }
      void this.finish(mark, arrived, html, files, e.clipboardData.getData('text/plain'));
    };

    private async finish(
      mark: string,
      arrived: Promise<boolean>,
      html: string,
      files: File[],
      plain: string,
    ): Promise<void> {
      let markdown = '';
      const notices: string[] = [];
      try {
        const converted = html
          ? htmlToMarkdown(html, (s) => new DOMParser().parseFromString(s, 'text/html'))
          : {
              markdown: files.map((_f, i) => `![](paste-image-${i})`).join('\n\n'),
              images: files.map((f, i) => ({ token: `paste-image-${i}`, src: '', alt: '', name: f.name })),
            };
        const result = await uploadImages(
          this.props,
          converted.images.map((img, i) => ({ img, ...(html ? {} : { blob: files[i]! }) })),
        );
        notices.push(...result.notices);
        markdown = placeImages(converted.markdown, result.uploaded);
      } catch (e) {
        // Say so, and keep the clipboard's plain text, rather than lose the paste without a word.
        markdown = plain;
        notices.push(
          `粘贴的内容无法转换：${e instanceof Error ? e.message : String(e)}。请改用“选择性粘贴 → 无格式文本”，或用「从 Word 导入」。`,
        );
      }
      const found = await arrived;
      this.waiting.delete(mark);
      const value = this.props.value ?? '';
      const next =
        (found && replacePlaceholder(value, mark, markdown)) || appendMarkdown(value.replace(mark, ''), markdown);
      this.setValue(next, notices);
    }

    /** Replace the whole value (从 Word 导入), showing the editor again. */
    replaceValue = (markdown: string, notices: string[]) => this.setValue(markdown, notices);

    override render(): ReactNode {
      const { notices, generation } = this.state;
      const isBody = this.props.field.get('name') === 'body' && !this.props['isEditorComponent'];
      this.chooseMode();
      const footnotes = hasFootnotes(this.props.value);
      return h(
        'div',
        { ref: this.root, onPasteCapture: this.onPaste, 'data-paste-widget': '' },
        isBody ? h(DocxImport, { control: this.props, onImported: this.replaceValue }) : null,
        footnotes
          ? h(
              'p',
              { style: { margin: '0 0 8px', color: '#5f6b7a', fontSize: 13 } },
              '正文含脚注（[^1]），请在“Markdown”模式下编辑：富文本模式会把脚注改成链接。',
            )
          : null,
        notices.length
          ? h(
              'div',
              {
                role: 'alert',
                style: {
                  border: '1px solid #b45309',
                  background: '#fffbeb',
                  color: '#78350f',
                  padding: '8px 12px',
                  margin: '0 0 8px',
                  borderRadius: 4,
                },
              },
              h('ul', { style: { margin: 0, paddingLeft: 18 } }, ...notices.map((n, i) => h('li', { key: i }, n))),
              h(
                'button',
                { type: 'button', onClick: () => this.setState({ notices: [] }), style: { marginTop: 6 } },
                '知道了',
              ),
            )
          : null,
        h(Base, { ...this.props, key: generation, ref: this.inner } as ControlProps),
      );
    }
  };
}

/** Register the wrapped Markdown widget. Call before `CMS.init`. */
export function registerPaste(cms: CmsApi): void {
  const markdown = cms.getWidget('markdown') as unknown as
    | { control?: ComponentType<ControlProps>; preview: unknown; schema?: object }
    | undefined;
  if (!markdown?.control) {
    // Decap changed how widgets are kept: pasting falls back to Decap's own, and the console says why.
    console.error(
      'decap-cms-app: no “markdown” widget control to wrap; 粘贴清理和“从 Word 导入”不可用（src/cms/paste.ts）',
    );
    return;
  }
  // The fourth argument keeps the widget's config schema; Decap's type declarations omit it.
  (cms.registerWidget as (...args: unknown[]) => void)(
    'markdown',
    pasteControl(markdown.control),
    markdown.preview,
    markdown.schema,
  );
}
