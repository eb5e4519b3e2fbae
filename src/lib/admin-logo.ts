import { escapeHtml } from './escape-html.ts';

/**
 * The login page's picture: the site's emblem (as in favicon.svg) above the site's name and “内容管理”, so editors
 * know where they are signing in (Decap shows its own logo otherwise). A data URL, allowed by the admin's policy.
 */
export function adminLogo(siteName: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 170" role="img"><title>${escapeHtml(siteName)} 内容管理</title>
<g transform="translate(122 0) scale(1.28)"><circle cx="22" cy="22" r="21" fill="#b3261e"/><path d="M22 9l3.1 9.5H35l-8 5.8 3.1 9.5-8.1-5.9-8.1 5.9 3.1-9.5-8-5.8h9.9z" fill="#fcd34d"/></g>
<text x="150" y="105" text-anchor="middle" font-size="30" font-weight="700" fill="#1c1917" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif">${escapeHtml(siteName)}</text>
<text x="150" y="150" text-anchor="middle" font-size="22" fill="#57534e" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif">内容管理</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
