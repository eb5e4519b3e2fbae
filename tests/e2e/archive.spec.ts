import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as yamlParse } from 'yaml';
import { collections } from '../../src/content/model.ts';
import { CONTENT, rawEntries } from '../support/content.ts';

/** The proposal archive, checked against figures computed here straight from content/, not from the site's code. */
interface Raw {
  number: string;
  title: string;
  session: string;
  category: string;
  sector?: string;
  proposerType: string;
  proposers?: string[];
  collective?: string;
  key?: boolean;
  public?: boolean;
  status: string;
  submitted: string;
  leadUnits?: string[];
  coUnits?: string[];
  replies?: { unit: string; role: string; date: string; docNumber?: string; result: string }[];
  satisfaction?: string;
  rehandling?: { assigned?: string; replies?: { unit: string; date: string; result: string }[]; satisfaction?: string };
}
const all = rawEntries(collections.find((c) => c.name === 'proposals')!).map((e) => ({
  id: e.id,
  ...(e.data as unknown as Raw),
}));
const shown = all.filter((p) => p.public !== false);
const units = rawEntries(collections.find((c) => c.name === 'units')!).map(
  (e) => e.data as { id: string; name: string; shortName?: string },
);
const pct = (n: number, d: number) => `${(Math.round((d ? n / d : 0) * 1000) / 10).toFixed(1)}%`;

test('every facet value links to a page listing exactly as many proposals as its count says', async ({ page }) => {
  await page.goto('/proposals/');
  const links = await page
    .locator('a[data-facet]')
    .evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, count: Number(a.getAttribute('data-count')) })),
    );
  expect(links.length).toBeGreaterThan(10);
  for (const l of links) {
    await page.goto(l.href);
    await expect(page.locator('main article'), l.href).toHaveCount(Math.min(20, l.count));
    await expect(page.locator('main header p').first()).toContainText(`共 ${l.count} 件`);
  }
});

test('facet counts agree with the content', async ({ page }) => {
  await page.goto('/proposals/');
  for (const c of new Set(shown.map((p) => p.category))) {
    await expect(page.locator(`a[data-facet="category"][href="/proposals/category/${c}/"]`)).toHaveAttribute(
      'data-count',
      String(shown.filter((p) => p.category === c).length),
    );
  }
  for (const u of new Set(shown.flatMap((p) => p.leadUnits ?? []))) {
    await expect(page.locator(`a[data-facet="unit"][href="/proposals/unit/${u}/"]`)).toHaveAttribute(
      'data-count',
      String(shown.filter((p) => p.leadUnits?.includes(u)).length),
    );
  }
  await page.goto('/proposals/key/');
  await expect(page.locator('main article')).toHaveCount(shown.filter((p) => p.key).length);
});

test('a proposal links its session neighbours and related proposals', async ({ page }) => {
  const session = shown.map((p) => p.session).find((s) => shown.filter((p) => p.session === s).length >= 2)!;
  const inSession = shown.filter((p) => p.session === session).sort((a, b) => a.number.localeCompare(b.number));
  await page.goto(`/proposals/${inSession[0]!.id}/`);
  await expect(page.getByRole('navigation', { name: '同届次提案' }).locator('a[rel="next"]')).toHaveAttribute(
    'href',
    `/proposals/${inSession[1]!.id}/`,
  );
});

test('every proposal lists as related the five sharing most with it (category and a unit), newest first', async ({
  page,
}) => {
  const newestFirst = [...shown].sort(
    (a, b) => b.submitted.localeCompare(a.submitted) || a.number.localeCompare(b.number),
  );
  const unitsOf = (p: Raw) => new Set([...(p.leadUnits ?? []), ...(p.coUnits ?? [])]);
  for (const p of newestFirst) {
    const mine = unitsOf(p);
    const expected = newestFirst
      .filter((x) => x.id !== p.id)
      .map((x, i) => ({
        x,
        i,
        s: (x.category === p.category ? 1 : 0) + ([...unitsOf(x)].some((u) => mine.has(u)) ? 1 : 0),
      }))
      .filter((e) => e.s > 0)
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, 5)
      .map((e) => `/proposals/${e.x.id}/`);
    await page.goto(`/proposals/${p.id}/`);
    const section = page.getByRole('region', { name: '相关提案' });
    const links = expected.length
      ? await section.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      : [];
    expect(links, p.id).toEqual(expected);
  }
});

