import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { dayFromYamlDate, parseDateTime, parseDay } from '../lib/dates.ts';
import { attachmentFileProblem, fileProblem, imageProblem } from '../lib/media.ts';
import { AREA_LABELS, areaProblem, type Area } from '../lib/paper/areas.ts';
import { publicDir } from '../lib/paths.ts';
import { hasRef } from './registry.ts';
import { ATTACHMENT_EXTENSIONS, collections, TAXONOMY_ITEM_FIELDS, type Collection, type Field } from './model.ts';
import { refinements } from './rules.ts';
import { lengthMessage } from './messages.ts';

/**
 * Zod schemas derived from the content model, one per collection. Messages are Chinese and name the field by its
 * label; Astro prefixes them with the collection, the entry and the field path.
 */

const REF_LABEL: Record<string, string> = {
  members: '委员',
  paper: '报纸期次',
  sessions: '届次',
  units: '承办单位',
  categories: '提案类别',
  sectors: '界别',
  committees: '专门委员会',
  places: '县区',
};

/** Error callback: a missing value reads “必填”, a wrong one reads the field's own message. */
const missingOr =
  (label: string, wrong: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined || iss.input === null ? `「${label}」为必填项` : wrong;

function text(f: Field): z.ZodType<string> {
  let s = z.string({ error: missingOr(f.label, `「${f.label}」应为文字`) }).trim();
  if (f.required) s = s.min(1, { error: `「${f.label}」为必填项，不能为空` });
  if (f.type === 'string' && f.pattern) s = s.regex(new RegExp(f.pattern.regex), { error: f.pattern.message });
  const max = f.type === 'string' || f.type === 'text' ? f.maxLength : undefined;
  // Counted in characters as an editor sees them (code points), as the CMS's counter does.
  if (max)
    s = s.refine((v) => [...v].length <= max, {
      error: (iss) => lengthMessage(f.label, max, [...String(iss.input)].length),
    });
  return s;
}

function moment(f: Field) {
  return z
    .union([z.date(), z.string()], { error: missingOr(f.label, `「${f.label}」应为日期时间`) })
    .transform((v, ctx) => {
      const d = v instanceof Date ? v : parseDateTime(v);
      if (!d || Number.isNaN(d.getTime())) {
        ctx.addIssue({
          code: 'custom',
          message: `「${f.label}」格式错误：“${String(v)}”，应为 2025-02-23T09:30:00+08:00`,
        });
        return z.NEVER;
      }
      return d;
    });
}

function day(f: Field) {
  return z
    .union([z.date(), z.string()], { error: missingOr(f.label, `「${f.label}」应为日期`) })
    .transform((v, ctx) => {
      const d = v instanceof Date ? dayFromYamlDate(v) : parseDay(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: `「${f.label}」格式错误：“${String(v)}”，应为 2025-02-23` });
        return z.NEVER;
      }
      return d;
    });
}

function ref(f: Extract<Field, { type: 'ref' }>) {
  // An issue's id is its date; YAML reads an unquoted `2025-04-18` as a date, which still names that issue.
  const one = z
    .preprocess(
      (v) => (v instanceof Date ? dayFromYamlDate(v) : v),
      z.string({ error: missingOr(f.label, `「${f.label}」应为编号`) }),
    )
    .refine((id) => hasRef(f.to, id), {
      error: (iss) => `「${f.label}」引用了不存在的${REF_LABEL[f.to]}：“${String(iss.input)}”`,
    });
  return f.multiple ? z.array(one, { error: `「${f.label}」应为列表` }) : one;
}

