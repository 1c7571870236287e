/* paperboy reader features: offline search, "hide papers listed before", keyboard shortcuts. No dependencies, no network
   requests beyond this site's own files. Loaded in <head>; the page works without it. */
(function () {
  'use strict';
  var HIDE_KEY = 'paperboy.hideSeen';
  var root = document.documentElement;

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  // Before first paint, so a remembered "hide seen" does not make the page jump.
  if (stored(HIDE_KEY) === '1') root.classList.add('hide-seen');

  function initHideSeen() {
    var box = document.getElementById('hide-seen');
    if (!box) return;
    box.checked = root.classList.contains('hide-seen');
    box.addEventListener('change', function () {
      root.classList.toggle('hide-seen', box.checked);
      store(HIDE_KEY, box.checked ? '1' : '0');
    });
  }

  // ---- search ----------------------------------------------------------------------------------
  var MAX_RESULTS = 12;
  var papers = null;      // the index, prepared for matching
  var loading = false;

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  function prepare(index) {
    return index.papers.map(function (p) {
      return { p: p, title: ' ' + words(p.t).join(' ') + ' ', body: ' ' + p.w + ' ' + p.th.join(' ').toLowerCase() + ' ' };
    });
  }

  var pending = null;     // what to do once the index arrives (the latest wish wins)

  function loadIndex(form, then) {
    if (papers) { then(); return; }
    if (window.PAPERBOY_SEARCH) { papers = prepare(window.PAPERBOY_SEARCH); then(); return; }
    pending = then; // typing while the index loads: show results for the latest query when it is in
    if (loading) return;
    loading = true;
    var s = document.createElement('script');
    s.src = form.getAttribute('data-index');
    s.onload = function () {
      loading = false;
      if (!window.PAPERBOY_SEARCH) return;
      papers = prepare(window.PAPERBOY_SEARCH);
      var next = pending;
      pending = null;
      if (next) next();
    };
    s.onerror = function () { loading = false; status(form, 'The search index could not be loaded.'); };
    document.head.appendChild(s);
  }

  /** Every query word must start a word of the title, abstract or themes; title hits rank first. */
  function search(query) {
    var terms = words(query);
    if (!terms.length) return [];
    var hits = [];
    papers.forEach(function (e) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = ' ' + terms[i];
        if (e.title.indexOf(t + ' ') >= 0) score += 4;
        else if (e.title.indexOf(t) >= 0) score += 3;
        else if (e.body.indexOf(t + ' ') >= 0) score += 2;
        else if (e.body.indexOf(t) >= 0) score += 1;
        else return;
      }
      hits.push({ e: e, score: score });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || (a.e.p.d < b.e.p.d ? 1 : a.e.p.d > b.e.p.d ? -1 : 0) || (a.e.p.t < b.e.p.t ? -1 : 1);
    });
    return hits;
  }

  function status(form, text) {
    form.querySelector('[role="status"]').textContent = text;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }

  function render(form, input, box) {
    var q = input.value.trim();
    box.textContent = '';
    if (!q) { box.hidden = true; status(form, ''); return; }
    var hits = search(q);
    var rootPath = form.getAttribute('data-root');
    var summary = hits.length === 0 ? 'No papers match “' + q + '”.'
        : hits.length + (hits.length === 1 ? ' paper matches' : ' papers match') +
          (hits.length > MAX_RESULTS ? '; the first ' + MAX_RESULTS + ' are shown.' : '.');
    box.appendChild(el('p', 'search-summary', summary));
    if (hits.length) {
      var list = el('ul', 'search-list');
      hits.slice(0, MAX_RESULTS).forEach(function (h) {
        var p = h.e.p;
        var a = el('a');
        a.href = rootPath + 'papers/' + p.s + '/index.html';
        a.appendChild(el('span', 'r-title', p.t));
        var meta = p.dl + (p.n > 1 ? ' · listed on ' + p.n + ' days' : '');
        if (p.th.length) meta += ' · ' + p.th.join(', ');
        a.appendChild(el('span', 'r-meta', meta));
        var li = el('li');
        li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    box.hidden = false;
    status(form, summary);
  }

  function initSearch() {
    var form = document.querySelector('form.search');
    if (!form) return;
    var input = form.querySelector('input[type="search"]');
    var box = form.querySelector('.search-results');
    var update = function () { loadIndex(form, function () { render(form, input, box); }); };
    input.addEventListener('focus', function () { loadIndex(form, function () {}); });
    input.addEventListener('input', update);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var first = box.querySelector('a');
      if (first) window.location.href = first.href;
    });
    var links = function () { return Array.prototype.slice.call(box.querySelectorAll('a')); };
    form.addEventListener('keydown', function (ev) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (ev.key === 'ArrowDown' && all.length) {
        ev.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (ev.key === 'ArrowUp' && at >= 0) {
        ev.preventDefault();
        if (at === 0) input.focus(); else all[at - 1].focus();
      } else if (ev.key === 'Escape') {
        box.hidden = true;
        input.focus();
      }
    });
    document.addEventListener('click', function (ev) {
      if (!form.contains(ev.target)) box.hidden = true;
    });
    input.addEventListener('focus', function () { if (input.value.trim() && box.childNodes.length) box.hidden = false; });
    if (input.value.trim()) update(); // the browser restored a query (back button)
  }

  // ---- keyboard: j/k (and arrows once a paper is selected) between papers, [ ] between days, ? for help ----
  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  function visibleListings() {
    return Array.prototype.slice.call(document.querySelectorAll('main .listing')).filter(function (li) {
      return li.offsetParent !== null; // hidden ones (hide seen) are skipped
    });
  }

  function moveListing(step) {
    var all = visibleListings();
    if (!all.length) return false;
    var current = document.querySelector('.listing.is-current');
    var at = all.indexOf(current);
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, at + step));
    if (current) current.classList.remove('is-current');
    var li = all[next];
    li.classList.add('is-current');
    var link = li.querySelector('.listing-title a');
    if (link) link.focus({ preventScroll: true });
    li.scrollIntoView({ block: 'center' });
    return true;
  }

  function follow(rel) {
    var a = document.querySelector('main nav a[rel="' + rel + '"]');
    if (a) window.location.href = a.href;
  }

  function initKeyboard() {
    var help = document.getElementById('kbd-help');
    var opener = null;
    if (help) {
      help.addEventListener('close', function () { if (opener && opener.focus) opener.focus(); opener = null; });
      var closer = help.querySelector('.kbd-close');
      if (closer) closer.addEventListener('click', function () { help.close(); });
    }
    document.addEventListener('keydown', function (ev) {
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
      if (help && help.open) return; // the dialog handles its own keys (Escape closes it)
      var inListing = document.activeElement && document.activeElement.closest && document.activeElement.closest('.listing');
      var k = ev.key;
      if (k === 'j' || (k === 'ArrowDown' && inListing)) {
        if (moveListing(1)) ev.preventDefault();
      } else if (k === 'k' || (k === 'ArrowUp' && inListing)) {
        if (moveListing(-1)) ev.preventDefault();
      } else if (k === '[') {
        follow('prev');
      } else if (k === ']') {
        follow('next');
      } else if (k === '/') {
        var q = document.getElementById('search-q');
        if (q) { ev.preventDefault(); q.focus(); }
      } else if (k === '?' && help && help.showModal) {
        ev.preventDefault();
        opener = document.activeElement;
        help.showModal();
        var close = help.querySelector('button');
        if (close) close.focus();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initHideSeen();
    initSearch();
    initKeyboard();
  });
})();