test('a unit page shows its proposals as lead and co-unit, reply rate and results', async ({ page }) => {
  const unit = units.find((u) => all.filter((p) => p.leadUnits?.includes(u.id)).length >= 1)!;
  const lead = all.filter((p) => p.leadUnits?.includes(unit.id));
  const replied = lead.filter((p) => p.replies?.some((r) => r.unit === unit.id)).length;
  await page.goto(`/units/${unit.id}/`);
  await expect(page.locator('h1')).toHaveText(unit.name);
  await expect(page.locator('[data-figure="lead"]')).toHaveText(`${lead.length} 件`);
  await expect(page.locator('[data-figure="reply-rate"]')).toHaveText(pct(replied, lead.length));
  // 办理结果 of the unit's answers as lead unit, the answer given again in a 重办 where there was one.
  const final = (p: Raw) =>
    p.rehandling?.replies?.find((r) => r.unit === unit.id) ??
    p.replies?.find((r) => r.unit === unit.id && r.role === '主办');
  const adopted = lead.filter((p) => final(p)?.result === '解决或采纳').length;
  await expect(page.locator('[data-figure="adopted"]')).toHaveText(`${adopted} 件`);
  await expect(page.getByRole('region', { name: /主办的公开提案/ }).locator('article')).toHaveCount(
    lead.filter((p) => p.public !== false).length,
  );
});

test('the stats page shows the figures computed from content, withheld proposals counted but not shown', async ({
  page,
}) => {
  const sessions = parseYaml('taxonomies/sessions.yml').items as { id: string; received?: number; merged?: number }[];
  const used = sessions.filter((s) => all.some((p) => p.session === s.id));
  await page.goto('/proposals/stats/');
  await expect(page.locator('[data-figure="registered"]')).toHaveText(`${all.length} 件`);
  await expect(page.locator('[data-figure="received"]')).toHaveText(
    `${used.reduce((n, s) => n + (s.received ?? 0), 0)} 件`,
  );
  await expect(page.locator('[data-figure="merged"]')).toHaveText(
    `${used.reduce((n, s) => n + (s.merged ?? 0), 0)} 件`,
  );
  await expect(page.locator('[data-figure="collective"]')).toHaveText(
    `${all.filter((p) => p.proposerType === '集体提案').length} 件`,
  );
  await expect(page.locator('[data-figure="answered-rate"]')).toHaveText(
    pct(all.filter((p) => p.status === '已办复').length, all.length),
  );
  const rated = all.filter((p) => p.satisfaction);
  await expect(page.locator('[data-figure="satisfied-rate"]')).toHaveText(
    pct(rated.filter((p) => p.satisfaction !== '不满意').length, rated.length),
  );
  // Each chart carries the same figures as a table.
  const categoryRows = await page
    .locator('[data-chart-table="by-category"] tbody tr')
    .evaluateAll((rs) => rs.map((r) => Number(r.querySelector('td')!.textContent)));
  expect(categoryRows.reduce((a, b) => a + b, 0)).toBe(all.length);
  await expect(page.locator('figure [role="img"][data-chart]').first()).toHaveAttribute(
    'aria-labelledby',
    /title .*desc/,
  );
  const hidden = all.find((p) => p.public === false);
  if (hidden) await expect(page.locator('main')).not.toContainText(hidden.title);
});

test('the CSV opens in Excel (BOM) and round-trips every public proposal', async ({ request }) => {
  const res = await request.get('/proposals.csv');
  const text = await res.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(shown.length);
  for (const p of shown) {
    const r = rows.find((x) => x['提案编号'] === p.number)!;
    expect(r['案由']).toBe(p.title);
    expect(r['办理状态']).toBe(p.status);
    expect(r['提交日期']).toBe(p.submitted);
    expect(r['重点提案']).toBe(p.key ? '是' : '否');
    expect(r['提案单位']).toBe(p.collective ?? '');
    expect(r['主办单位']!.split('；').filter(Boolean)).toEqual(p.leadUnits ?? []);
    expect(r['协办单位']!.split('；').filter(Boolean)).toEqual(p.coUnits ?? []);
    // 答复 columns hold the lead units' answers; co- and joint units' opinions have columns of their own.
    const answers = (p.replies ?? []).filter((x) => x.role === '主办');
    const opinions = (p.replies ?? []).filter((x) => x.role !== '主办');
    expect(r['答复单位']!.split('；').filter(Boolean)).toEqual(answers.map((x) => x.unit));
    expect(r['答复日期']!.split('；').filter(Boolean)).toEqual(answers.map((x) => x.date));
    expect(r['办理结果']!.split('；').filter(Boolean)).toEqual(answers.map((x) => x.result));
    expect(r['办理意见单位']!.split('；').filter(Boolean)).toEqual(opinions.map((x) => x.unit));
    expect(r['重新答复日期']!.split('；').filter(Boolean)).toEqual((p.rehandling?.replies ?? []).map((x) => x.date));
    expect(r['重办后评价']).toBe(p.rehandling?.satisfaction ?? '');
    expect(r['委员评价']).toBe(p.satisfaction ?? '');
  }
  const json = await (await request.get('/proposals.json')).json();
  expect(json.proposals.map((p: { number: string }) => p.number).sort()).toEqual(shown.map((p) => p.number).sort());
});

function parseYaml(rel: string) {
  return yamlParse(readFileSync(join(CONTENT, rel), 'utf8'));
}
