/**
 * The one content model of the site.
 *
 * Every collection and every field is declared once, with its Chinese label and hint, its type, whether it is
 * required and the taxonomy its values come from. The Astro Zod schemas (`schemas.ts`), the Decap CMS configuration
 * and the tests all derive from it, so a field added here appears everywhere and nowhere else.
 *
 * The declarations live in `model/`, one file per kind (`model/news.ts` …), with the shapes they are written against
 * (`model/fields.ts`), the fixed lists and patterns (`model/values.ts`) and the fields kinds share
 * (`model/shared-fields.ts`). This file gathers them in the order editors see them; import the model from here.
 *
 * Field and folder names are fixed: tools and tests outside the project rely on them.
 */
import type { Collection, Field, FolderCollection, TaxonomyCollection } from './model/fields.ts';
import { members } from './model/members.ts';
import { news } from './model/news.ts';
import { notices } from './model/notices.ts';
import { paper } from './model/paper.ts';
import { proposals } from './model/proposals.ts';
import { reviews } from './model/reviews.ts';
import { settings } from './model/settings.ts';
import { taxonomies } from './model/taxonomies.ts';
import { topics } from './model/topics.ts';
import { voices } from './model/voices.ts';

export type {
  AreasField,
  BooleanField,
  Collection,
  DateField,
  DateTimeField,
  Field,
  FileField,
  FolderCollection,
  GroupField,
  ImageField,
  IntegerField,
  MarkdownField,
  RefField,
  RefTarget,
  SelectField,
  SettingsCollection,
  StringField,
  StringListField,
  TaxonomyCollection,
  TextField,
} from './model/fields.ts';
export { FOLDER_REF_TARGETS } from './model/fields.ts';
export { KIND_LABELS } from './model/kind-labels.ts';
export {
  categories,
  committees,
  places,
  sectors,
  sessions,
  synonyms,
  TAXONOMY_ITEM_FIELDS,
  units,
} from './model/taxonomies.ts';
export {
  ATTACHMENT_EXTENSIONS,
  DOC_NUMBER_PATTERN,
  FILE_POSITION,
  HANDLING_UNITS,
  ID_PATTERN,
  INDEX_NUMBER_PATTERN,
  LEADERSHIP_POSTS,
  MEETING_KINDS,
  NOTICE_TOPICS,
  PROPOSAL_NUMBER_PATTERN,
  PROPOSAL_STATUSES,
  PROPOSER_TYPES,
  REPLY_RESULTS,
  REPLY_ROLES,
  SATISFACTION,
  SUMMARY_MAX,
  TITLE_MAX,
  VOICE_COLUMNS,
} from './model/values.ts';
export { members, news, notices, paper, proposals, reviews, settings, topics, voices };

/** Every collection of the site, in the order editors see them. */
export const collections: readonly Collection[] = [
  news,
  notices,
  reviews,
  proposals,
  voices,
  topics,
  members,
  paper,
  ...taxonomies,
  settings,
];

export const folderCollections = collections.filter((c): c is FolderCollection => c.kind === 'folder');
export const taxonomyCollections = collections.filter((c): c is TaxonomyCollection => c.kind === 'taxonomy');

/** Look up a collection by name; throws on a name that is not in the model. */
export function collection(name: Collection['name']): Collection {
  const found = collections.find((c) => c.name === name);
  if (!found) throw new Error(`No collection named ${name} in the content model`);
  return found;
}

/**
 * The name of a kind's section on the site (menu, page titles, breadcrumbs, a withdrawn page's notice): the model's
 * `navLabel` where it gives one (委员风采), else the collection's label.
 */
export function sectionLabel(name: FolderCollection['name']): string {
  const c = collection(name) as FolderCollection;
  return c.navLabel ?? c.label;
}

/**
 * The label of a collection's field, nested fields by their path (`fieldLabel('proposals', 'leadUnits')` is 主办单位,
 * `fieldLabel('proposals', 'replies.result')` 办理结果); throws on a name not in the model.
 */
export function fieldLabel(name: Collection['name'], path: string): string {
  let fields: readonly Field[] = collection(name).fields;
  let found: Field | undefined;
  for (const part of path.split('.')) {
    found = fields.find((f) => f.name === part);
    if (!found) throw new Error(`No field ${path} in the collection ${name} of the content model`);
    fields = found.type === 'group' ? found.fields : [];
  }
  return found!.label;
}
