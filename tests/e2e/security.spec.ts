import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * The built pages need nothing the shipped Content-Security-Policy forbids. The tests run against nginx with
 * src/deploy/nginx.conf (public pages and /admin/), so a violation here is a violation in production.
 */
async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test('the shipped policies forbid inline scripts on public pages and are sent on every response', async ({
  request,
}) => {
  const nginx = readFileSync('src/deploy/nginx.conf', 'utf8');
  const publicPolicy = /set \$csp_public "([^"]+)"/.exec(nginx)![1]!;
  expect(publicPolicy).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
  expect(publicPolicy).not.toContain('unsafe-inline');
  const res = await request.get('/');
  expect(res.headers()['content-security-policy']).toBe(publicPolicy);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  for (const header of [
    'Strict-Transport-Security',
    'Referrer-Policy',
    'Permissions-Policy',
    'X-Content-Type-Options',
  ]) {
    expect(nginx, header).toContain(`add_header ${header}`);
  }
});

test('no public template needs anything the policy forbids, search included', async ({ page }) => {
  for (const path of [
    '/',
    '/news/',
    '/proposals/',
    '/proposals/14-3-0123/',
    '/proposals/stats/',
    '/reviews/',
    '/members/',
    '/404.html',
  ]) {
    await page.goto(path);
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto('/search/?q=%E6%89%98%E8%82%B2');
  await expect(page.locator('[data-results] li').first()).toBeVisible();
  expect(await violations(page), '/search/').toEqual([]);
});

test('the admin loads under its own policy', async ({ page }) => {
  const res = await page.goto('/admin/');
  expect(res?.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  await page.waitForLoadState('networkidle');
  // On localhost the admin looks for the local decap-server (127.0.0.1:8081), which production never has and its
  // policy rightly refuses; anything else refused would break the production admin.
  expect((await violations(page)).filter((v) => !v.includes('http://127.0.0.1:8081'))).toEqual([]);
});

test('the admin’s 发布记录 page works under the admin policy (here no publish has run: it says so)', async ({
  page,
}) => {
  const res = await page.goto('/admin/releases/');
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
  await expect(page.getByRole('status')).toHaveText('尚无发布记录：网站还没有用 npm run publish 发布过。');
  expect(await violations(page)).toEqual([]);
});
