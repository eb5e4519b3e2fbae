/** The taxonomies: YAML lists under `content/taxonomies/` whose items other fields reference by id. */
import type { Field, TaxonomyCollection } from './fields.ts';
import { KIND_LABELS } from './kind-labels.ts';
import { ID_PATTERN } from './values.ts';

/** The `id` and `name` every taxonomy item has, before the taxonomy's own `fields`. */
export const TAXONOMY_ITEM_FIELDS = [
  {
    name: 'id',
    label: '编号',
    type: 'string',
    required: true,
    hint: '小写英文字母、数字和连字符，用于网址，发布后不要修改',
    pattern: { regex: ID_PATTERN, message: '编号只能用小写英文字母、数字和连字符，如 fgw' },
  },
  { name: 'name', label: '名称', type: 'string', required: true },
] as const satisfies readonly Field[];

const taxonomy = <const N extends TaxonomyCollection['name'], const F extends readonly Field[] = readonly []>(
  name: N,
  label: string,
  labelSingular: string,
  fields: F = [] as unknown as F,
) =>
  ({
    kind: 'taxonomy',
    name,
    label,
    labelSingular,
    file: `taxonomies/${name}.yml`,
    fields,
  }) as const satisfies TaxonomyCollection;

export const sessions = taxonomy('sessions', '届次', '届次', [
  { name: 'term', label: '届', type: 'integer', required: true, min: 1, max: 99 },
  { name: 'meeting', label: '次', type: 'integer', required: true, min: 1, max: 9 },
  { name: 'year', label: '年度', type: 'integer', required: true, min: 1949, max: 2100 },
  { name: 'opened', label: '开幕日期', type: 'date', required: false },
  { name: 'received', label: '征集提案（件）', type: 'integer', required: false, min: 0, hint: '含未立案的提案总数' },
  { name: 'merged', label: '并案（件）', type: 'integer', required: false, min: 0 },
]);
export const units = taxonomy('units', KIND_LABELS.units, '承办单位', [
  { name: 'shortName', label: '简称', type: 'string', required: false, hint: '如：市发改委' },
]);
export const categories = taxonomy('categories', '提案类别', '类别');
export const sectors = taxonomy('sectors', '界别', '界别');
export const committees = taxonomy('committees', '专门委员会', '专门委员会', [
  { name: 'shortName', label: '简称', type: 'string', required: false, hint: '如：提案委' },
  {
    name: 'categories',
    label: '对口提案类别',
    type: 'ref',
    to: 'categories',
    multiple: true,
    required: false,
    hint: '本委员会对口联系、协助督办的提案类别；“机构设置”页据此列出各委员会的相关提案。',
  },
]);
export const places = taxonomy('places', '县区', '县区');
export const synonyms = taxonomy('synonyms', '搜索同义词', '同义词组', [
  {
    name: 'terms',
    label: '同义词',
    type: 'stringList',
    required: true,
    hint: '与名称意思相同的其他说法，如“发改委”之于“发展和改革委员会”；搜索其中任何一个都能找到含其他说法的页面。',
  },
]);
export const taxonomies = [sessions, units, categories, sectors, committees, places, synonyms] as const;
