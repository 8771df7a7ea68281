// quizbuilder "My results" over time: the change between a quiz's last two attempts, a
// chart of every attempt, the attempts themselves, exports with an optional label, and a
// printable summary. Loaded on the results page only, before the engine, which hands
// each div.qb-history to `enhance` (and keeps its plain list when this file is missing).
((w, d) => {
  'use strict';
  const H = w.QuizbuilderHistoryCore, SVG = 'http://www.w3.org/2000/svg', DONE = 'data-qb-progress';
  // The default texts only this page uses (assets.bundle_history fills them in).
  const DEFAULTS = /*HISTORY_STRINGS*/{};
  const WIDTH = 320, HEIGHT = 120, PAD = { top: 10, right: 12, bottom: 10, left: 34 };

  function svg(tag, attrs, kids) {
    const e = d.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of kids || []) e.append(c);
    return e;
  }

  function enhance(div, api) {
    div.setAttribute(DONE, '');
    const C = w.QuizbuilderCore, { el, button, focus } = api, conf = api.setup(div), { ns } = conf;
    const t = (key, vars) => (conf.strings[key] ? conf.t(key, vars) : C.fmt(DEFAULTS[key] || conf.t(key), vars));
    // A count-bearing text in the form for its count (plural.js, bundled before this).
    const counted = (key, count, vars) =>
      t(globalThis.QuizbuilderPlural.pluralKey({ ...DEFAULTS, ...conf.strings }, key, count), vars);
    const key = C.storageKey(ns);
    const live = el('p', { class: 'qb-history__status', role: 'status' }), body = el('div', { class: 'qb-history__body', tabindex: '-1' });
    div.replaceChildren(...div.querySelectorAll('noscript'), live, body);
    const lang = d.documentElement.lang || undefined;
    const when = (iso, exact) => {
      const x = new Date(iso);
      return isNaN(x) ? iso : x.toLocaleString(lang, { dateStyle: 'medium', timeStyle: exact ? 'medium' : 'short' });
    };
    const name = (group, id) => (id === 'score' && group.kind === 'graded' ? t('history_score_name') : group.names[id] || id);
    function summary(group, attempt) {
      const r = attempt.result;
      if (r.kind === 'graded') return t('score', r);
      const parts = H.values(attempt).map((x) => name(group, x.id) + ' ' + t('percent', { percent: x.value }));
      const closest = Array.isArray(r.closest) && r.closest[0] && r.closest[0].title;
      if (closest) parts.push(t('history_closest', { name: closest }));
      return parts.join(', ') || t('history_done');
    }

    function changeList(group) {
      const rows = H.change(group);
      if (!rows) return [el('p', { class: 'qb-progress__one', text: t('history_one') })];
      return [el('h3', { text: t('history_change_title') }), el('ul', { class: 'qb-progress__change' }, rows.map((row) => {
        const show = (x) => (x.total ? t('score', x) : t('percent', { percent: x.value }));
        const vars = { name: name(group, row.id), after: show(row.after) };
        if (!row.before) return el('li', { text: t('history_change_new', vars) });
        const same = row.after.total && row.after.total === row.before.total;
        const delta = same ? row.after.correct - row.before.correct : row.delta;
        return el('li', { class: 'qb-progress__row qb-progress__row--' + (delta > 0 ? 'up' : delta < 0 ? 'down' : 'same') },
          [t('history_change_row', { ...vars, before: show(row.before), delta: H.signed(delta) })]);
      }))];
    }

    function chartNodes(group) {
      if (group.items.length < 2) return [];
      const c = H.chart(group, WIDTH, HEIGHT, PAD), kids = [];
      for (const g of c.grid) {
        kids.push(svg('line', { class: 'qb-chart__grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: g.y, y2: g.y }));
        const label = svg('text', { class: 'qb-chart__axis', x: PAD.left - 6, y: g.y + 4, 'text-anchor': 'end' });
        label.textContent = g.value;
        kids.push(label);
      }
      const described = c.series.map((s, i) => {
        const cls = 'qb-chart__series qb-chart__series--' + (i % 6);
        kids.push(svg('g', { class: cls }, [
          svg('polyline', { points: s.points.map((p) => p.x + ',' + p.y).join(' '), fill: 'none' }),
          ...s.points.map((p) => svg('circle', { cx: p.x, cy: p.y, r: 3 }))
        ]));
        return name(group, s.id) + ' ' + s.points.map((p) => p.value).join(', ');
      });
      const label = counted('history_chart_label', group.items.length, { count: group.items.length, series: described.join('; ') });
      const picture = svg('svg', { class: 'qb-chart__svg', viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'aria-label': label, focusable: 'false' }, kids);
      const legend = c.series.length < 2 ? null : el('ul', { class: 'qb-chart__legend', 'aria-hidden': 'true' }, c.series.map((s, i) =>
        el('li', { class: 'qb-chart__series qb-chart__series--' + (i % 6) }, [
          svg('svg', { viewBox: '0 0 24 8', width: 24, height: 8 }, [svg('line', { x1: 0, x2: 24, y1: 4, y2: 4 })]), ' ' + name(group, s.id)])));
      const ids = c.series.map((s) => s.id);
      const table = el('table', null, [
        el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: t('history_date') }), ...ids.map((id) => el('th', { scope: 'col', text: name(group, id) }))])]),
        el('tbody', null, group.items.map(({ attempt }) => {
          const v = new Map(H.values(attempt).map((x) => [x.id, x.value]));
          return el('tr', null, [el('th', { scope: 'row', text: when(attempt.date) }), ...ids.map((id) => el('td', { text: v.has(id) ? String(v.get(id)) : '–' }))]);
        }))
      ]);
      return [el('figure', { class: 'qb-chart' }, [picture, legend,
        el('details', { class: 'qb-chart__table' }, [el('summary', { text: t('history_chart_table') }), table])])];
    }

    function download(file, type, text) {
      const u = URL.createObjectURL(new Blob([text], { type })), a = el('a', { href: u, download: file });
      d.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(u), 1000);
    }
    function save(store, msg) {
      try {
        if (store) localStorage.setItem(key, JSON.stringify(store)); else localStorage.removeItem(key);
      } catch (e) { live.textContent = t('not_saved'); return; }
      draw();
      live.textContent = t(msg);
      focus(body);
    }

    let label = '';
    function draw() {
      const s = api.load(ns), kids = [], tools = [];
      const all = s.ok ? H.groups(s.store.attempts) : [];
      if (!s.ok) kids.push(el('p', { class: 'qb-note qb-note--warn', text: t(s.reason === 'newer' ? 'history_newer' : 'history_unreadable') }));
      else if (!all.length) {
        kids.push(el('p', { text: t('history_empty') }), el('ul', { class: 'qb-progress__start' }, [
          conf.config.finder_url && el('li', null, [el('a', { href: conf.config.finder_url, text: t('history_start_finder') })]),
          conf.config.roles_url && el('li', null, [el('a', { href: conf.config.roles_url, text: t('history_start_roles') })])]));
      }
      for (const group of all) {
        const latest = group.items[group.items.length - 1].attempt;
        const list = el('ul', { class: 'qb-history__list' }, [...group.items].reverse().map(({ attempt, index }) => {
          const del = button(t('history_delete'), () => save(C.removeAttempt(s.store, index), 'history_deleted'), 'qb-link-button');
          del.setAttribute('aria-label', t('history_delete_label', { date: when(attempt.date, 1), result: summary(group, attempt) }));
          return el('li', null, [el('time', { datetime: attempt.date, text: when(attempt.date) }), ' — ', summary(group, attempt), ' ', del]);
        }));
        kids.push(el('section', { class: 'qb-progress' }, [
          el('h2', null, [el('a', { href: group.url || '../roles/' + group.role + '/', text: group.title })]),
          el('p', { class: 'qb-progress__latest' }, [t('history_latest', { date: when(latest.date) }) + ' ', el('strong', { text: summary(group, latest) })]),
          ...changeList(group), ...chartNodes(group),
          el('h3', { class: 'qb-progress__all', text: counted('history_attempts', group.items.length, { count: group.items.length }) }), list
        ]));
      }
      if (all.length) {
        const input = el('input', { type: 'text', id: 'qb-export-label', class: 'qb-export__input', maxlength: H.LABEL_MAX, autocomplete: 'off', value: label,
          'aria-describedby': 'qb-export-hint', oninput: (e) => { label = e.target.value; } });
        kids.push(el('h2', { class: 'qb-export__title', text: t('history_export_title') }), el('p', { class: 'qb-export' }, [
          el('label', { for: 'qb-export-label', text: t('history_label') }), input,
          el('span', { class: 'qb-export__hint', id: 'qb-export-hint', text: t('history_label_hint') })]));
        tools.push(
          button(t('download_json'), () => download('quiz-results.json', 'application/json', H.exportJSON(s.store, ns, label, new Date().toISOString()))),
          button(t('download_csv'), () => download('quiz-results.csv', 'text/csv', C.toCSV(s.store.attempts))),
          button(t('history_print'), () => w.print()));
      }
      if (all.length || s.reason) {
        tools.push(button(t('history_clear'), () => { if (w.confirm(t('history_confirm'))) save(null, 'history_cleared'); }));
      }
      if (tools.length) kids.push(el('p', { class: 'qb-history__tools' }, tools));
      body.replaceChildren(...kids);
    }
    api.register(div, draw);
    draw();
  }

  w.QuizbuilderHistory = { enhance };
  // Drawn by the engine's plain list already (this file came later): take over.
  const E = w.QuizbuilderEngine;
  if (E && E.api) d.querySelectorAll('div.qb-history[data-qb-ready]:not([' + DONE + '])').forEach((div) => enhance(div, E.api));
})(window, document);
