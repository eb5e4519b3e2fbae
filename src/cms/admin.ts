import CMS from 'decap-cms-app';
import siteCss from '../styles/global.css?url';
import { cmsConfig, type CmsOptions } from './config.ts';
import { forgetNames, previews } from './previews.ts';
import { registerOptionalGroups } from './widgets.ts';

/**
 * The editors' admin at /admin/: Decap CMS bundled into the site (nothing from a CDN, so it works on an intranet),
 * configured from the content model. On localhost it talks to decap-server on this machine; elsewhere to the Git host
 * set at build time with the PUBLIC_CMS_* variables.
 */

const env = import.meta.env;
const local = ['localhost', '127.0.0.1'].includes(location.hostname);
// Only on this machine: the tests run decap-server on a free port (`?cms_port=`) and git mode with drafts (`?workflow=1`).
const query = new URLSearchParams(location.search);
const port = (local && /^\d{2,5}$/.test(query.get('cms_port') ?? '') && query.get('cms_port')) || '8081';

const sessions: CmsOptions['sessions'] = JSON.parse(document.getElementById('cms-sessions')?.textContent || '[]');

registerOptionalGroups(CMS);
CMS.registerPreviewStyle(siteCss);
for (const [name, template] of Object.entries(previews)) CMS.registerPreviewTemplate(name, template);
CMS.registerEventListener({ name: 'postSave', handler: forgetNames });

CMS.init({
  config: cmsConfig({
    localBackend: local ? `http://${location.hostname}:${port}/api/v1` : false,
    ...(local && query.has('workflow') ? { workflow: true } : {}),
    siteUrl: env.SITE,
    sessions,
    backend: {
      name: env.PUBLIC_CMS_BACKEND === 'forgejo' ? 'forgejo' : 'gitlab',
      repo: env.PUBLIC_CMS_REPO,
      branch: env.PUBLIC_CMS_BRANCH,
      baseUrl: env.PUBLIC_CMS_BASE_URL,
      apiRoot: env.PUBLIC_CMS_API_ROOT,
      appId: env.PUBLIC_CMS_APP_ID,
    },
  }),
});
