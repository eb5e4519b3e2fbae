import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * The pipeline files pass their published JSON schemas (vendored in tests/fixtures/schemas by vendor.mjs from npm
 * packages: GitLab's own .gitlab-ci.yml schema and SchemaStore's github-workflow.json, whose syntax Forgejo Actions
 * uses), and both run the same publish command on every push to the content branch and every hour.
 */
const ROOT = join(import.meta.dirname, '../../..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

function validate(schemaFile: string, doc: unknown): string[] {
  // strict: false, as the schemas use keywords of editors (markdownDescription …) that Ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const check = ajv.compile(JSON.parse(read(`tests/fixtures/schemas/${schemaFile}`)));
  return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

test('.gitlab-ci.yml passes the GitLab CI schema and publishes with npm run publish, noticing failures', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a YAML document walked freely
  const doc = parse(read('.gitlab-ci.yml')) as Record<string, any>;
  expect(validate('gitlab-ci.json', doc)).toEqual([]);
  expect(doc.publish.script).toContain('npm run publish -- --remote "$PUBLISH_REMOTE"');
  expect(doc.publish.script.indexOf('npm ci --no-audit --no-fund')).toBeLessThan(
    doc.publish.script.findIndex((s: string) => s.includes('astro build')),
  );
  expect(doc.workflow.rules).toContainEqual({ if: '$CI_PIPELINE_SOURCE == "schedule"' });
  expect(doc['notify-failure'].rules).toEqual([{ if: '$NOTIFY_WEBHOOK', when: 'on_failure' }]);
});

test('the Forgejo workflow passes the Actions workflow schema, runs on push and hourly, and publishes the same way', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a YAML document walked freely
  const doc = parse(read('.forgejo/workflows/publish.yml')) as Record<string, any>;
  expect(validate('github-workflow.json', doc)).toEqual([]);
  expect(doc.on.push.branches).toEqual(['main']);
  expect(doc.on.schedule).toEqual([{ cron: '0 * * * *' }]);
  const steps = doc.jobs.publish.steps as { name?: string; run?: string; if?: string }[];
  expect(steps.map((s) => s.name).filter(Boolean)).toEqual(
    expect.arrayContaining(['安装', '构建', '测试', '发布到网站服务器', '失败通知']),
  );
  expect(steps.find((s) => s.name === '发布到网站服务器')?.run).toContain(
    'npm run publish -- --remote "$PUBLISH_REMOTE"',
  );
  expect(steps.find((s) => s.name === '失败通知')?.if).toBe('failure()');
});

test('the schemas reject what they should, so a pass means something', () => {
  expect(validate('gitlab-ci.json', { publish: { stage: 'publish', scripts: ['x'] } })).not.toEqual([]);
  expect(
    validate('github-workflow.json', { on: 'push', jobs: { publish: { 'runs-on': 'docker', step: [] } } }),
  ).not.toEqual([]);
});
