/**
 * Example values the site ships with (in `content/settings/site.yml` and as build defaults) that a real site must
 * replace before it goes public: a footer showing a made-up ICP filing or a public-security number misleads readers
 * and breaks the filing rules. A production build refuses them; a local build only warns.
 */

/** One example value still in place. */
export interface Placeholder {
  /** Where it is set: a settings field (`icp`) or an environment variable (`SITE_URL`). */
  where: string;
  /** What it is, in Chinese. */
  label: string;
  value: string;
}

/** The values shipped as examples; replacing them with the real ones is part of setting up a site. */
const SHIPPED: Record<string, { label: string; values: readonly string[] }> = {
  icp: { label: 'ICP备案号', values: ['晋ICP备2023001234号-1', '晋ICP备12345678号'] },
  publicSecurity: { label: '公网安备号', values: ['晋公网安备14040202000123号'] },
  siteCode: { label: '网站标识码', values: ['1404000012'] },
  govMarkUrl: { label: '党政机关网站标识链接', values: ['https://bszs.conac.cn/sitename?method=show&id=000000000000'] },
};

/** Shapes no real filing number has: a long run of one digit, a counting sequence, or words meaning "to be filled". */
const MADE_UP = /(\d)\1{5,}|123456|示例|待填|xxxx|example/i;

/** Settings fields holding example values (only the fields above; empty optional fields are fine). */
export function placeholderSettings(settings: Record<string, unknown>): Placeholder[] {
  const found: Placeholder[] = [];
  for (const [field, { label, values }] of Object.entries(SHIPPED)) {
    const value = settings[field];
    if (typeof value !== 'string' || value === '') continue;
    if (values.includes(value) || MADE_UP.test(value)) found.push({ where: field, label, value });
  }
  return found;
}

/** Build settings left at their defaults: the site's own address, and the Git host the CMS logs in to. */
export function placeholderEnvironment(env: Record<string, string | undefined>): Placeholder[] {
  const found: Placeholder[] = [];
  if (!env.SITE_URL)
    found.push({ where: 'SITE_URL', label: '网站域名', value: '（未设置，使用示例值 https://www.czzx.gov.cn）' });
  else if (/\.(invalid|example|test|localhost)(\/|:|$)|\/\/(localhost|127\.)/.test(env.SITE_URL)) {
    found.push({ where: 'SITE_URL', label: '网站域名', value: env.SITE_URL });
  }
  if (!env.PUBLIC_CMS_BASE_URL)
    found.push({
      where: 'PUBLIC_CMS_BASE_URL',
      label: '内容管理系统的 Git 服务地址',
      value: '（未设置，使用示例值 https://git.czzx.gov.cn）',
    });
  if (!env.PUBLIC_CMS_APP_ID)
    found.push({ where: 'PUBLIC_CMS_APP_ID', label: '内容管理系统的 OAuth 应用 ID', value: '（未设置）' });
  return found;
}

/** The Chinese message listing every example value, one line each, naming the file or variable and the field. */
export function placeholderMessage(settingsFile: string, settings: Placeholder[], environment: Placeholder[]): string {
  const lines = [
    ...settings.map((p) => `  ${settingsFile} → ${p.where}（${p.label}）：“${p.value}”是示例值，请填写本网站的真实值`),
    ...environment.map((p) => `  环境变量 ${p.where}（${p.label}）：${p.value}`),
  ];
  return lines.join('\n');
}

/** Whether this build is for the public site: `SITE_ENV=production` (the publish pipelines set it). */
export function isProductionBuild(env: Record<string, string | undefined>): boolean {
  return env.SITE_ENV === 'production';
}
