import { describe, expect, it } from 'vitest';
import type { CmsCollection, CmsField } from 'decap-cms-core';
import {
  AREAS_WIDGET,
  BEIJING_DAY_SLUG,
  cmsConfig,
  TAXONOMY_WIDGET,
  DATE_FORMAT,
  DATETIME_FORMAT,
  MARKDOWN_EDITOR_COMPONENTS,
  TOPIC_EDITOR_COMPONENTS,
} from '../../src/cms/config.ts';
import { collections, type Collection, type Field } from '../../src/content/model.ts';
import { schemas, storedFields } from '../../src/content/schemas.ts';
import { blankPaths, isBlank } from '../../src/cms/widgets.ts';
import { ALLOWED_HINT } from '../../src/lib/html-allowlist.ts';

/**
 * The content model, the Zod schemas and the Decap CMS configuration agree field by field: same names, labels,
 * required flags, options and patterns, a widget that fits each type, and relations that point at real collections.
 */

const config = cmsConfig();
const cmsCollections = new Map(config.collections.map((c) => [c.name, c]));

/** The fields editors see for the entries of a collection (a taxonomy's items, not the file holding them). */
function cmsFields(c: Collection): CmsField[] {
  const cc = cmsCollections.get(c.name)!;
  if (c.kind === 'folder') return cc.fields!;
  const file = cc.files![0]!;
  return c.kind === 'taxonomy'
    ? (file.fields.find((f) => f.name === 'items') as { fields: CmsField[] }).fields
    : file.fields;
}

/** The object schema inside a field's schema, through the wrappers `fieldSchema` adds (optional, default, preprocess,
 * array of objects). */
function zodShape(t: unknown): Record<string, unknown> {
  let z = t as { shape?: Record<string, unknown>; _zod: { def: Record<string, unknown> } };
  for (let i = 0; i < 10 && !z.shape; i++) {
    const def = z._zod.def;
    z = (def.innerType ?? def.element ?? def.out) as typeof z;
  }
  if (!z.shape) throw new Error('no object schema inside');
  return z.shape;
}
const zodKeys = (t: unknown) => Object.keys(zodShape(t));

const get = (f: CmsField, key: string) => (f as unknown as Record<string, unknown>)[key];

