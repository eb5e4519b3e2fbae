/**
 * The shapes of the content model: what a field and a collection may declare. Every kind in this folder is written
 * against them, and the schemas, the CMS configuration and the tests read them.
 */

/** Collections whose entries other fields may reference by id. */
export type RefTarget = 'members' | 'paper' | 'sessions' | 'units' | 'categories' | 'sectors' | 'committees' | 'places';
/** Reference targets that are folders of entries (referenced by file name) rather than taxonomy files. */
export const FOLDER_REF_TARGETS = ['members', 'paper'] as const;

interface FieldBase {
  /** Frontmatter key. */
  name: string;
  /** Chinese label shown to editors and used in error messages. */
  label: string;
  /** Help text shown under the field in the CMS. */
  hint?: string;
  /** Whether an entry without this field fails the build. */
  required: boolean;
}

/** A single line of text, optionally checked against a pattern with a Chinese error message. */
export interface StringField extends FieldBase {
  type: 'string';
  pattern?: { regex: string; message: string };
  /** Most characters allowed; the CMS counts them as the editor types. */
  maxLength?: number;
}
/** Several lines of plain text. */
export interface TextField extends FieldBase {
  type: 'text';
  /** Most characters allowed; the CMS counts them as the editor types. */
  maxLength?: number;
}
/** Markdown inside frontmatter (for example the body of a reply). */
export interface MarkdownField extends FieldBase {
  type: 'markdown';
}
/** A moment in Beijing time, written as ISO 8601 with `+08:00`. */
export interface DateTimeField extends FieldBase {
  type: 'datetime';
}
/** A calendar day, `YYYY-MM-DD` (Beijing). */
export interface DateField extends FieldBase {
  type: 'date';
}
/** A whole number. */
export interface IntegerField extends FieldBase {
  type: 'integer';
  min?: number;
  max?: number;
}
/** Yes or no. */
export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
}
/** One value of a fixed list. */
export interface SelectField extends FieldBase {
  type: 'select';
  options: readonly string[];
}
/** The id of an entry of another collection or taxonomy (one, or a list when `multiple`). */
export interface RefField extends FieldBase {
  type: 'ref';
  to: RefTarget;
  multiple: boolean;
  /** Only the values already chosen in these top-level fields of the same entry may be picked (a reply's unit). */
  within?: readonly string[];
}
/** A list of short strings, such as tags. */
export interface StringListField extends FieldBase {
  type: 'stringList';
}
/** An image in `public/media/`, with required alternative text and an optional caption. */
export interface ImageField extends FieldBase {
  type: 'image';
}
/**
 * A file in `public/media/` (a path such as `/media/paper/2025-04-18-1.jpg`): an image, a PDF, an attachment of a
 * notice (any of `ATTACHMENT_EXTENSIONS`), an MP4 video or WebVTT captions, each checked by its content.
 */
export interface FileField extends FieldBase {
  type: 'file';
  accept: 'image' | 'pdf' | 'attachment' | 'video' | 'captions';
}
/**
 * Rectangles on a newspaper page image, each `{ x, y, w, h }` in percent of the image's width and height (left, top,
 * width, height), so they fit the image at any size. Edited in the CMS by dragging on the page image.
 */
export interface AreasField extends FieldBase {
  type: 'areas';
}
/** A group of fields (one object, or a list of objects when `multiple`). */
export interface GroupField extends FieldBase {
  type: 'group';
  multiple: boolean;
  fields: readonly Field[];
  /** Field shown as the summary of each item in the CMS list. */
  summary?: string;
}

export type Field =
  | StringField
  | TextField
  | MarkdownField
  | DateTimeField
  | DateField
  | IntegerField
  | BooleanField
  | SelectField
  | RefField
  | StringListField
  | ImageField
  | FileField
  | AreasField
  | GroupField;

/** A folder of Markdown files, one entry per file, named by an ASCII id. */
export interface FolderCollection {
  kind: 'folder';
  name: 'news' | 'reviews' | 'proposals' | 'voices' | 'members' | 'paper' | 'notices' | 'topics';
  /** Chinese name of the collection (plural). */
  label: string;
  /** Chinese name of one entry. */
  labelSingular: string;
  /** The section's name on the site (menu, page titles) where it differs from the CMS's `label`: 委员风采 for 委员. */
  navLabel?: string;
  /** Folder under `content/`. */
  folder: string;
  /** Label and hint of the Markdown body. */
  body: { label: string; hint?: string; required: boolean };
  /**
   * `mdx`: the body is MDX limited to the site's own components (`src/lib/mdx-guard.ts`), the files end in `.mdx`.
   * Absent: plain Markdown in `.md` files.
   */
  format?: 'mdx';
  fields: readonly Field[];
}

/** A YAML file under `content/taxonomies/` holding a list of items, each with an ASCII `id` and a `name`. */
export interface TaxonomyCollection {
  kind: 'taxonomy';
  name: Exclude<RefTarget, (typeof FOLDER_REF_TARGETS)[number]> | 'synonyms';
  label: string;
  labelSingular: string;
  /** File path under `content/`. */
  file: string;
  /** Fields of each item (besides `id` and `name`, which every taxonomy has). */
  fields: readonly Field[];
}

/** A single YAML settings file. */
export interface SettingsCollection {
  kind: 'settings';
  name: 'settings';
  label: string;
  labelSingular: string;
  file: string;
  fields: readonly Field[];
}

export type Collection = FolderCollection | TaxonomyCollection | SettingsCollection;
