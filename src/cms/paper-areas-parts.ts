import { createElement as h, type ReactNode } from 'react';
import { AREA_LABELS, type Area } from '../lib/paper/areas.ts';

/** The pieces of the area editor (`paper-areas.ts`) that draw, and its preview. */

type Immutable = { toJS(): unknown };
const plain = (v: unknown): unknown => (v && typeof (v as Immutable).toJS === 'function' ? (v as Immutable).toJS() : v);

export const toAreas = (v: unknown): Area[] =>
  Array.isArray(plain(v))
    ? (plain(v) as Partial<Area>[]).map((a) => ({
        x: Number(a.x) || 0,
        y: Number(a.y) || 0,
        w: Number(a.w) || 0,
        h: Number(a.h) || 0,
      }))
    : [];

/** One area drawn over the page image, numbered; the one being dragged is dashed. */
export const areaBox = (a: Area, key: string, label: string, dashed = false) =>
  h(
    'div',
    {
      key,
      'aria-hidden': true,
      style: {
        position: 'absolute',
        left: `${a.x}%`,
        top: `${a.y}%`,
        width: `${a.w}%`,
        height: `${a.h}%`,
        border: `2px ${dashed ? 'dashed' : 'solid'} #b3261e`,
        background: 'rgba(179, 38, 30, 0.12)',
        pointerEvents: 'none',
        font: 'bold 14px sans-serif',
        color: '#b3261e',
      },
    },
    label,
  );

/** Each area's numbers, typed: the areas can be edited from the keyboard alone. */
export function areaFields(
  areas: Area[],
  setNumber: (i: number, k: keyof Area, value: string) => void,
  remove: (i: number) => void,
): ReactNode {
  return h(
    'ol',
    { style: { margin: '8px 0', paddingLeft: 20 } },
    ...areas.map((a, i) =>
      h(
        'li',
        { key: i, style: { margin: '4px 0' } },
        h(
          'fieldset',
          {
            style: {
              display: 'flex',
              flexWrap: 'wrap',
              gap: 8,
              alignItems: 'center',
              border: 0,
              padding: 0,
              margin: 0,
            },
          },
          h('legend', { style: { fontWeight: 'bold' } }, `区域 ${i + 1}（百分比）`),
          ...(['x', 'y', 'w', 'h'] as const).map((k) =>
            h(
              'label',
              { key: k },
              `${AREA_LABELS[k]} `,
              h('input', {
                type: 'number',
                min: 0,
                max: 100,
                step: 0.1,
                value: a[k],
                style: {
                  width: '5.5em',
                  minHeight: 32,
                  border: '1px solid #767676',
                  borderRadius: 3,
                  padding: '2px 4px',
                },
                onChange: (e: { target: { value: string } }) => setNumber(i, k, e.target.value),
              }),
            ),
          ),
          h('button', { type: 'button', onClick: () => remove(i) }, `删除区域 ${i + 1}`),
        ),
      ),
    ),
  );
}

/** The preview pane shows the areas as numbers; the site shows them on the page. */
export function PaperAreasPreview({ value }: { value?: unknown }): ReactNode {
  const areas = toAreas(value);
  return h(
    'p',
    null,
    areas.length
      ? areas.map((a, i) => `区域${i + 1}：左${a.x}% 上${a.y}% 宽${a.w}% 高${a.h}%`).join('；')
      : '未标注版面区域',
  );
}
