import type { CmsField } from 'decap-cms-core';
import type { FOLDER_REF_TARGETS, Field } from '../content/model.ts';

/**
 * One model field as a Decap field: the widget each field type uses (the taxonomy picker, the Beijing-time date
 * widget, the area editor), and the editor components a Markdown field offers. Part of the configuration
 * `config.ts` builds from the model.
 */

/**
 * Decap's own editor components (image, code block), the only ones a plain Markdown field offers: the 专题
 * components registered beside them would otherwise show in every Markdown field, and the site drops them there.
 */
export const MARKDOWN_EDITOR_COMPONENTS = ['image', 'code-block'];
/** The components of a 专题 body (src/cms/topic-components.ts registers them). */
export const TOPIC_EDITOR_COMPONENTS = ['ProposalList', 'StatsChart', 'Gallery', 'Timeline', 'Video'] as const;

/** Name of the custom widget that edits article areas on a page image (registered in `src/cms/paper-areas.ts`). */
export const AREAS_WIDGET = 'paper-areas';

/** Options every field shares: name, Chinese label, hint and the required flag (Decap's default is required). */
function base(f: Field): { name: string; label: string; required: boolean; hint?: string } {
  return { name: f.name, label: f.label, required: f.required, ...(f.hint ? { hint: f.hint } : {}) };
}

/** How an entry of a folder collection is found and shown in a relation field; it is stored by its file name. */
const FOLDER_RELATIONS: Record<
  (typeof FOLDER_REF_TARGETS)[number],
  { search_fields: string[]; display_fields: string[] }
> = {
  // 职务 beside the name tells apart two members of one name and shows whom an editor picks.
  members: { search_fields: ['name', 'role'], display_fields: ['{{name}}（{{role}}）'] },
  // An issue is picked by its number or date (第186期 2025-04-18); newest issues are the ones editors want.
  paper: { search_fields: ['number', 'date'], display_fields: ['第{{number}}期　{{date}}'] },
};

/** Name of the taxonomy picker (registered in `src/cms/taxonomy-select.ts`). */
export const TAXONOMY_WIDGET = 'taxonomy';

/**
 * A relation to a member or an issue of the paper (by file name, Decap's relation widget), or to an item of a taxonomy
 * file (by its `id`, the taxonomy picker, which narrows by the words typed; `within` limits it to the entry's own
 * values of other fields).
 */
function relation(f: Extract<Field, { type: 'ref' }>) {
  const { to, multiple } = f;
  if (to === 'members' || to === 'paper') {
    const target = { collection: to, value_field: '{{slug}}', ...FOLDER_RELATIONS[to] };
    return { widget: 'relation', ...target, ...(multiple ? { multiple: true } : {}), options_length: 100 } as const;
  }
  return {
    widget: TAXONOMY_WIDGET,
    collection: to,
    file: to,
    ...(multiple ? { multiple: true } : {}),
    ...(f.within ? { within: [...f.within] } : {}),
  };
}

/** The stored forms of moments and days; the date widget (`datetime-widget.ts`) always writes Beijing time. */
export const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
export const DATE_FORMAT = 'YYYY-MM-DD';

/** The Decap field for one model field. */
export function cmsField(f: Field): CmsField {
  const b = base(f);
  switch (f.type) {
    case 'string':
      return {
        ...b,
        widget: 'string',
        ...(f.pattern ? { pattern: [f.pattern.regex, f.pattern.message] } : {}),
        ...(f.maxLength ? { max_length: f.maxLength } : {}),
      } as CmsField;
    case 'text':
      return { ...b, widget: 'text', ...(f.maxLength ? { max_length: f.maxLength } : {}) } as CmsField;
    case 'markdown':
      return {
        ...b,
        widget: 'markdown',
        modes: ['rich_text', 'raw'],
        sanitize_preview: true,
        editor_components: MARKDOWN_EDITOR_COMPONENTS,
      } as CmsField;
    case 'datetime':
      // A new entry starts at “now”, which editors usually keep.
      return { ...b, widget: 'datetime', format: DATETIME_FORMAT, ...(f.required ? { default: '{{now}}' } : {}) };
    case 'date':
      return { ...b, widget: 'datetime', date_format: DATE_FORMAT, time_format: false, format: DATE_FORMAT };
    case 'integer':
      return {
        ...b,
        widget: 'number',
        value_type: 'int',
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
      };
    case 'boolean':
      return { ...b, widget: 'boolean', default: f.default };
    case 'select':
      return { ...b, widget: 'select', options: [...f.options] };
    case 'ref':
      return { ...b, ...relation(f) } as CmsField;
    case 'stringList':
      return { ...b, widget: 'list' };
    case 'image':
      return {
        ...b,
        widget: 'object',
        collapsed: false,
        summary: '{{fields.alt}}',
        fields: [
          { name: 'src', label: '图片', widget: 'image', required: true, choose_url: false },
          {
            name: 'alt',
            label: '替代文字',
            widget: 'string',
            required: true,
            hint: '必填：用一句话说明图片内容，供视障读者使用',
          },
          { name: 'caption', label: '图注', widget: 'string', required: false },
        ],
      } as CmsField;
    case 'file':
      // Page images go through Decap's image widget (thumbnail, media library); PDFs, attachments, videos and captions
      // through its file widget, whose uploads the upload guard checks by content (src/cms/upload-guard.ts).
      return { ...b, widget: f.accept === 'image' ? 'image' : 'file', choose_url: false } as CmsField;
    case 'areas':
      return { ...b, widget: AREAS_WIDGET } as CmsField;
    case 'group': {
      const fields = f.fields.map(cmsField);
      const summary = f.summary ? { summary: `{{fields.${f.summary}}}` } : {};
      return f.multiple
        ? ({ ...b, widget: 'list', ...summary, collapsed: true, fields } as CmsField)
        : ({ ...b, widget: 'object', ...summary, collapsed: false, fields } as CmsField);
    }
  }
}
