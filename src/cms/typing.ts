import { Component, createElement as h, type ComponentType, type ReactNode } from 'react';
import type { CMS as CmsApi } from 'decap-cms-core';
import { keptWhileTyping, typedInto, type Typing } from './typing-state.ts';

/**
 * Nothing an editor types is lost. Decap's string and text inputs show the value the store hands back after each key;
 * Decap's store is connected through react-redux 7, which can render a field with a value computed before the last
 * key (an answer of the number look-up or of the pickers arriving meanwhile). Such a render put the input back to the
 * older text, and the next key was typed onto it: keys sent with no delay (a barcode scanner, a paste-by-typing tool)
 * lost one now and then (`14-4-0303` saved as `14-4-033`).
 *
 * Each string and text field now shows its own copy of what was typed, and adopts a value from the store only when it
 * is not one the field itself sent (a default, an import from Word, a reset): an echo of an earlier key is ignored.
 */

interface Props {
  value?: unknown;
  onChange(value: unknown, ...rest: unknown[]): void;
}

type ControlClass = ComponentType<Props>;

function withOwnValue(Base: ControlClass): ControlClass {
  return class OwnValueControl extends Component<Props, Typing> {
    override state: Typing = { shown: String(this.props.value ?? ''), sent: [] };

    static getDerivedStateFromProps(props: Props, state: Typing): Typing | null {
      const next = keptWhileTyping(state, String(props.value ?? ''));
      return next === state ? null : next;
    }

    change = (value: unknown, ...rest: unknown[]) => {
      this.setState((s) => typedInto(s, String(value ?? '')));
      this.props.onChange(value, ...rest);
    };

    override render(): ReactNode {
      return h(Base, { ...this.props, value: this.state.shown, onChange: this.change });
    }
  } as unknown as ControlClass;
}

/**
 * Decap's string input puts the caret back where the last key left it after every render (meant for inputs nested in
 * a Markdown editor, whose caret jumped to the end on each change: decap-cms#4539), also after a render that changes
 * nothing but the field's style. A click at the end of a default such as `14-4-` lit the field up, the caret went back
 * to the start, and what was typed next landed before the default (`030314-4-`). It is now put back only when the
 * value changed, as that fix meant.
 */
function withCaretLeftAlone(Base: ControlClass): ControlClass {
  // The build checks the installed widget (src/integrations/internals/decap-string-widget.ts); this, what arrived.
  if (typeof (Base.prototype as { componentDidUpdate?: unknown } | undefined)?.componentDidUpdate !== 'function')
    throw new Error('Decap 的 string 组件已改变：componentDidUpdate 不再是类方法，无法保持输入光标');
  const Input = Base as unknown as new (
    props: Props,
  ) => Component<Props> & { componentDidUpdate?(prev: Props, ...rest: unknown[]): void };
  return class CaretKeepingInput extends Input {
    override componentDidUpdate(prev: Props, ...rest: unknown[]): void {
      if (prev.value !== this.props.value) super.componentDidUpdate?.(prev, ...rest);
    }
  } as unknown as ControlClass;
}

/** Give the string and text widgets their own copy of what is typed. Call before the counters and rules wrap them. */
export function registerOwnValues(cms: CmsApi): void {
  for (const name of ['string', 'text']) {
    const w = cms.getWidget(name) as unknown as
      | { control: ControlClass; preview: unknown; schema?: object }
      | undefined;
    if (typeof w?.control !== 'function') throw new Error(`Decap 的 ${name} 组件已改变：无法保留所输入的文字`);
    const control = name === 'string' ? withCaretLeftAlone(w.control) : w.control;
    (cms.registerWidget as (...args: unknown[]) => void)(name, withOwnValue(control), w.preview, w.schema);
  }
}
