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
  // The index is split (see SearchIndex.java): a manifest, word shards by word range, result details in
  // chunks of papers, and each theme's papers. Every file is a script calling PAPERBOY_SEARCH(key, data), so
  // it loads from file:// too; only the files a query needs are loaded, once.
  var PAGE = 12;
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGIT = {};
  for (var di = 0; di < DIGITS.length; di++) DIGIT[DIGITS.charAt(di)] = di;
  var STOP = {};
  ('a an and are as at be been but by can for from has have in into is it its of on or our such that the their ' +
   'these this those to via was we were which while with without').split(' ').forEach(function (w) { STOP[w] = 1; });
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  var files = {};         // key → data, as the scripts deliver it
  var waiting = {};       // key → callbacks
  var requested = {};     // key → true once its script tag is in
  var searchBase = '';    // the folder of manifest.js
  window.PAPERBOY_SEARCH = function (key, data) {
    files[key] = data;
    var w = waiting[key] || [];
    delete waiting[key];
    w.forEach(function (f) { f(); });
  };

  function fileOf(key) {
    if (key === 'm') return 'manifest.js';
    var kind = key.charAt(0), rest = key.substring(1);
    return (kind === 't' ? '' : kind === 'd' ? 'docs/' : 'themes/') + rest + '.js';
  }

  /** Calls then() once every key is loaded; failed() if a file cannot be. */
  function need(keys, then, failed) {
    var missing = keys.filter(function (k) { return !(k in files); });
    var left = missing.length;
    if (!left) { then(); return; }
    missing.forEach(function (k) {
      (waiting[k] = waiting[k] || []).push(function () { if (--left === 0) then(); });
      if (requested[k]) return;
      requested[k] = true;
      var s = document.createElement('script');
      s.src = searchBase + fileOf(k);
      s.onerror = function () { delete requested[k]; delete waiting[k]; failed(); };
      document.head.appendChild(s);
    });
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1 && !STOP[w]; });
  }

  /** Calls f(number) for every paper of an encoded list (gaps in base 32, or "*" and a bitmap). */
  function decode(s, base, f) {
    var i, d;
    if (s.charAt(0) === '*') {
      for (i = 1; i < s.length; i++) {
        d = DIGIT[s.charAt(i)];
        for (var b = 0; b < 6; b++) if (d & (1 << b)) f(base + (i - 1) * 6 + b);
      }
      return;
    }
    var prev = -1, v = 0;
    for (i = 0; i < s.length; i++) {
      d = DIGIT[s.charAt(i)];
      if (d >= 32) { v = v * 32 + d - 32; } else { prev += v * 32 + d + 1; f(base + prev); v = 0; }
    }
  }

  /** The word shards a term needs in a part: the one it falls in, and the next while words start with it. */
  function shardsFor(part, term) {
    var keys = part.keys, lo = 0, hi = keys.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= term) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    var out = ['t' + part.id + '/' + at];
    if (term.length >= 3 && at + 1 < keys.length && keys[at + 1].lastIndexOf(term, 0) === 0) {
      out.push('t' + part.id + '/' + (at + 1));
    }
    return out;
  }

  function neededFor(m, terms, st) {
    var keys = [];
    terms.forEach(function (t) { m.parts.forEach(function (p) { keys = keys.concat(shardsFor(p, t)); }); });
    if (st.theme >= 0) keys.push('h' + st.theme);
    return keys;
  }

  /**
   * Every query word must start a word of the title, abstract or themes (words of one or two letters must
   * be the whole word); title hits rank first, then the newest. Papers are numbered in first-seen order.
   */
  function search(m, terms, st) {
    var n = m.docs, total = new Int32Array(n);
    terms.forEach(function (t, ti) {
      var s = new Uint8Array(n);
      m.parts.forEach(function (p) {
        shardsFor(p, t).forEach(function (k) {
          var shard = files[k];
          for (var w in shard) {
            var exact = w === t;
            if (!exact && !(t.length >= 3 && w.lastIndexOf(t, 0) === 0)) continue;
            var lists = shard[w], body = exact ? 2 : 1, title = exact ? 4 : 3;
            decode(lists[0], p.from, function (i) { if (s[i] < body) s[i] = body; });
            if (lists[1]) decode(lists[1], p.from, function (i) { if (s[i] < title) s[i] = title; });
          }
        });
      });
      for (var i = 0; i < n; i++) total[i] = ti === 0 ? s[i] : (total[i] && s[i] ? total[i] + s[i] : 0);
    });
    var lo = 0, hi = n;
    if (st.from) m.months.forEach(function (e, i) { if (e[0] === st.from) lo = e[1]; });
    if (st.to) m.months.forEach(function (e, i) {
      if (e[0] === st.to) hi = i + 1 < m.months.length ? m.months[i + 1][1] : n;
    });
    var inTheme = null;
    if (st.theme >= 0) {
      inTheme = new Uint8Array(n);
      decode(files['h' + st.theme], 0, function (i) { inTheme[i] = 1; });
    }
    var hits = [];
    for (var d = lo; d < hi; d++) if (total[d] > 0 && (!inTheme || inTheme[d])) hits.push(d);
    hits.sort(function (a, b) { return total[b] - total[a] || b - a; });
    return hits;
  }

  function dateLabel(iso) {
    return MONTHS[parseInt(iso.substring(5, 7), 10) - 1] + ' ' + parseInt(iso.substring(8, 10), 10) + ', ' +
        iso.substring(0, 4);
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

  var generation = 0;

  /** The query's results into the box: the first PAGE × st.pages hits, with filters by theme and month. */
  function render(form, input, box, st) {
    var q = input.value.trim();
    var mine = ++generation;
    if (!q) { box.hidden = true; status(form, ''); return; }
    var failed = function () { status(form, 'The search index could not be loaded.'); };
    need(['m'], function () {
      var m = files.m, terms = words(q);
      need(neededFor(m, terms, st), function () {
        if (mine !== generation) return;
        var hits = terms.length ? search(m, terms, st) : [];
        var shown = hits.slice(0, PAGE * st.pages);
        var chunks = [];
        shown.forEach(function (d) {
          var k = 'd' + Math.floor(d / m.chunk);
          if (chunks.indexOf(k) < 0) chunks.push(k);
        });
        need(chunks, function () {
          if (mine !== generation) return;
          show(form, box, m, q, terms, hits, shown, st);
        }, failed);
      }, failed);
    }, failed);
  }

  function show(form, box, m, q, terms, hits, shown, st) {
    var rootPath = form.getAttribute('data-root');
    var filters = filterControls(form, box, m, st);
    while (box.lastChild && box.lastChild !== filters) box.removeChild(box.lastChild);
    if (filters.parentNode !== box) { box.textContent = ''; box.appendChild(filters); }
    var summary = !terms.length ? 'Type a word of two letters or more.'
        : hits.length === 0 ? 'No papers match “' + q + '”' + (st.filtered() ? ' with these filters.' : '.')
        : hits.length + (hits.length === 1 ? ' paper matches' : ' papers match') +
          (hits.length > shown.length ? '; the first ' + shown.length + ' are shown.' : '.');
    box.appendChild(el('p', 'search-summary', summary));
    if (shown.length) {
      var list = el('ul', 'search-list');
      shown.forEach(function (d) {
        var p = files['d' + Math.floor(d / m.chunk)][d % m.chunk];
        var a = el('a');
        a.href = rootPath + 'papers/' + p[0] + '/index.html';
        a.appendChild(el('span', 'r-title', p[1]));
        var meta = dateLabel(p[2]) + (p[3] > 1 ? ' · listed on ' + p[3] + ' days' : '');
        if (p[4].length) meta += ' · ' + p[4].map(function (i) { return m.themes[i]; }).join(', ');
        a.appendChild(el('span', 'r-meta', meta));
        var li = el('li');
        li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (hits.length > shown.length) {
      var more = el('button', 'search-more', 'More results');
      more.type = 'button';
      more.addEventListener('click', function () {
        st.pages++;
        st.update(function () {
          var links = box.querySelectorAll('.search-list a');
          if (links[shown.length]) links[shown.length].focus();
        });
      });
      box.appendChild(more);
    }
    box.hidden = false;
    status(form, summary);
    if (st.after) { var f = st.after; st.after = null; f(); }
  }

  /** Theme and month filters, made once per page and kept across renders (so focus stays on them). */
  function filterControls(form, box, m, st) {
    if (st.filters) return st.filters;
    var row = el('div', 'search-filters');
    function select(id, label, options, onChange) {
      var wrap = el('span', 'search-filter');
      var l = el('label', null, label);
      l.htmlFor = id;
      var s = el('select');
      s.id = id;
      options.forEach(function (o) {
        var opt = el('option', null, o[1]);
        opt.value = o[0];
        s.appendChild(opt);
      });
      s.addEventListener('change', function () { onChange(s.value); st.pages = 1; st.update(); });
      wrap.appendChild(l);
      wrap.appendChild(s);
      row.appendChild(wrap);
    }
    if (m.themes.length) {
      select('search-theme', 'Theme', [['-1', 'All themes']].concat(m.themes.map(function (t, i) {
        return [String(i), t];
      })), function (v) { st.theme = parseInt(v, 10); });
    }
    if (m.months.length > 1) {
      var months = m.months.map(function (e) {
        return [e[0], MONTHS[parseInt(e[0].substring(5), 10) - 1] + ' ' + e[0].substring(0, 4)];
      });
      select('search-from', 'From', [['', 'the start']].concat(months), function (v) { st.from = v; });
      select('search-to', 'To', [['', 'now']].concat(months), function (v) { st.to = v; });
    }
    st.filters = row;
    return row;
  }

  function initSearch() {
    var form = document.querySelector('form.search');
    if (!form) return;
    var input = form.querySelector('input[type="search"]');
    var box = form.querySelector('.search-results');
    var index = form.getAttribute('data-index');
    searchBase = index.substring(0, index.lastIndexOf('/') + 1);
    var st = { theme: -1, from: '', to: '', pages: 1, filters: null, after: null };
    st.filtered = function () { return st.theme >= 0 || st.from !== '' || st.to !== ''; };
    st.update = function (after) { st.after = after || null; render(form, input, box, st); };
    var update = function () { st.pages = 1; st.update(); };
    input.addEventListener('focus', function () { need(['m'], function () {}, function () {}); });
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