function expectAgree(m: Field, f: CmsField, zod: unknown): void {
  const at = `${m.name}`;
  expect(f.name, at).toBe(m.name);
  expect(f.label, at).toBe(m.label);
  expect(f.required, at).toBe(m.required);
  expect(f.hint, at).toBe(m.hint);
  switch (m.type) {
    case 'string':
      expect(get(f, 'widget'), at).toBe('string');
      expect(f.pattern, at).toEqual(m.pattern ? [m.pattern.regex, m.pattern.message] : undefined);
      break;
    case 'text':
    case 'markdown':
    case 'boolean':
    case 'select':
      expect(get(f, 'widget'), at).toBe(m.type);
      if (m.type === 'select') expect(get(f, 'options'), at).toEqual([...m.options]);
      if (m.type === 'boolean') expect(get(f, 'default'), at).toBe(m.default);
      break;
    case 'datetime':
      expect(get(f, 'widget'), at).toBe('datetime');
      expect(get(f, 'format'), at).toBe(DATETIME_FORMAT);
      break;
    case 'date':
      expect(f, at).toMatchObject({
        widget: 'datetime',
        format: DATE_FORMAT,
        date_format: DATE_FORMAT,
        time_format: false,
      });
      break;
    case 'integer':
      expect(f, at).toMatchObject({ widget: 'number', value_type: 'int' });
      expect(get(f, 'min'), at).toBe(m.min);
      expect(get(f, 'max'), at).toBe(m.max);
      break;
    case 'ref': {
      expect(get(f, 'widget'), at).toBe(m.to === 'members' || m.to === 'paper' ? 'relation' : TAXONOMY_WIDGET);
      expect(get(f, 'collection'), at).toBe(m.to);
      expect(Boolean(get(f, 'multiple')), at).toBe(m.multiple);
      const target = cmsCollections.get(m.to);
      expect(target, `${at} points at a CMS collection`).toBeDefined();
      if (m.to === 'members') {
        expect(f, at).toMatchObject({
          value_field: '{{slug}}',
          search_fields: ['name', 'role'],
          display_fields: ['{{name}}（{{role}}）'],
        });
      } else if (m.to === 'paper') {
        // An issue is stored by its file name, which is its date.
        expect(f, at).toMatchObject({ value_field: '{{slug}}', search_fields: ['number', 'date'] });
        expect(target!.folder, at).toBe('content/paper');
      } else {
        expect(f, at).toMatchObject({ file: m.to });
        expect(get(f, 'within'), at).toEqual(m.within ? [...m.within] : undefined);
        expect(
          target!.files?.map((x) => x.name),
          at,
        ).toContain(m.to);
      }
      break;
    }
    case 'file':
      expect(get(f, 'widget'), at).toBe(m.accept === 'image' ? 'image' : 'file');
      break;
    case 'areas':
      expect(get(f, 'widget'), at).toBe(AREAS_WIDGET);
      break;
    case 'stringList':
      expect(get(f, 'widget'), at).toBe('list');
      expect(get(f, 'fields'), at).toBeUndefined();
      break;
    case 'image': {
      expect(get(f, 'widget'), at).toBe('object');
      const sub = get(f, 'fields') as CmsField[];
      expect(sub.map((s) => [s.name, get(s, 'widget'), s.required])).toEqual([
        ['src', 'image', true],
        ['alt', 'string', true],
        ['caption', 'string', false],
      ]);
      expect(zodKeys(zod).sort(), at).toEqual(['alt', 'caption', 'src']);
      break;
    }
    case 'group': {
      expect(get(f, 'widget'), at).toBe(m.multiple ? 'list' : 'object');
      expect(get(f, 'summary'), at).toBe(m.summary ? `{{fields.${m.summary}}}` : undefined);
      const sub = get(f, 'fields') as CmsField[];
      expect(
        sub.map((s) => s.name),
        at,
      ).toEqual(m.fields.map((s) => s.name));
      expect(zodKeys(zod).sort(), at).toEqual(m.fields.map((s) => s.name).sort());
      const inner = zodShape(zod);
      m.fields.forEach((s, i) => {
        expectAgree(s, sub[i]!, inner[s.name]);
      });
      break;
    }
  }
}

describe.each(collections.map((c) => [c.name, c] as const))('CMS configuration of %s', (_name, c) => {
  const cc = cmsCollections.get(c.name) as CmsCollection;
  const model = storedFields(c);
  const fields = cmsFields(c);
  const zod = zodShape(schemas[c.name]);

  it('exists with the model’s labels', () => {
    expect(cc).toMatchObject({ label: c.label, label_singular: c.labelSingular });
  });

  it('has the same field names as the model and the Zod schema, in the model’s order', () => {
    const names = model.map((f) => f.name);
    expect(fields.filter((f) => f.name !== 'body' || c.kind !== 'folder').map((f) => f.name)).toEqual(names);
    expect(Object.keys(zod).sort()).toEqual([...names].sort());
  });

  it.each(model.map((f) => [f.name, f] as const))('agrees on %s', (_field, f) => {
    expectAgree(f, fields.find((x) => x.name === f.name)!, zod[f.name]);
  });

  if (c.kind === 'folder') {
    it('stores Markdown (or, for 专题, MDX) files named in ASCII under content/', () => {
      const extension = c.format === 'mdx' ? 'mdx' : 'md';
      expect(cc).toMatchObject({ folder: `content/${c.folder}`, extension, format: 'frontmatter', create: true });
      // Decap's date placeholders are UTC: a story at 07:30 Beijing time would be filed under the previous day.
      if (c.name !== 'members') expect(cc.slug).not.toMatch(/\{\{(year|month|day|hour)\}\}/);
      const body = fields.at(-1)!;
      expect(body).toMatchObject({ name: 'body', label: c.body.label, widget: 'markdown', required: c.body.required });
      // The model's hint, then the HTML a body may hold (what the site keeps); an MDX body holds no HTML at all.
      expect(body.hint).toBe(
        c.format === 'mdx' ? c.body.hint : [c.body.hint, `${ALLOWED_HINT}。`].filter(Boolean).join(' '),
      );
      // Each body offers the editor components its format keeps: the 专题 components only in MDX.
      expect((body as { editor_components?: string[] }).editor_components).toEqual(
        c.format === 'mdx' ? [...TOPIC_EDITOR_COMPONENTS] : MARKDOWN_EDITOR_COMPONENTS,
      );
    });
  } else {
    it('edits its one YAML file', () => {
      expect(cc.files).toHaveLength(1);
      expect(cc.files![0]!.file).toBe(`content/${c.file}`);
    });
  }
});

