// quizbuilder team view: a trainer adds exported "My results" files (picked or dropped);
// team-core.js aggregates them against the site's quizzes and this file draws the
// tables. Everything stays in the browser. Builds DOM nodes only (never HTML strings).
((window, document) => {
  'use strict';
  // Material's instant navigation runs this file again on each visit: set up once.
  if (window.QuizbuilderTeam) return window.QuizbuilderTeam.init();
  const teamCore = window.QuizbuilderTeamCore;
  const { textLookup } = window.QuizbuilderCommon;
  const { element, readJsonAttribute, button, download, whenReady } = window.QuizbuilderDom;
  const READY = 'data-qb-ready';
  // The default texts only this page uses (assets.bundle_team fills them in).
  const DEFAULTS = /*TEAM_STRINGS*/{};
  const KILOBYTE = 1024;

  function enhance(div) {
    div.setAttribute(READY, '');
    const config = readJsonAttribute(div, 'data-qb-config') || {};
    const catalogue = readJsonAttribute(div, 'data-qb-team');
    if (!Array.isArray(catalogue)) return;
    const site = config.storage || '';
    const text = textLookup(config.strings || {}, DEFAULTS);
    const files = [];
    let result = null;

    const input = element('input', {
      type: 'file',
      id: 'qb-team-files',
      class: 'qb-team__input',
      multiple: '',
      accept: '.json,application/json'
    });
    const drop = element('div', { class: 'qb-team__drop' }, [
      element('p', { text: text('team_drop') }),
      element('label', { for: 'qb-team-files', class: 'qb-team__pick', text: text('team_pick') }),
      ' ',
      input
    ]);
    const status = element('p', { class: 'qb-team__status', role: 'status' });
    const list = element('ul', { class: 'qb-team__files' });
    const tools = element('p', { class: 'qb-team__tools' });
    const output = element('div', { class: 'qb-team__quizzes' });
    const filesTitle = element('h2', { text: text('team_files_title') });
    div.replaceChildren(...div.querySelectorAll('noscript'), drop, status, filesTitle, list, tools, output);

    async function add(picked) {
      for (const file of picked) {
        // A file over the limit is never read: its size is enough to refuse it.
        const content = file.size > teamCore.MAX_BYTES ? '' : await file.text().catch(() => '\u0000');
        files.push({ name: file.name, size: file.size, text: content });
      }
      draw();
    }
    input.addEventListener('change', () => {
      add([...input.files]).finally(() => {
        input.value = '';
      });
    });
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('qb-team__drop--over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('qb-team__drop--over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('qb-team__drop--over');
      add([...((event.dataTransfer && event.dataTransfer.files) || [])]);
    });

    function message(entry) {
      const file = files.find((candidate) => candidate.name === entry.name) || {};
      const values = {
        ...entry,
        quizzes: (entry.quizzes || []).join(', '),
        max: teamCore.MAX_BYTES / KILOBYTE,
        size: Math.ceil(file.size / KILOBYTE)
      };
      if (entry.status === 'error') return text('team_err_' + entry.code, values);
      if (entry.status === 'partial') return text.counted('team_file_partial', entry.count, values);
      return text.counted(entry.label ? 'team_file_label' : 'team_file_ok', entry.count, values);
    }
    const peopleText = (count) => text.counted('team_people', count, { count });
    const headerCell = (content, scope) => element('th', { scope: scope || 'col', text: content });
    const numberCell = (content) => element('td', { class: 'qb-team__num', text: content });
    const bandCells = (bands) => bands.map((band) => numberCell(String(band.count)));
    const table = (headings, rows) =>
      element('table', null, [
        element('thead', null, [element('tr', null, headings)]),
        element('tbody', null, rows)
      ]);

    // A table wider than the screen scrolls in its own region, which the keyboard can reach.
    const scroller = (className, label, children) =>
      element(
        'div',
        {
          class: 'qb-team__table ' + className,
          tabindex: '0',
          role: 'group',
          'aria-label': label
        },
        children
      );

    function gradedNodes(summary) {
      const questionRows = summary.questions.map((question) =>
        element('tr', { 'data-question': question.id }, [
          headerCell(question.text, 'row'),
          numberCell(question.percent == null ? '–' : question.percent + '%'),
          numberCell(String(question.answered))
        ])
      );
      const questionHeadings = [
        headerCell(text('team_col_question')),
        headerCell(text('team_col_correct')),
        headerCell(text('team_col_people'))
      ];
      return [
        element('p', {
          class: 'qb-team__average',
          text: text('team_average', { percent: summary.average })
        }),
        scroller('qb-team__bands', text('team_table_bands', summary), [
          table(
            summary.bands.map((band) => headerCell(band.label)),
            [element('tr', null, bandCells(summary.bands))]
          )
        ]),
        element('p', { text: text('team_missed_first') }),
        scroller('qb-team__questions', text('team_table_questions', summary), [
          table(questionHeadings, questionRows)
        ])
      ];
    }

    function profileNodes(summary, quiz) {
      const bands = quiz.bands || [];
      const headings = [
        headerCell(text('team_col_dimension')),
        headerCell(text('team_col_average')),
        headerCell(text('team_col_people')),
        ...bands.map((band) => headerCell(band.label))
      ];
      const rows = summary.dimensions.map((dimension) =>
        element('tr', { 'data-dimension': dimension.id }, [
          headerCell(dimension.name, 'row'),
          numberCell(dimension.average + '%'),
          numberCell(String(dimension.people)),
          ...bandCells(dimension.bands)
        ])
      );
      return [
        scroller('qb-team__dimensions', text('team_table_dimensions', summary), [table(headings, rows)])
      ];
    }

    function quizSection(summary) {
      const quiz = catalogue.find((candidate) => candidate.id === summary.id) || {};
      const children = [
        element('h2', { text: summary.title }),
        quiz.role && element('p', { class: 'qb-team__role', text: quiz.role }),
        element('p', { class: 'qb-team__people', text: peopleText(summary.people) }),
        ...(summary.kind === 'graded' ? gradedNodes(summary) : profileNodes(summary, quiz))
      ];
      return element('section', { class: 'qb-team__quiz', 'data-quiz': summary.id }, [
        element('div', { class: 'qb-team__scroll' }, children)
      ]);
    }

    const downloadCsv = () => download('team-results.csv', 'text/csv', teamCore.toCSV(result));
    const clearFiles = () => {
      files.length = 0;
      draw();
      input.focus();
    };

    function draw() {
      result = teamCore.aggregate(catalogue, site, files);
      const fileItems = result.files.map((entry) =>
        element(
          'li',
          {
            class: 'qb-team__file qb-team__file--' + entry.status,
            'data-code': entry.code || 'ok'
          },
          [message(entry)]
        )
      );
      list.replaceChildren(...(files.length ? fileItems : [element('li', { text: text('team_none') })]));
      const summaryValues = { people: result.people, files: files.length };
      status.textContent = files.length ? text.counted('team_summary', files.length, summaryValues) : '';
      const buttons = [
        result.quizzes.length && button(text('team_csv'), downloadCsv),
        button(text('team_clear'), clearFiles)
      ];
      tools.replaceChildren(...(files.length ? buttons.filter(Boolean) : []));
      output.replaceChildren(...result.quizzes.map(quizSection));
    }
    draw();
  }

  const init = () => document.querySelectorAll('div.qb-team:not([' + READY + '])').forEach(enhance);
  window.QuizbuilderTeam = { init };
  whenReady(init);
})(window, document);
