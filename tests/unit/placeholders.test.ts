import { afterEach, describe, expect, it } from 'vitest';
import { placeholderEnvironment, placeholderSettings } from '../../src/lib/placeholders.ts';
import { ContentFixture } from '../support/fixture.ts';

describe('example settings values', () => {
  it('finds the shipped filing numbers and made-up ones, not real-looking ones', () => {
    const found = placeholderSettings({
      icp: '晋ICP备2023001234号-1',
      publicSecurity: '晋公网安备14040200000000号',
      siteCode: '1404000012',
      govMarkUrl: '',
      siteName: '长治政协网',
    });
    expect(found.map((p) => p.where)).toEqual(['icp', 'publicSecurity', 'siteCode']);
    expect(
      placeholderSettings({
        icp: '晋ICP备17004418号-2',
        publicSecurity: '晋公网安备14040202000841号',
        siteCode: '1404000027',
      }),
    ).toEqual([]);
  });

  it('asks a public build for its own domain and CMS host', () => {
    expect(placeholderEnvironment({}).map((p) => p.where)).toEqual([
      'SITE_URL',
      'PUBLIC_CMS_BASE_URL',
      'PUBLIC_CMS_APP_ID',
    ]);
    expect(
      placeholderEnvironment({
        SITE_URL: 'http://localhost:4321',
        PUBLIC_CMS_BASE_URL: 'https://git.example.cn',
        PUBLIC_CMS_APP_ID: 'a1',
      }).map((p) => p.where),
    ).toEqual(['SITE_URL']);
    expect(
      placeholderEnvironment({
        SITE_URL: 'https://www.czzx.gov.cn',
        PUBLIC_CMS_BASE_URL: 'https://git.czzx.gov.cn',
        PUBLIC_CMS_APP_ID: 'a1',
      }),
    ).toEqual([]);
  });
});

describe('a production build with example values', () => {
  let fixture: ContentFixture | undefined;
  afterEach(() => fixture?.dispose());
  const real = {
    SITE_URL: 'https://www.czzx.gov.cn',
    PUBLIC_CMS_BASE_URL: 'https://git.czzx.gov.cn',
    PUBLIC_CMS_APP_ID: 'czzx-cms',
  };

  it('stops before any page is written, naming the file and each field', () => {
    fixture = new ContentFixture();
    const { status, output } = fixture.astro('build', { SITE_ENV: 'production', SKIP_SEARCH_INDEX: '1', ...real });
    expect(status).not.toBe(0);
    expect(output).toContain('正式发布（SITE_ENV=production）不能使用示例值');
    expect(output).toContain('content/settings/site.yml → icp（ICP备案号）');
    expect(output).toContain('publicSecurity（公网安备号）');
    expect(output).not.toContain('page(s) built');
  });

  it('builds once the real values are filled in, and a local build only warns', () => {
    fixture = new ContentFixture();
    const local = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
    expect(local.status).toBe(0);
    expect(local.output).toContain('网站设置中仍有示例值');
    fixture.edit('settings/site.yml', /^icp: .*$/m, 'icp: 晋ICP备17004418号-2');
    fixture.edit('settings/site.yml', /^publicSecurity: .*$/m, 'publicSecurity: 晋公网安备14040202000841号');
    fixture.edit('settings/site.yml', /^siteCode: .*$/m, "siteCode: '1404000027'");
    fixture.edit(
      'settings/site.yml',
      /^govMarkUrl: .*$/m,
      'govMarkUrl: https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D4E5F',
    );
    const { status, output } = fixture.astro('build', { SITE_ENV: 'production', SKIP_SEARCH_INDEX: '1', ...real });
    expect(output).not.toContain('示例值');
    expect(status).toBe(0);
  });
});
