// 长辈模式: text size (A- / A / A+) and high contrast, remembered across pages. Loaded synchronously in <head> so the
// reader's choice applies before the first paint (no flash); the buttons in the header call back into it.
(function () {
  var root = document.documentElement;
  var SIZES = ['s', 'm', 'l', 'xl'];
  function read(key, fallback) {
    try { return localStorage.getItem(key) || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: still works for this page */ }
  }
  function apply() {
    root.setAttribute('data-font', read('czzx-font', 'm'));
    root.setAttribute('data-contrast', read('czzx-contrast', 'normal'));
  }
  apply();
  function sync() {
    var font = root.getAttribute('data-font');
    var contrast = root.getAttribute('data-contrast') === 'high';
    document.querySelectorAll('[data-elder]').forEach(function (b) {
      var action = b.getAttribute('data-elder');
      if (action === 'contrast') b.setAttribute('aria-pressed', String(contrast));
      if (action === 'reset') b.setAttribute('aria-pressed', String(font === 'm'));
      if (action === 'smaller') b.disabled = font === SIZES[0];
      if (action === 'larger') b.disabled = font === SIZES[SIZES.length - 1];
    });
    var status = document.querySelector('[data-elder-status]');
    if (status) status.textContent = '字号：' + { s: '较小', m: '标准', l: '大', xl: '特大' }[font] + (contrast ? '，高对比度' : '');
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-elder]');
    if (!b) return;
    var action = b.getAttribute('data-elder');
    var i = SIZES.indexOf(root.getAttribute('data-font'));
    if (action === 'smaller' && i > 0) save('czzx-font', SIZES[i - 1]);
    if (action === 'larger' && i < SIZES.length - 1) save('czzx-font', SIZES[i + 1]);
    if (action === 'reset') save('czzx-font', 'm');
    if (action === 'contrast') save('czzx-contrast', root.getAttribute('data-contrast') === 'high' ? 'normal' : 'high');
    apply();
    sync();
  });
  // 复制链接 on article pages: the one script of a content page does it rather than a second script.
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-copy-link]');
    if (!b) return;
    var url = b.getAttribute('data-copy-link');
    var status = b.parentNode.querySelector('[data-copy-status]');
    function done(ok) {
      if (status) status.textContent = ok ? '链接已复制' : '请长按或选中上面的链接复制';
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
    else done(false);
  });
  // The size buttons sit in a 字号 menu that a phone opens on a tap; on a wide screen they always show.
  var wide = window.matchMedia('(min-width: 640px)');
  function openOnWide() {
    document.querySelectorAll('[data-elder-menu]').forEach(function (d) { if (wide.matches) d.open = true; });
  }
  if (wide.addEventListener) wide.addEventListener('change', openOnWide);
  document.addEventListener('DOMContentLoaded', function () {
    openOnWide();
    root.classList.add('elder-ready');
    sync();
  });
})();