describe('the whole configuration', () => {
  it('is Chinese, inline, and stores media in public/media', () => {
    expect(config).toMatchObject({
      locale: 'zh_Hans',
      load_config_file: false,
      media_folder: 'public/media',
      public_folder: '/media',
    });
    expect(config.slug).toMatchObject({ encoding: 'ascii', clean_accents: true });
  });

  it('has one CMS collection per model collection and no other', () => {
    expect(config.collections.map((c) => c.name)).toEqual(collections.map((c) => c.name));
  });

  it('uses the Git host with the editorial workflow in production, and decap-server without it locally', () => {
    expect(config.backend).toMatchObject({ name: 'gitlab', auth_type: 'pkce' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend).toBeUndefined();
    const local = cmsConfig({ localBackend: 'http://127.0.0.1:8081/api/v1' });
    expect(local.local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
    expect(local.publish_mode).toBeUndefined();
    expect(cmsConfig({ localBackend: true, workflow: true }).publish_mode).toBe('editorial_workflow');
    expect(cmsConfig({ backend: { name: 'forgejo', baseUrl: 'https://git.example.cn/' } }).backend).toMatchObject({
      name: 'forgejo',
      base_url: 'https://git.example.cn',
      api_root: 'https://git.example.cn/api/v1',
    });
  });

  it('names new files from the entry’s own fields, never from UTC date placeholders, except members', () => {
    const slugs = Object.fromEntries(config.collections.map((c) => [c.name, c.slug]));
    expect(slugs.proposals).toBe('{{fields.number}}');
    expect(slugs.news).toBe(BEIJING_DAY_SLUG);
    expect(slugs.voices).toBe(BEIJING_DAY_SLUG);
    expect(slugs.reviews).toBe('{{fields.year}}-gongzuo-huimou');
    expect(slugs.members).toMatch(/^member-/);
  });

  it('marks the news stories chosen to lead the home page, and filters them', () => {
    const n = cmsCollections.get('news')!;
    expect(n.summary).toContain("{{fields.headline | ternary('　【首页头条】', '')}}");
    expect(n.view_filters).toEqual([{ label: '首页头条', field: 'headline', pattern: true }]);
  });

  it('lists proposals by number with status filters and session groups', () => {
    const p = cmsCollections.get('proposals')!;
    expect(p.summary).toBe(
      "{{number}} {{title}}（{{status}}）{{fields.withdrawn.reason | ternary('　【已撤回】', '')}}",
    );
    expect(p.identifier_field).toBe('number');
    expect(p.sortable_fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'number' }), 'submitted']),
    );
    expect(p.view_groups).toContainEqual({ label: '届次', field: 'session' });
    expect(p.view_filters!.map((f) => f.label)).toEqual(expect.arrayContaining(['立案', '交办', '办理中', '已办复']));
    const withSessions = cmsConfig({ sessions: [{ id: '14-3', name: '十四届三次' }] }).collections.find(
      (c) => c.name === 'proposals',
    )!;
    expect(withSessions.view_filters).toContainEqual({ label: '十四届三次', field: 'session', pattern: '^14-3$' });
  });
});

describe('blank values the CMS leaves behind', () => {
  it('count as blank only when nothing was written', () => {
    expect([undefined, null, '', {}, [], { src: '', alt: '' }, [{ x: '' }]].every(isBlank)).toBe(true);
    expect([0, false, 'a', { alt: 'a' }, ['a'], new Date(0)].some(isBlank)).toBe(false);
  });

  it('are removed deepest and last first, so list indexes stay right', () => {
    const data = {
      title: 't',
      cover: { src: '', alt: '' },
      tags: ['a', '', 'b', ''],
      replies: [{ unit: 'x', docNumber: '' }],
      key: false,
    };
    expect(blankPaths(data)).toEqual([['replies', 0, 'docNumber'], ['tags', 3], ['tags', 1], ['cover']]);
  });
});
