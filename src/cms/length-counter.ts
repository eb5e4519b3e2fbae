import { createElement as h, Fragment, type ReactNode } from 'react';
import type { CMS as CmsApi } from 'decap-cms-core';
import { lengthMessage } from '../content/messages.ts';

/**
 * Fields with a length limit in the model (`maxLength`, in the CMS `max_length`: titles, summaries) show a live count
 * under the input (“28 / 60 字”, red once over) and refuse a save when too long, with the build's own message.
 */

interface Immutable {
  get(key: string, fallback?: unknown): unknown;
}
interface ControlInstance {
  props: { field: Immutable; value?: unknown; forID?: string };
  isValid?: () => unknown;
  render(): ReactNode;
}
type ControlClass = new (props: never) => ControlInstance;

/** Characters as an editor sees them (a character beyond the basic plane counts once). */
export const length = (v: unknown): number => [...String(v ?? '')].length;

function withCounter(Base: ControlClass): ControlClass {
  return class CountedControl extends Base {
    constructor(props: never) {
      super(props);
      const own = this.isValid?.bind(this);
      this.isValid = () => {
        const result = own ? own() : true;
        const max = Number(this.props.field.get('max_length', 0));
        const n = length(this.props.value);
        if (!max || n <= max || result instanceof Promise || (result as { error?: unknown })?.error) return result;
        return { error: { type: 'CUSTOM', message: lengthMessage(String(this.props.field.get('label')), max, n) } };
      };
    }

    override render(): ReactNode {
      const control = super.render();
      const max = Number(this.props.field.get('max_length', 0));
      if (!max) return control;
      const n = length(this.props.value);
      return h(
        Fragment,
        null,
        control,
        h(
          'p',
          {
            'data-counter': this.props.forID,
            'aria-live': 'polite',
            style: {
              margin: '4px 0 0',
              textAlign: 'right',
              fontSize: '14px',
              color: n > max ? '#b3261e' : '#57534e',
              fontWeight: n > max ? 700 : 400,
            },
          },
          n > max ? `${n} / ${max} 字，超出 ${n - max} 字` : `${n} / ${max} 字`,
        ),
      );
    }
  };
}

/** Add the counter to the string and text widgets. Call before `registerEntryRules`, which wraps what is registered. */
export function registerLengthCounters(cms: CmsApi): void {
  for (const name of ['string', 'text']) {
    const w = cms.getWidget(name) as unknown as
      | { control: ControlClass; preview: unknown; schema?: object }
      | undefined;
    if (w) (cms.registerWidget as (...args: unknown[]) => void)(name, withCounter(w.control), w.preview, w.schema);
  }
}
