/**
 * The Chinese names of the kinds of page (the collections' `label`), declared once here and read by their model files
 * (`news.ts` …). This file imports nothing, so the browser's search code names a kind (the 栏目 filter, a result's
 * kind) without bundling the model, its Zod schemas or its field lists.
 */
export const KIND_LABELS = {
  news: '新闻简报',
  notices: '通知公告',
  reviews: '工作回眸',
  proposals: '提案与答复',
  voices: '委员声音',
  topics: '专题',
  members: '委员',
  units: '承办单位',
} as const;