function image(f: Field) {
  return z.strictObject(
    {
      src: z
        .string({ error: missingOr(`${f.label}·图片`, '图片地址应为文字') })
        .regex(/^\/media\/[\w./-]+\.(?:jpe?g|png|webp|gif|svg|avif)$/i, {
          error: '图片应上传到 /media/，且为 jpg、png、webp、gif、svg 或 avif 格式',
        })
        .superRefine((src, ctx) => {
          const file = join(publicDir(), src);
          const problem = existsSync(file) ? imageProblem(file) : `图片文件不存在：${src}`;
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      alt: z
        .string({ error: missingOr(`${f.label}·替代文字`, '替代文字应为文字') })
        .trim()
        .min(1, { error: `「${f.label}」必须填写替代文字（alt），供视障读者使用` }),
      caption: z.string().optional(),
    },
    { error: objectError(f.label) },
  );
}

/** A path under `/media/` to an image, a PDF, an attachment, a video or captions that exists and is what its name says. */
const FILE_KINDS = {
  image: ['jpe?g|png|webp', 'jpg、png 或 webp 格式'],
  pdf: ['pdf', 'PDF 文件'],
  attachment: [ATTACHMENT_EXTENSIONS.join('|'), `${ATTACHMENT_EXTENSIONS.join('、')} 文件之一`],
  video: ['mp4', 'MP4 视频'],
  captions: ['vtt', 'WebVTT 字幕（.vtt）'],
} as const;

function file(f: Extract<Field, { type: 'file' }>) {
  const [kinds, what] = FILE_KINDS[f.accept];
  return z
    .string({ error: missingOr(f.label, `「${f.label}」应为文件地址`) })
    .regex(new RegExp(`^/media/[\\w./-]+\\.(?:${kinds})$`, 'i'), {
      error: `「${f.label}」应上传到 /media/，且为${what}`,
    })
    .superRefine((src, ctx) => {
      const path = join(publicDir(), src);
      const check = f.accept === 'attachment' ? attachmentFileProblem : fileProblem;
      const problem = existsSync(path) ? check(path) : `文件不存在：${src}`;
      if (problem) ctx.addIssue({ code: 'custom', message: `「${f.label}」${problem}` });
    });
}

/** Rectangles in percent of the page image; each is checked to lie on the image. */
function areas(f: Field) {
  const n = (k: keyof Area) => z.number({ error: `「${f.label}」的${AREA_LABELS[k]}应为数字（百分比）` });
  const one = z
    .strictObject({ x: n('x'), y: n('y'), w: n('w'), h: n('h') }, { error: unknownKeys })
    .superRefine((a, ctx) => {
      const problem = areaProblem(a);
      if (problem) ctx.addIssue({ code: 'custom', message: `「${f.label}」${problem}` });
    });
  return z.array(one, { error: `「${f.label}」应为列表` });
}

/** Error of an object field: missing (a required image or group), or holding a key its fields do not declare. */
const objectError =
  (label: string) =>
  (iss: { code?: string; keys?: string[]; input?: unknown }): string | undefined =>
    iss.input === undefined || iss.input === null ? `「${label}」为必填项` : unknownKeys(iss);

function unknownKeys(iss: { code?: string; keys?: string[] }): string | undefined {
  return iss.code === 'unrecognized_keys' ? `未知字段：${(iss.keys ?? []).join('、')}（字段名可能拼错）` : undefined;
}

/** Empty strings and nulls, which editors and the CMS leave in optional fields, count as absent. */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The Zod type of one field, required or optional as declared. */
export function fieldSchema(f: Field): z.ZodType {
  let t: z.ZodType;
  switch (f.type) {
    case 'string':
    case 'text':
    case 'markdown':
      t = text(f);
      break;
    case 'datetime':
      t = moment(f);
      break;
    case 'date':
      t = day(f);
      break;
    case 'integer': {
      let n = z
        .number({ error: missingOr(f.label, `「${f.label}」应为整数`) })
        .int({ error: `「${f.label}」应为整数` });
      if (f.min !== undefined) n = n.min(f.min, { error: `「${f.label}」不能小于 ${f.min}` });
      if (f.max !== undefined) n = n.max(f.max, { error: `「${f.label}」不能大于 ${f.max}` });
      t = n;
      break;
    }
    case 'boolean':
      return z.preprocess(blankToUndefined, z.boolean({ error: `「${f.label}」应为是或否` }).default(f.default));
    case 'select':
      t = z.enum(f.options as [string, ...string[]], {
        error: missingOr(f.label, `「${f.label}」只能是：${f.options.join('、')}`),
      });
      break;
    case 'ref':
      t = ref(f);
      if (f.multiple && !f.required) return z.preprocess(blankToUndefined, (t as z.ZodArray).default([]));
      break;
    case 'stringList':
      t = z.array(z.string().trim().min(1), { error: `「${f.label}」应为列表` });
      if (!f.required) return z.preprocess(blankToUndefined, (t as z.ZodArray).default([]));
      break;
    case 'image':
      t = image(f);
      break;
    case 'file':
      t = file(f);
      break;
    case 'areas':
      t = areas(f);
      if (!f.required) return z.preprocess(blankToUndefined, (t as z.ZodArray).default([]));
      break;
    case 'group': {
      const obj = objectSchema(f.fields, f.label);
      t = f.multiple ? z.array(obj, { error: missingOr(f.label, `「${f.label}」应为列表`) }) : obj;
      if (f.multiple && !f.required) return z.preprocess(blankToUndefined, (t as z.ZodArray).default([]));
      break;
    }
  }
  return f.required ? t : z.preprocess(blankToUndefined, t.optional());
}

/** A strict object of the given fields: an unknown key fails, so a misspelt field name is never silently dropped. */
export function objectSchema(fields: readonly Field[], label?: string) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])), {
    error: label ? objectError(label) : unknownKeys,
  });
}

/** All fields of a collection's entries as stored (taxonomy items include their `id` and `name`). */
export function storedFields(c: Collection): readonly Field[] {
  return c.kind === 'taxonomy' ? [...TAXONOMY_ITEM_FIELDS, ...c.fields] : c.fields;
}

/** The schema of one collection, with its cross-field rules. */
export function collectionSchema(c: Collection): z.ZodType {
  const base = objectSchema(storedFields(c));
  const rule = refinements[c.name];
  return rule ? base.superRefine((data, ctx) => rule(data as never, ctx as never)) : base;
}

/** Every collection's schema, keyed by collection name. */
export const schemas = Object.fromEntries(collections.map((c) => [c.name, collectionSchema(c)])) as Record<
  Collection['name'],
  z.ZodType
>;
