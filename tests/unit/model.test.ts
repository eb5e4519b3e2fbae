import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { collections, type Field } from '../../src/content/model.ts';
import { schemas, storedFields } from '../../src/content/schemas.ts';
import { rawEntries } from '../support/content.ts';

/** Booleans default when absent, so they are never “missing”. */
const defaults = (f: Field) => f.type === 'boolean';

function issues(schema: z.ZodType, data: unknown) {
  const r = schema.safeParse(data);
  return r.success
    ? []
    : r.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.message,
        ...(i.code === 'custom' ? { rule: true } : {}),
      }));
}

describe.each(collections.map((c) => [c.name, c] as const))('content model and Zod schema of %s', (_name, c) => {
  const schema = schemas[c.name] as z.ZodObject;
  const fields = storedFields(c);
  const samples = rawEntries(c);

  it('declare the same fields', () => {
    expect(Object.keys(schema.shape).sort()).toEqual(fields.map((f) => f.name).sort());
  });

  it('accept every entry in content/', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) expect(issues(schema, s.data), `${c.name}/${s.id}`).toEqual([]);
  });

  it.each(fields.map((f) => [f.name, f] as const))('agree whether %s is required', (_field, f) => {
    const sample = samples.find((s) => s.data[f.name] !== undefined) ?? samples[0]!;
    const { [f.name]: _drop, ...without } = sample.data;
    // Cross-field rules (a 委员提案 needs proposers …) are tested on their own; here only the field's own schema counts.
    const found = issues(schema, without).filter((i) => i.path === f.name && !i.rule);
    if (f.required && !defaults(f)) {
      expect(found.length, `${f.name} should be required`).toBe(1);
      expect(found[0]!.message).toContain(f.label);
    } else {
      expect(found, `${f.name} should be optional`).toEqual([]);
    }
  });

  it('reject a field the model does not declare, naming it', () => {
    const found = issues(schema, { ...samples[0]!.data, misspelt: 1 });
    expect(found.some((i) => i.message.includes('misspelt'))).toBe(true);
  });

  it.each(fields.filter((f) => f.type === 'select').map((f) => [f.name, f] as const))(
    'allow only the declared options of %s',
    (_field, f) => {
      if (f.type !== 'select') return;
      const found = issues(schema, { ...samples[0]!.data, [f.name]: '不存在的选项' });
      expect(found.find((i) => i.path === f.name)?.message).toContain(f.options.join('、'));
    },
  );
});

describe('references and dates', () => {
  const proposal = rawEntries(collections.find((c) => c.name === 'proposals')!)[0]!.data;
  const parse = (patch: Record<string, unknown>) => issues(schemas.proposals, { ...proposal, ...patch });

  it('reject an unknown unit, member, session, category and sector at the field', () => {
    expect(parse({ leadUnits: ['no-such-unit'] })).toContainEqual({
      path: 'leadUnits.0',
      message: '「主办单位」引用了不存在的承办单位：“no-such-unit”',
      rule: true,
    });
    expect(parse({ proposers: ['nobody'], proposerType: '委员提案' }).map((i) => i.path)).toContain('proposers.0');
    expect(parse({ session: '99-9' }).map((i) => i.path)).toContain('session');
    expect(parse({ category: 'nothing' }).map((i) => i.path)).toContain('category');
    expect(parse({ sector: 'nothing' }).map((i) => i.path)).toContain('sector');
  });

  it('reject malformed dates with the expected form in the message', () => {
    expect(parse({ submitted: '2025-02-30' })).toContainEqual({
      path: 'submitted',
      message: '「提交日期」格式错误：“2025-02-30”，应为 2025-02-23',
      rule: true,
    });
    const news = rawEntries(collections.find((c) => c.name === 'news')!)[0]!.data;
    const found = issues(schemas.news, { ...news, date: '2025年2月23日' });
    expect(found[0]).toMatchObject({ path: 'date' });
    expect(found[0]!.message).toContain('+08:00');
  });

  it('apply the rules across fields of a proposal', () => {
    expect(parse({ proposerType: '集体提案', collective: undefined })).toContainEqual({
      path: 'collective',
      message: '集体提案必须填写「提案单位」',
      rule: true,
    });
    expect(parse({ proposerType: '联名提案', proposers: ['xie-huilan'] }).map((i) => i.path)).toContain('proposers');
    expect(parse({ status: '已办复', replies: [], satisfaction: undefined }).map((i) => i.path)).toContain('replies');
  });

  it('reject a number that does not belong to its session', () => {
    expect(parse({ number: '13-1-0001' }).map((i) => i.path)).toContain('number');
  });
});
