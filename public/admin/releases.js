// Fills the admin's 发布记录 table (src/pages/admin/releases/) from the history `npm run publish` writes into each
// release (HistoryEntry in src/lib/publish/manifest.ts). A file of its own rather than a bundled script: Astro inlines
// a script this small, and the admin's Content-Security-Policy allows no inline script.
const table = document.getElementById('releases');
const status = document.getElementById('releases-status');
const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short', hour12: false });

function cell(row, text) {
  const td = row.insertCell();
  td.className = 'p-2';
  td.textContent = text;
}

async function show() {
  const response = await fetch(table.dataset.history, { cache: 'no-cache' });
  if (response.status === 404) {
    status.textContent = '尚无发布记录：网站还没有用 npm run publish 发布过。';
    return;
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const history = await response.json();
  history.forEach((r, i) => {
    const row = table.tBodies[0].insertRow();
    row.className = 'border-b border-stone-300';
    cell(row, `${time.format(new Date(r.time))}${i === 0 ? '（线上）' : ''}`);
    cell(row, r.author);
    cell(row, r.commit.slice(0, 7));
    cell(row, String(r.added));
    cell(row, String(r.changed));
    cell(row, String(r.removed));
    cell(row, `${r.buildSeconds} 秒`);
    cell(row, r.release);
  });
  status.textContent = `共 ${history.length} 次发布。`;
  table.hidden = false;
}

show().catch((e) => (status.textContent = `发布记录无法读取：${e.message}`));
