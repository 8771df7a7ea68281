// quizbuilder team view: a trainer adds exported "My results" files (picked or dropped);
// team-core.js aggregates them against the site's quizzes and this file draws the
// tables. Everything stays in the browser. Builds DOM nodes only (never HTML strings).
((w, d) => {
  'use strict';
  const T = w.QuizbuilderTeamCore, READY = 'data-qb-ready';
  // The default texts only this page uses (assets.bundle_team fills them in).
  const DEFAULTS = /*TEAM_STRINGS*/{};

  function el(tag, props, kids) {
    const e = d.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null) continue;
      if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of kids || []) if (c != null && c !== false) e.append(c);
    return e;
  }
  const parse = (node, attr) => { try { return JSON.parse(node.getAttribute(attr)); } catch (e) { return null; } };
  const fmt = (s, vars) => String(s).replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));

  function enhance(div) {
    div.setAttribute(READY, '');
    const conf = parse(div, 'data-qb-config') || {}, catalogue = parse(div, 'data-qb-team');
    if (!Array.isArray(catalogue)) return;
    const strings = conf.strings || {}, site = conf.storage || '';
    const t = (key, vars) => fmt(strings[key] || DEFAULTS[key] || key, vars);
    // A count-bearing text in the form for its count (plural.js, bundled before this).
    const counted = (key, count, vars) =>
      t(globalThis.QuizbuilderPlural.pluralKey({ ...DEFAULTS, ...strings }, key, count), vars);
    const files = [];
    let result = null;

    const input = el('input', { type: 'file', id: 'qb-team-files', class: 'qb-team__input', multiple: '', accept: '.json,application/json' });
    const drop = el('div', { class: 'qb-team__drop' }, [
      el('p', { text: t('team_drop') }), el('label', { for: 'qb-team-files', class: 'qb-team__pick', text: t('team_pick') }), ' ', input]);
    const status = el('p', { class: 'qb-team__status', role: 'status' });
    const list = el('ul', { class: 'qb-team__files' });
    const tools = el('p', { class: 'qb-team__tools' });
    const out = el('div', { class: 'qb-team__quizzes' });
    div.replaceChildren(...div.querySelectorAll('noscript'), drop, status, el('h2', { text: t('team_files_title') }), list, tools, out);

    async function add(picked) {
      for (const file of picked) {
        // A file over the limit is never read: its size is enough to refuse it.
        const text = file.size > T.MAX_BYTES ? '' : await file.text().catch(() => '\u0000');
        files.push({ name: file.name, size: file.size, text });
      }
      draw();
    }
    input.addEventListener('change', () => { add([...input.files]).finally(() => { input.value = ''; }); });
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('qb-team__drop--over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('qb-team__drop--over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('qb-team__drop--over');
      add([...((e.dataTransfer && e.dataTransfer.files) || [])]);
    });

    function message(f) {
      const vars = { ...f, quizzes: (f.quizzes || []).join(', '), max: T.MAX_BYTES / 1024,
        size: Math.ceil((files.find((x) => x.name === f.name) || {}).size / 1024) };
      if (f.status === 'error') return t('team_err_' + f.code, vars);
      if (f.status === 'partial') return counted('team_file_partial', f.count, vars);
      return counted(f.label ? 'team_file_label' : 'team_file_ok', f.count, vars);
    }
    const people = (n) => counted('team_people', n, { count: n });
    const th = (text, scope) => el('th', { scope: scope || 'col', text });
    const bandCells = (bands) => bands.map((b) => el('td', { class: 'qb-team__num', text: String(b.count) }));

    // A table wider than the screen scrolls in its own region, which the keyboard can reach.
    const scroller = (cls, label, kids) => el('div', { class: 'qb-team__table ' + cls, tabindex: '0', role: 'group', 'aria-label': label }, kids);
    function quizSection(q) {
      const kids = [el('h2', { text: q.title }), el('p', { class: 'qb-team__people', text: people(q.people) })];
      const quiz = catalogue.find((x) => x.id === q.id) || {};
      if (quiz.role) kids.splice(1, 0, el('p', { class: 'qb-team__role', text: quiz.role }));
      if (q.kind === 'graded') {
        kids.push(el('p', { class: 'qb-team__average', text: t('team_average', { percent: q.average }) }));
        kids.push(scroller('qb-team__bands', t('team_table_bands', q), [el('table', null, [
          el('thead', null, [el('tr', null, q.bands.map((b) => th(b.label)))]),
          el('tbody', null, [el('tr', null, bandCells(q.bands))])])]));
        kids.push(el('p', { text: t('team_missed_first') }));
        kids.push(scroller('qb-team__questions', t('team_table_questions', q), [el('table', null, [
          el('thead', null, [el('tr', null, [th(t('team_col_question')), th(t('team_col_correct')), th(t('team_col_people'))])]),
          el('tbody', null, q.questions.map((x) => el('tr', { 'data-question': x.id }, [th(x.text, 'row'),
            el('td', { class: 'qb-team__num', text: x.percent == null ? '–' : x.percent + '%' }),
            el('td', { class: 'qb-team__num', text: String(x.answered) })])))])]));
      } else {
        const bands = quiz.bands || [];
        kids.push(scroller('qb-team__dimensions', t('team_table_dimensions', q), [el('table', null, [
          el('thead', null, [el('tr', null, [th(t('team_col_dimension')), th(t('team_col_average')), th(t('team_col_people')), ...bands.map((b) => th(b.label))])]),
          el('tbody', null, q.dimensions.map((x) => el('tr', { 'data-dimension': x.id }, [th(x.name, 'row'),
            el('td', { class: 'qb-team__num', text: x.average + '%' }), el('td', { class: 'qb-team__num', text: String(x.people) }), ...bandCells(x.bands)])))])]));
      }
      return el('section', { class: 'qb-team__quiz', 'data-quiz': q.id }, [el('div', { class: 'qb-team__scroll' }, kids)]);
    }

    function download() {
      const u = URL.createObjectURL(new Blob([T.toCSV(result)], { type: 'text/csv' })), a = el('a', { href: u, download: 'team-results.csv' });
      d.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(u), 1000);
    }

    function draw() {
      result = T.aggregate(catalogue, site, files);
      list.replaceChildren(...(files.length ? result.files.map((f) => el('li', { class: 'qb-team__file qb-team__file--' + f.status, 'data-code': f.code || 'ok' }, [message(f)]))
        : [el('li', { text: t('team_none') })]));
      status.textContent = files.length ? counted('team_summary', files.length, { people: result.people, files: files.length }) : '';
      tools.replaceChildren(...(files.length ? [
        result.quizzes.length && el('button', { type: 'button', class: 'md-button', text: t('team_csv'), onclick: download }),
        el('button', { type: 'button', class: 'md-button', text: t('team_clear'), onclick: () => { files.length = 0; draw(); input.focus(); } })] : []));
      out.replaceChildren(...result.quizzes.map(quizSection));
    }
    draw();
  }

  const init = () => d.querySelectorAll('div.qb-team:not([' + READY + '])').forEach(enhance);
  // Material's instant navigation runs this file again on each visit: set up once.
  if (w.QuizbuilderTeam) return init();
  w.QuizbuilderTeam = { init };
  if (typeof w.document$?.subscribe === 'function') w.document$.subscribe(init);
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init); else init();
})(window, document);
