/** The fixed lists, patterns and limits the model's fields use, and that the build and the CMS check against. */

/** Key under which a taxonomy item's place in its file is stored beside its data (see getTaxonomy). */
export const FILE_POSITION = '_position';

/** Lowercase ASCII id: letters, digits and single hyphens. Used for file names, taxonomy ids and URLs. */
export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Proposal number: term-meeting-serial, e.g. `14-3-0123`. */
export const PROPOSAL_NUMBER_PATTERN = '^\\d{1,2}-\\d{1,2}-\\d{4}$';

export const PROPOSER_TYPES = ['委员提案', '集体提案', '联名提案'] as const;
export const PROPOSAL_STATUSES = ['立案', '交办', '办理中', '已办复'] as const;
/** Handling roles: the 主办 unit answers the proposer; 协办 and 会办 units send their opinions to the 主办 unit. */
export const REPLY_ROLES = ['主办', '协办', '会办'] as const;
/** The fields of a proposal naming its units, in the order of REPLY_ROLES: a reply comes from one of them. */
export const HANDLING_UNITS = ['leadUnits', 'coUnits', 'jointUnits'] as const;
export const REPLY_RESULTS = ['解决或采纳', '列入计划', '留作参考'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export const VOICE_COLUMNS = ['委员声音', '快评', '委员建言'] as const;
/** The meetings a 专题 covers: a plenary session (全体会议) of a 届次, or a meeting of the standing committee. */
export const MEETING_KINDS = ['全体会议', '常委会议'] as const;
/** Posts of the committee's leadership, in the order the 机构设置 page lists them. */
export const LEADERSHIP_POSTS = ['主席', '副主席', '秘书长'] as const;

/** 主题分类 of a notice (通知公告), as a 政府信息公开 catalogue files it. */
export const NOTICE_TOPICS = [
  '综合政务',
  '会议活动',
  '提案工作',
  '委员工作',
  '人事任免',
  '政府信息公开',
  '其他',
] as const;
/**
 * 索引号 of the 政府信息公开 catalogue: the issuer's 统一社会信用代码 (18 characters) or 组织机构代码 (9), a slash, the
 * year and a five-digit serial, e.g. `11140400MB1957342X/2025-00012`.
 */
export const INDEX_NUMBER_PATTERN = '^(?:[0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9X])/\\d{4}-\\d{5}$';
/** 发文字号 as GB/T 9704 writes it: issuer's code, the year in 六角括号 〔〕, the serial and 号 (长政协发〔2025〕12号). */
export const DOC_NUMBER_PATTERN = '^\\S+〔\\d{4}〕\\d+号$';
/**
 * Files a notice may attach, by extension: PDF, Word, Excel, WPS's own writer and spreadsheet formats, and ZIP for a
 * set of forms. Checked by content too (src/lib/attachment-check.ts).
 */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'zip'] as const;

/** Titles fit a phone's two lines in a list and a search result; the newsroom's own rule is about 30 characters. */
export const TITLE_MAX = 60;
/** A summary is a sentence or two, shown in lists and search results. */
export const SUMMARY_MAX = 200;
