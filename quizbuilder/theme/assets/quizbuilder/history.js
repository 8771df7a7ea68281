// quizbuilder "My results": every saved attempt, the change between a quiz's last two
// attempts, a chart of every attempt, the one export format (history-core.js) with an
// optional label, CSV, and a printable summary. The results page loads only this script
// (with common.js, dom.js, store.js and history-core.js bundled in); no other script
// draws "My results". Material's instant navigation re-runs it: set up once.
((window, document) => {
  'use strict';
  if (window.QuizbuilderHistory) return window.QuizbuilderHistory.init();
  const historyCore = window.QuizbuilderHistoryCore;
  const store = window.QuizbuilderStore;
  const { textLookup } = window.QuizbuilderCommon;
  const { element, svgElement, readJsonAttribute, button, download, whenReady } = window.QuizbuilderDom;
  const READY = 'data-qb-ready';
  // Marks an element history.js drew, as the page's tests and styles know it.
  const DRAWN = 'data-qb-progress';
  // The default texts of this page (assets.bundle_history fills them in).
  const DEFAULTS = /*HISTORY_STRINGS*/{};
  const WIDTH = 320;
  const HEIGHT = 120;
  const PAD = { top: 10, right: 12, bottom: 10, left: 34 };
  // Each enhanced element's redraw, for results saved in another tab.
  const drawers = new Map();

  function loadStore(namespace) {
    try {
      return store.readStore(localStorage.getItem(store.storageKey(namespace)));
    } catch (error) {
      return { ok: false };
    }
  }

  function enhance(div) {
    div.setAttribute(READY, '');
    div.setAttribute(DRAWN, '');
    const config = readJsonAttribute(div, 'data-qb-config') || {};
    const namespace = config.storage || location.host || 'local';
    const text = textLookup(config.strings || {}, DEFAULTS);
    const key = store.storageKey(namespace);
    const live = element('p', { class: 'qb-history__status', role: 'status' });
    const body = element('div', { class: 'qb-history__body', tabindex: '-1' });
    div.replaceChildren(...div.querySelectorAll('noscript'), live, body);
    const language = document.documentElement.lang || undefined;
    // `exact` adds seconds: attempts a minute apart still get distinct button names.
    const when = (iso, exact) => {
      const date = new Date(iso);
      if (isNaN(date)) return iso;
      return date.toLocaleString(language, { dateStyle: 'medium', timeStyle: exact ? 'medium' : 'short' });
    };
    const seriesName = (group, id) => {
      if (id === 'score' && group.kind === 'graded') return text('history_score_name');
      return group.names[id] || id;
    };

    function summary(group, attempt) {
      const result = attempt.result;
      if (result.kind === 'graded') return text('score', result);
      const parts = historyCore
        .values(attempt)
        .map(
          (measured) => seriesName(group, measured.id) + ' ' + text('percent', { percent: measured.value })
        );
      const closest = Array.isArray(result.closest) && result.closest[0] && result.closest[0].title;
      if (closest) parts.push(text('history_closest', { name: closest }));
      return parts.join(', ') || text('history_done');
    }

    function changeRow(group, row) {
      const shown = (measured) =>
        measured.total ? text('score', measured) : text('percent', { percent: measured.value });
      const values = { name: seriesName(group, row.id), after: shown(row.after) };
      if (!row.before) return element('li', { text: text('history_change_new', values) });
      const sameTotal = row.after.total && row.after.total === row.before.total;
      const delta = sameTotal ? row.after.correct - row.before.correct : row.delta;
      let direction = 'same';
      if (delta > 0) direction = 'up';
      else if (delta < 0) direction = 'down';
      const rowText = text('history_change_row', {
        ...values,
        before: shown(row.before),
        delta: historyCore.signed(delta)
      });
      return element('li', { class: 'qb-progress__row qb-progress__row--' + direction }, [rowText]);
    }

    function changeList(group) {
      const rows = historyCore.change(group);
      if (!rows) return [element('p', { class: 'qb-progress__one', text: text('history_one') })];
      return [
        element('h3', { text: text('history_change_title') }),
        element(
          'ul',
          { class: 'qb-progress__change' },
          rows.map((row) => changeRow(group, row))
        )
      ];
    }

    const seriesClass = (position) => 'qb-chart__series qb-chart__series--' + (position % 6);

    function chartPicture(group, geometry) {
      const parts = [];
      for (const line of geometry.grid) {
        parts.push(
          svgElement('line', {
            class: 'qb-chart__grid',
            x1: PAD.left,
            x2: WIDTH - PAD.right,
            y1: line.y,
            y2: line.y
          })
        );
        const axisProps = { class: 'qb-chart__axis', x: PAD.left - 6, y: line.y + 4, 'text-anchor': 'end' };
        parts.push(svgElement('text', { ...axisProps, text: String(line.value) }));
      }
      const described = geometry.series.map((series, position) => {
        const points = series.points.map((point) => point.x + ',' + point.y).join(' ');
        parts.push(
          svgElement('g', { class: seriesClass(position) }, [
            svgElement('polyline', { points, fill: 'none' }),
            ...series.points.map((point) => svgElement('circle', { cx: point.x, cy: point.y, r: 3 }))
          ])
        );
        return seriesName(group, series.id) + ' ' + series.points.map((point) => point.value).join(', ');
      });
      const count = group.items.length;
      const label = text.counted('history_chart_label', count, { count, series: described.join('; ') });
      return svgElement(
        'svg',
        {
          class: 'qb-chart__svg',
          viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT,
          role: 'img',
          'aria-label': label,
          focusable: 'false'
        },
        parts
      );
    }

    function chartLegend(group, geometry) {
      if (geometry.series.length < 2) return null;
      const items = geometry.series.map((series, position) => {
        const sample = svgElement('svg', { viewBox: '0 0 24 8', width: 24, height: 8 }, [
          svgElement('line', { x1: 0, x2: 24, y1: 4, y2: 4 })
        ]);
        return element('li', { class: seriesClass(position) }, [
          sample,
          ' ' + seriesName(group, series.id)
        ]);
      });
      return element('ul', { class: 'qb-chart__legend', 'aria-hidden': 'true' }, items);
    }

    function chartTable(group, geometry) {
      const ids = geometry.series.map((series) => series.id);
      const headings = ids.map((id) => element('th', { scope: 'col', text: seriesName(group, id) }));
      const rows = group.items.map(({ attempt }) => {
        const measured = new Map(historyCore.values(attempt).map((value) => [value.id, value.value]));
        const cells = ids.map((id) =>
          element('td', { text: measured.has(id) ? String(measured.get(id)) : '–' })
        );
        return element('tr', null, [element('th', { scope: 'row', text: when(attempt.date) }), ...cells]);
      });
      return element('table', null, [
        element('thead', null, [
          element('tr', null, [element('th', { scope: 'col', text: text('history_date') }), ...headings])
        ]),
        element('tbody', null, rows)
      ]);
    }

    function chartNodes(group) {
      if (group.items.length < 2) return [];
      const geometry = historyCore.chart(group, WIDTH, HEIGHT, PAD);
      const table = element('details', { class: 'qb-chart__table' }, [
        element('summary', { text: text('history_chart_table') }),
        chartTable(group, geometry)
      ]);
      return [
        element('figure', { class: 'qb-chart' }, [
          chartPicture(group, geometry),
          chartLegend(group, geometry),
          table
        ])
      ];
    }

    function save(updated, message) {
      try {
        if (updated) localStorage.setItem(key, JSON.stringify(updated));
        else localStorage.removeItem(key);
      } catch (error) {
        live.textContent = text('not_saved');
        return;
      }
      draw();
      live.textContent = text(message);
      body.focus();
    }

    function attemptList(stored, group) {
      const items = [...group.items].reverse().map(({ attempt, index }) => {
        const remove = () => save(store.removeAttempt(stored.store, index), 'history_deleted');
        const deleteButton = button(text('history_delete'), remove, 'qb-link-button');
        const deleteLabel = text('history_delete_label', {
          date: when(attempt.date, true),
          result: summary(group, attempt)
        });
        deleteButton.setAttribute('aria-label', deleteLabel);
        const time = element('time', { datetime: attempt.date, text: when(attempt.date) });
        return element('li', null, [time, ' — ', summary(group, attempt), ' ', deleteButton]);
      });
      return element('ul', { class: 'qb-history__list' }, items);
    }

    function groupSection(stored, group) {
      const latest = group.items[group.items.length - 1].attempt;
      const count = group.items.length;
      const quizLink = element('a', {
        href: group.url || '../roles/' + group.role + '/',
        text: group.title
      });
      return element('section', { class: 'qb-progress' }, [
        element('h2', null, [quizLink]),
        element('p', { class: 'qb-progress__latest' }, [
          text('history_latest', { date: when(latest.date) }) + ' ',
          element('strong', { text: summary(group, latest) })
        ]),
        ...changeList(group),
        ...chartNodes(group),
        element('h3', {
          class: 'qb-progress__all',
          text: text.counted('history_attempts', count, { count })
        }),
        attemptList(stored, group)
      ]);
    }

    function emptyNodes() {
      const start = [];
      if (config.finder_url) {
        start.push(
          element('li', null, [
            element('a', { href: config.finder_url, text: text('history_start_finder') })
          ])
        );
      }
      if (config.roles_url) {
        start.push(
          element('li', null, [element('a', { href: config.roles_url, text: text('history_start_roles') })])
        );
      }
      return [
        element('p', { text: text('history_empty') }),
        element('ul', { class: 'qb-progress__start' }, start)
      ];
    }

    // The label typed for the download survives redraws.
    let label = '';
    function exportNodes() {
      const input = element('input', {
        type: 'text',
        id: 'qb-export-label',
        class: 'qb-export__input',
        maxlength: historyCore.LABEL_MAX,
        autocomplete: 'off',
        value: label,
        'aria-describedby': 'qb-export-hint',
        oninput: (event) => {
          label = event.target.value;
        }
      });
      return [
        element('h2', { class: 'qb-export__title', text: text('history_export_title') }),
        element('p', { class: 'qb-export' }, [
          element('label', { for: 'qb-export-label', text: text('history_label') }),
          input,
          element('span', {
            class: 'qb-export__hint',
            id: 'qb-export-hint',
            text: text('history_label_hint')
          })
        ])
      ];
    }

    function draw() {
      const stored = loadStore(namespace);
      const groups = stored.ok ? historyCore.groups(stored.store.attempts) : [];
      const children = [];
      const tools = [];
      if (!stored.ok) {
        const warning = text(stored.reason === 'newer' ? 'history_newer' : 'history_unreadable');
        children.push(element('p', { class: 'qb-note qb-note--warn', text: warning }));
      } else if (!groups.length) {
        children.push(...emptyNodes());
      }
      for (const group of groups) children.push(groupSection(stored, group));
      if (groups.length) {
        children.push(...exportNodes());
        const exportJson = () => {
          const content = historyCore.exportJSON(stored.store, namespace, label, new Date().toISOString());
          download('quiz-results.json', 'application/json', content);
        };
        const exportCsv = () =>
          download('quiz-results.csv', 'text/csv', store.toCSV(stored.store.attempts));
        tools.push(
          button(text('download_json'), exportJson),
          button(text('download_csv'), exportCsv),
          button(text('history_print'), () => window.print())
        );
      }
      if (groups.length || stored.reason) {
        const clear = () => {
          if (window.confirm(text('history_confirm'))) save(null, 'history_cleared');
        };
        tools.push(button(text('history_clear'), clear));
      }
      if (tools.length) children.push(element('p', { class: 'qb-history__tools' }, tools));
      body.replaceChildren(...children);
    }
    drawers.set(div, draw);
    draw();
  }

  function init() {
    // The class hides the <noscript> note (quizbuilder.css), as the quiz engine does.
    document.documentElement.classList.add('qb-js');
    for (const div of drawers.keys()) {
      if (!div.isConnected) drawers.delete(div);
    }
    document.querySelectorAll('div.qb-history:not([' + READY + '])').forEach(enhance);
  }

  window.QuizbuilderHistory = { init };
  const redraw = () => {
    for (const draw of drawers.values()) draw();
  };
  // A result saved in another tab shows here at once.
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('quizbuilder:')) redraw();
  });
  // So does one saved on this page: the engine and the finder announce each result
  // (after saving it) with these events, and need not know this script.
  document.addEventListener('quizbuilder:result', redraw);
  document.addEventListener('quizbuilder:finder', redraw);
  whenReady(init);
})(window, document);
