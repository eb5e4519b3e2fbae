import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';

/**
 * Every published proposal's timeline agrees with its status and its replies, checked against content/ read here:
 * the lead unit answers the proposer, co- and joint units send opinions to the lead unit, a 重办 follows 不满意.
 */
interface Reply {
  unit: string;
  role: string;
  date: string;
}
interface Raw {
  status: string;
  public?: boolean;
  leadUnits?: string[];
  coUnits?: string[];
  jointUnits?: string[];
  replies?: Reply[];
  satisfaction?: string;
  rehandling?: { assigned?: string; replies?: { unit: string; date: string }[]; satisfaction?: string };
}
const shown = rawEntries(collection('proposals'))
  .map((e) => ({ id: e.id, ...(e.data as unknown as Raw) }))
  .filter((p) => p.public !== false);
const unitNames = new Map(rawEntries(collection('units')).map((e) => [e.id, (e.data as { name: string }).name]));
const unitLabels = new Map(
  rawEntries(collection('units')).map((e) => [
    e.id,
    (e.data as { name: string; shortName?: string }).shortName ?? (e.data as { name: string }).name,
  ]),
);
const chineseDate = (d: string) => d.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

test('the sample has proposals in every state the course knows', () => {
  expect(new Set(shown.map((p) => p.status))).toEqual(new Set(['立案', '交办', '办理中', '已办复']));
  expect(shown.some((p) => p.rehandling && p.status === '已办复')).toBe(true);
  expect(shown.some((p) => p.rehandling && p.status === '办理中')).toBe(true);
  expect(shown.some((p) => p.replies?.some((r) => r.role === '会办'))).toBe(true);
});

for (const p of shown) {
  test(`${p.id} (${p.status}): the timeline agrees with the status and the replies`, async ({ page }) => {
    await page.goto(`/proposals/${p.id}/`);
    const timeline = page.getByRole('region', { name: '办理进程' });
    const answered = timeline.locator('li[data-step="answered"]');
    const leadAnswered = (p.leadUnits ?? []).filter((u) => p.replies?.some((r) => r.unit === u && r.role === '主办'));
    const owing = (p.leadUnits ?? []).filter((u) => !leadAnswered.includes(u));
    if (p.status === '已办复') {
      // Answered: no step waits for an answer, whatever the co-units sent.
      await expect(timeline).not.toContainText(/待.*答复/);
      await expect(answered).toContainText('已完成');
      const last = p
        .replies!.filter((r) => r.role === '主办')
        .map((r) => r.date)
        .sort()
        .at(-1)!;
      await expect(answered).toContainText(chineseDate(last));
    } else if (owing.length || !p.leadUnits?.length) {
      await expect(answered).not.toContainText('已完成');
      if (owing.length)
        await expect(answered).toContainText(`待 ${owing.map((u) => unitLabels.get(u)).join('、')} 答复`);
    } else {
      // Answered once, then 不满意: the 重办 is what is under way.
      expect(p.rehandling, 'a proposal not 已办复 whose lead units all answered is being re-handled').toBeTruthy();
    }
    // A co- or joint unit is never waited on for an answer.
    for (const u of [...(p.coUnits ?? []), ...(p.jointUnits ?? [])])
      await expect(answered).not.toContainText(unitLabels.get(u)!);
    await expect(timeline.locator('li[data-step="evaluated"]')).toContainText(p.satisfaction ? '已完成' : '待办');
    const re = timeline.locator('li[data-step="rehandling"]');
    if (p.rehandling) {
      await expect(re).toContainText(p.status === '已办复' ? '已完成' : '进行中');
      if (p.status !== '已办复') await expect(re).toContainText(/待 .* 重新答复/);
    } else {
      await expect(re).toHaveCount(0);
    }
  });
}

test('a co-unit’s text is labelled 协办意见 to the lead unit, and only the lead unit’s is 答复', async ({ page }) => {
  const p = shown.find((x) => x.status === '已办复' && x.replies?.some((r) => r.role === '协办'))!;
  await page.goto(`/proposals/${p.id}/`);
  const answers = page.getByRole('region', { name: /^办理答复/ });
  const opinions = page.getByRole('region', { name: /意见（\d+）$/ });
  for (const r of p.replies!) {
    const name = unitNames.get(r.unit)!;
    if (r.role === '主办') {
      await expect(answers.getByRole('heading', { name: `${name}的答复` })).toBeVisible();
    } else {
      const card = opinions.getByRole('region', { name: `${name}的${r.role}意见` });
      await expect(card).toBeVisible();
      await expect(card).toContainText(`致主办单位：${p.leadUnits!.map((u) => unitLabels.get(u)).join('、')}`);
      await expect(answers).not.toContainText(name);
    }
  }
  await expect(answers.getByRole('heading', { level: 2 })).toHaveText(
    `办理答复（${p.replies!.filter((r) => r.role === '主办').length}）`,
  );
});

test('a 会办 unit’s opinion is labelled 会办意见, and a 重办 shows its own answer and evaluation', async ({ page }) => {
  const joint = shown.find((x) => x.replies?.some((r) => r.role === '会办'))!;
  await page.goto(`/proposals/${joint.id}/`);
  const r = joint.replies!.find((x) => x.role === '会办')!;
  await expect(page.getByRole('heading', { name: `${unitNames.get(r.unit)}的会办意见` })).toBeVisible();

  const redone = shown.find((x) => x.rehandling?.replies?.length)!;
  await page.goto(`/proposals/${redone.id}/`);
  const section = page.getByRole('region', { name: '重办' });
  for (const x of redone.rehandling!.replies!) {
    await expect(section.getByRole('heading', { name: `${unitNames.get(x.unit)}的重新答复` })).toBeVisible();
    await expect(section).toContainText(chineseDate(x.date));
  }
  await expect(section).toContainText(`委员对重办结果的评价：${redone.rehandling!.satisfaction}`);
});
