// quizbuilder engine: enhances form.qb-quiz and div.qb-history (ARCHITECTURE.md, "HTML contract").
// Material's instant navigation re-runs this file: everything below is defined once, and
// every element is enhanced once (data-qb-ready).
((w, d) => {
  'use strict';
  if (w.QuizbuilderEngine) return w.QuizbuilderEngine.init();
  // The default texts (quizbuilder/strings.py): assets.bundle_engine fills them in.
  const C = w.QuizbuilderCore, READY = 'data-qb-ready', drawers = new WeakMap(), DEFAULTS = /*DEFAULT_STRINGS*/{};
  // The result view (results.js and results.css, next to this script) loads when first
  // needed: a quiz is answered or a shared result opens. Quiz pages load less that way.
  const base = (d.currentScript && d.currentScript.src) || location.href;
  let resultsModule = null;
  function loadResults() {
    if (w.QuizbuilderResults) return Promise.resolve(w.QuizbuilderResults);
    const attach = (tag, props) => new Promise((resolve, reject) => {
      const node = el(tag, props);
      node.onload = resolve;
      node.onerror = () => { node.remove(); reject(); };
      d.head.append(node);
    });
    resultsModule = resultsModule || Promise.all([
      attach('link', { rel: 'stylesheet', href: new URL('results.css', base).href }),
      attach('script', { src: new URL('results.js', base).href })
    ]).then(() => w.QuizbuilderResults || Promise.reject(), (e) => { resultsModule = null; throw e; });
    return resultsModule;
  }
  const $$ = (root, sel, fn) => root.querySelectorAll(sel).forEach(fn);

  function el(tag, props, kids) {
    const e = d.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null) continue;
      if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of kids || []) if (c) e.append(c);
    return e;
  }
  const parse = (node, attr) => { try { return JSON.parse(node.getAttribute(attr)); } catch (e) { return null; } };
  function setup(node) {
    const c = parse(node, 'data-qb-config') || {}, s = c.strings || {};
    return { ns: c.storage || location.host || 'local', results: c.results_url, t: (key, vars) => C.fmt(s[key] || DEFAULTS[key] || key, vars) };
  }
  // A text with one "{name}" placeholder, filled with a link.
  function linked(text, name, href) {
    const i = text.indexOf('{name}');
    return i < 0 ? [text] : [text.slice(0, i), el('a', { href, text: name }), text.slice(i + 6)];
  }
  const load = (ns) => { try { return C.readStore(localStorage.getItem(C.storageKey(ns))); } catch (e) { return { ok: false }; } };
  const button = (text, onclick, cls) => el('button', { type: 'button', class: cls || 'md-button', text, onclick });
  const focus = (node) => node && node.focus();
  const refresh = () => $$(d, 'div.qb-history[' + READY + ']', (x) => drawers.get(x)?.());
  const heading = (text) => el('h3', { class: 'qb-result__title', tabindex: '-1', text });

  function enhanceQuiz(form) {
    form.setAttribute(READY, '');
    const q = parse(form, 'data-qb-quiz');
    if (!q || q.v !== 1 || !Array.isArray(q.questions)) return null;
    const { ns, results, t } = setup(form), sets = {}, dims = {}, names = {};
    let out = form.querySelector('.qb-result');
    if (!out) form.append(out = el('div', { class: 'qb-result', role: 'status', 'aria-live': 'polite', tabindex: '-1' }));
    $$(form, 'fieldset[data-qb-question]', (f) => { sets[f.getAttribute('data-qb-question')] = f; });
    for (const x of q.dimensions || []) { dims[x.id] = x; names[x.id] = x.name; }
    $$(form, '.qb-answer', (x) => { x.hidden = true; });

    // Each question's option elements in source order, to reorder per attempt.
    const boxes = {};
    for (const x of q.questions) {
      const box = sets[x.id] && sets[x.id].querySelector('.qb-options');
      if (box) boxes[x.id] = [box, [...box.children]];
    }
    function arrange() {
      const random = C.seededRandom(Math.random() * 4294967296);
      for (const x of q.questions) {
        if (boxes[x.id]) boxes[x.id][0].append(...C.optionOrder(x, random).map((i) => boxes[x.id][1][i]));
      }
    }
    // A checked quiz is settled: inputs stay locked until Retake.
    function lock(locked) {
      for (const f of Object.values(sets)) f.disabled = locked;
      const actions = form.querySelector('.qb-actions');
      if (actions) actions.hidden = locked;
    }
    function markOption(f, x, answer) {
      f.querySelectorAll('.qb-option').forEach((o) => {
        const input = o.querySelector('input'), i = +input.value, chose = answer.includes(i), right = x.options[i].correct;
        const state = chose ? (right ? 'right' : 'wrong') : right ? 'missed' : '';
        if (state) o.querySelector('label').append(el('span', { class: 'qb-mark qb-mark--' + state, text: t('option_' + state) }));
      });
    }
    function mark(f, cls, text) {
      f.classList.add('qb-question--' + cls);
      const p = f.querySelector('.qb-feedback');
      if (p) { p.textContent = text; p.className = 'qb-feedback qb-feedback--' + cls; p.hidden = false; }
    }
    function reset() {
      form.classList.remove('qb-quiz--shared');
      for (const f of Object.values(sets)) {
        f.classList.remove('qb-question--right', 'qb-question--wrong', 'qb-question--missing');
        const p = f.querySelector('.qb-feedback');
        if (p) { p.hidden = true; p.textContent = ''; }
        f.querySelectorAll('.qb-mark').forEach((m) => m.remove());
      }
    }
    // The result is scrolled into view (instantly when the reader prefers reduced
    // motion), then its heading takes focus without a second jump. On page load (a
    // shared link) this waits two frames: the page settles first, so the result does
    // not count as a layout shift.
    function show(nodes, onLoad) {
      out.replaceChildren(...nodes);
      const h = out.querySelector('h3');
      const reveal = () => {
        const still = w.matchMedia && w.matchMedia('(prefers-reduced-motion: reduce)').matches;
        out.scrollIntoView({ block: 'start', behavior: still ? 'instant' : 'smooth' });
        if (h) h.focus({ preventScroll: true });
      };
      onLoad ? requestAnimationFrame(() => requestAnimationFrame(reveal)) : reveal();
    }
    function retake() {
      form.reset();
      reset();
      lock(false);
      arrange();
      $$(form, '.qb-answer', (x) => { x.hidden = true; x.open = false; });
      out.replaceChildren();
      if (/^#qb=/.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
      focus(form.querySelector('.qb-question input'));
    }
    const view = { quiz: q, sets, t, el, button, linked, show, retake, names, dims, results };
    function render(r, shared, saved) {
      loadResults().then((module) => module.render(view, r, shared, saved),
        () => show([heading(t('results_unavailable')), el('p', { class: 'qb-result__actions' }, [button(t('retry'), retake)])], shared));
    }
    // Fetch the result view while the reader is still answering.
    form.addEventListener('change', () => loadResults().catch(() => {}), { once: true });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (form.querySelector('fieldset:disabled')) return;
      reset();
      const a = Object.create(null);
      $$(form, 'input:checked', (i) => { if (/^\d+$/.test(i.value)) (a[i.name] = a[i.name] || []).push(+i.value); });
      // Source indexes in ascending order: what is saved never depends on the order shown.
      for (const id in a) a[id].sort((x, y) => x - y);
      const r = C.score(q, a);
      if (r.status !== 'ok') {
        const links = r.missing.filter((id) => sets[id]).map((id) => {
          const f = sets[id], legend = f.querySelector('legend');
          mark(f, 'missing', t('unanswered'));
          return el('li', null, [el('a', {
            href: '#' + f.id, text: (legend ? legend.textContent : id).trim(),
            // Kept from Material's instant navigation, which would blur the input.
            onclick: (e) => { e.preventDefault(); e.stopPropagation(); focus(f.querySelector('input')); }
          })]);
        });
        return show([heading(t('incomplete_title')), el('p', { text: t('incomplete') }), el('ul', null, links)]);
      }
      if (r.kind === 'graded') {
        for (const x of q.questions) {
          const f = sets[x.id], ok = r.questions[x.id], answer = f && f.querySelector('.qb-answer');
          if (!f) continue;
          mark(f, ok ? 'right' : 'wrong', t(ok ? 'correct' : 'incorrect'));
          markOption(f, x, a[x.id]);
          if (answer) { answer.hidden = false; answer.open = true; }
        }
      }
      lock(true);
      const s = load(ns);
      let saved = false;
      if (s.ok) {
        try {
          localStorage.setItem(C.storageKey(ns), JSON.stringify(C.addAttempt(s.store, {
            quiz: q.id, role: q.role, title: q.title, url: location.pathname, names,
            date: new Date().toISOString(), answers: a, result: r
          })));
          saved = true;
          refresh();
        } catch (e) { /* full or blocked: the notice says so */ }
      }
      render(r, false, saved);
      form.dispatchEvent(new CustomEvent('quizbuilder:result', { bubbles: true, detail: r }));
    });
    arrange();
    return {
      q,
      shared: (r) => { form.classList.add('qb-quiz--shared'); render(r, true); },
      invalid: () => show([heading(t('share_invalid')), el('p', { class: 'qb-result__actions' }, [button(t('take_quiz'), retake)])], true)
    };
  }

  function showShared(made) {
    const m = /^#qb=(.*)$/.exec(location.hash);
    if (!m || !made.length) return;
    let target = null;
    for (const x of made) {
      try { return x.shared(C.decodeShare(x.q, m[1])); } catch (e) { if (!target && e.code !== 'quiz') target = x; }
    }
    (target || made[0]).invalid();
  }

  function enhanceHistory(div) {
    div.setAttribute(READY, '');
    const { ns, t } = setup(div), key = C.storageKey(ns);
    const live = el('p', { class: 'qb-history__status', role: 'status' }), body = el('div', { class: 'qb-history__body', tabindex: '-1' });
    div.append(live, body);
    // `exact` adds seconds: attempts a minute apart still get distinct button names.
    const when = (iso, exact) => {
      const x = new Date(iso);
      return isNaN(x) ? iso : x.toLocaleString(d.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: exact ? 'medium' : 'short' });
    };
    const summary = ({ result: r, names }) => (r.kind === 'graded' ? t('score', r)
      : (r.dimensions || []).map((x) => ((names || {})[x.id] || x.id) + ' ' + t('percent', x)).join(', '));
    function download(name, type, text) {
      const u = URL.createObjectURL(new Blob([text], { type })), a = el('a', { href: u, download: name });
      d.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(u), 1000);
    }
    function change(store, msg) {
      try {
        if (store) localStorage.setItem(key, JSON.stringify(store)); else localStorage.removeItem(key);
      } catch (e) { live.textContent = t('not_saved'); return; }
      draw();
      live.textContent = t(msg);
      focus(body);
    }
    function draw() {
      const s = load(ns), groups = new Map(), kids = [], tools = [];
      if (!s.ok) kids.push(el('p', { class: 'qb-note qb-note--warn', text: t(s.reason === 'newer' ? 'history_newer' : 'history_unreadable') }));
      else {
        s.store.attempts.map((a, i) => [a, i]).filter(([a]) => C.validAttempt(a))
          .sort(([a, i], [b, j]) => (a.date < b.date ? 1 : a.date > b.date ? -1 : j - i))
          .forEach((p) => { groups.set(p[0].quiz, [...(groups.get(p[0].quiz) || []), p]); });
        if (!groups.size) kids.push(el('p', { text: t('history_empty') }));
      }
      groups.forEach((items) => {
        const a0 = items[0][0];
        kids.push(el('h2', null, [el('a', { href: a0.url || '../roles/' + a0.role + '/', text: a0.title || a0.quiz })]));
        kids.push(el('ul', { class: 'qb-history__list' }, items.map(([a, i]) => {
          const del = button(t('history_delete'), () => change(C.removeAttempt(s.store, i), 'history_deleted'), 'qb-link-button');
          del.setAttribute('aria-label', t('history_delete_label', { date: when(a.date, 1), result: summary(a) }));
          return el('li', null, [el('time', { datetime: a.date, text: when(a.date) }), ' — ', summary(a), ' ', del]);
        })));
      });
      if (groups.size) {
        tools.push(
          button(t('download_json'), () => download('quiz-results.json', 'application/json', C.toJSON(s.store))),
          button(t('download_csv'), () => download('quiz-results.csv', 'text/csv', C.toCSV(s.store.attempts))));
      }
      if (groups.size || s.reason) {
        tools.push(button(t('history_clear'), () => { if (w.confirm(t('history_confirm'))) change(null, 'history_cleared'); }));
      }
      if (tools.length) kids.push(el('p', { class: 'qb-history__tools' }, tools));
      body.replaceChildren(...kids);
    }
    drawers.set(div, draw);
    draw();
  }

  function init() {
    d.documentElement.classList.add('qb-js');
    const made = [];
    $$(d, 'form.qb-quiz:not([' + READY + '])', (f) => { const x = enhanceQuiz(f); if (x) made.push(x); });
    showShared(made);
    $$(d, 'div.qb-history:not([' + READY + '])', enhanceHistory);
  }

  // `strings`: results.js adds the defaults of the texts only it shows.
  w.QuizbuilderEngine = { init, strings: DEFAULTS };
  w.addEventListener('storage', (e) => {
    if (e.key === null || e.key.startsWith('quizbuilder:')) refresh();
  });
  if (typeof w.document$?.subscribe === 'function') w.document$.subscribe(() => init());
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init); else init();
})(window, document);
