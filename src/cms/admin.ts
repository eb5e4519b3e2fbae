import CMS from 'decap-cms-app';
import { DEFAULT_MAX_IMAGE_MB } from '../lib/image-check.ts';
import { registerPaste } from './paste.ts';
import { AREAS_WIDGET, cmsConfig, type AdminPageOptions } from './config.ts';
import { PaperAreasControl, PaperAreasPreview } from './paper-areas.ts';
import { forgetNames, forgetTopicData, previews } from './previews.ts';
import { previewWithAssets, readMissingImagesFrom } from './preview-assets.ts';
import { registerBeijingDateTime } from './datetime-widget.ts';
import { registerTaxonomySelect } from './taxonomy-select.ts';
import { installConflictGuard } from './conflict-guard.ts';
import { registerLengthCounters } from './length-counter.ts';
import { registerOwnValues } from './typing.ts';
import { installBeijingClock } from './beijing-clock.ts';
import { registerReplyRoles } from './reply-role.ts';
import { registerFocusNext } from './focus-next.ts';
import { installRouteGuard } from './route-guard.ts';
import { registerEntryRules } from './rule-controls.ts';
import { installUploadGuard } from './upload-guard.ts';
import { topicEditorComponents } from './topic-components.ts';
import { registerOptionalGroups } from './widgets.ts';

/**
 * The editors' admin at /admin/: Decap CMS bundled into the site (nothing from a CDN, so it works on an intranet),
 * configured from the content model. On localhost it talks to decap-server on this machine; elsewhere to the Git host
 * set at build time with the PUBLIC_CMS_* variables.
 *
 * This script is bundled once and reused by every build until its sources change (src/integrations/cms-bundle.ts), so
 * what depends on the build (the Git host, the site's address and stylesheet, the sessions) comes from the admin page.
 */

const page: AdminPageOptions = JSON.parse(document.getElementById('cms-options')?.textContent || '{}');
const local = ['localhost', '127.0.0.1'].includes(location.hostname);
// Only on this machine: the tests run decap-server on a free port (`?cms_port=`) and git mode with drafts (`?workflow=1`).
const query = new URLSearchParams(location.search);
const port = (local && /^\d{2,5}$/.test(query.get('cms_port') ?? '') && query.get('cms_port')) || '8081';

installBeijingClock();
registerOptionalGroups(CMS);
// Before the rules wrap each widget by name (registerEntryRules).
registerBeijingDateTime(CMS);
registerTaxonomySelect(CMS);
registerPaste(CMS);
CMS.registerWidget(AREAS_WIDGET, PaperAreasControl as never, PaperAreasPreview as never);
installRouteGuard(CMS);
// Before the counters and rules, which wrap the widget registered by then.
registerOwnValues(CMS);
registerReplyRoles(CMS);
registerFocusNext(CMS);
registerLengthCounters(CMS);
registerEntryRules(CMS);
for (const component of topicEditorComponents()) CMS.registerEditorComponent(component as never);
installUploadGuard(page.maxImageBytes ?? DEFAULT_MAX_IMAGE_MB * 1024 * 1024);
if (page.siteCss) CMS.registerPreviewStyle(page.siteCss);
for (const [name, template] of Object.entries(previews)) CMS.registerPreviewTemplate(name, previewWithAssets(template));
CMS.registerEventListener({ name: 'postSave', handler: forgetNames });
CMS.registerEventListener({ name: 'postSave', handler: forgetTopicData });

const localBackend = local ? `http://${location.hostname}:${port}/api/v1` : false;
// In git mode (drafts on branches) Decap's text of an entry is the draft's, not the file's: the check is for fs mode.
installConflictGuard(CMS, query.has('workflow') ? false : localBackend);
// A new upload is in decap-server's folder before the site is rebuilt: previews read it from there.
readMissingImagesFrom(localBackend);

CMS.init({
  config: cmsConfig({
    localBackend,
    ...(local && query.has('workflow') ? { workflow: true } : {}),
    // “查看发布” opens the site being edited: this machine's when editing locally.
    siteUrl: local ? location.origin : page.siteUrl,
    logoUrl: page.logoUrl,
    sessions: page.sessions ?? [],
    backend: page.backend,
  }),
});
