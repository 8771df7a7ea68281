// quizbuilder result view: what a finished (or shared) quiz shows. engine.js loads this
// file when a result is first needed; it builds DOM nodes only (never HTML strings).
((w, d) => {
  'use strict';
  const C = w.QuizbuilderCore;
  // The default texts only the result view uses (assets.bundle_results fills them in).
  Object.assign(w.QuizbuilderEngine.strings, /*RESULT_STRINGS*/{});

  // Each missed question: a link to it, its right answer(s) and where the page teaches it,
  // copied from the question's own (server-rendered) answer block.
  function missedList(view, result) {
    const { quiz, sets, el } = view;
    return C.missedQuestions(quiz, result).flatMap((question) => {
      const fieldset = sets[question.id];
      if (!fieldset) return [];
      const legend = fieldset.querySelector('legend');
      const parts = [el('a', { href: '#' + fieldset.id, text: legend ? legend.textContent.trim() : question.id })];
      for (const selector of ['.qb-answer__correct', '.qb-answer__more']) {
        const node = fieldset.querySelector(selector);
        if (node) parts.push(node.cloneNode(true));
      }
      return [el('li', null, parts)];
    });
  }

  function gradedNodes(view, result, shared, nodes, next) {
    const { quiz, t, el, linked } = view;
    const band = C.bandOf(quiz, C.percent(result.correct, result.total));
    nodes.push(el('p', { class: 'qb-result__score', text: t(shared ? 'shared_score' : 'score', result) }));
    // Band messages and level texts speak to the person who took the quiz: a shared
    // result shows the band's label only.
    if (band) nodes.push(el('p', { class: 'qb-result__band' }, [el('strong', { text: band.label }), shared ? '' : ' ' + band.message]));
    if (shared) return;
    const missed = missedList(view, result);
    if (missed.length) nodes.push(el('h4', { text: t('missed_title') }), el('ul', { class: 'qb-missed' }, missed));
    for (const other of quiz.next || []) next.push(linked(t('next_quiz'), other.title, other.url));
  }

  function profileNodes(view, result, shared, nodes, next) {
    const { quiz, t, el, linked, names, dims } = view;
    nodes.push(el('ul', { class: 'qb-bars' }, result.dimensions.map((x) => {
      const band = C.bandOf(quiz, x.percent), fill = el('span', { class: 'qb-bar__fill' });
      const level = band && ((dims[x.id] || {}).levels || {})[band.id];
      fill.style.width = x.percent + '%';
      return el('li', { class: 'qb-bar' }, [
        el('span', { class: 'qb-bar__name', text: names[x.id] || x.id }),
        el('span', { class: 'qb-bar__value', text: t('percent', x) + (band ? ' · ' + band.label : '') }),
        el('span', { class: 'qb-bar__track', 'aria-hidden': 'true' }, [fill]),
        level && !shared && el('p', { class: 'qb-bar__text', text: level.meaning }),
        level && !shared && el('p', { class: 'qb-bar__text', text: t('habit', level) })
      ]);
    })));
    const strongest = dims[result.strongest], weakest = dims[result.weakest];
    if (strongest && result.strongest !== result.weakest) {
      nodes.push(el('p', null, linked(t(shared ? 'shared_strongest' : 'strongest'), strongest.name, strongest.url)));
    }
    if (!weakest) return;
    nodes.push(el('p', null, linked(t('weakest'), weakest.name, weakest.url)));
    if (shared) return;
    next.push(linked(t('read_about'), weakest.name, weakest.url));
    for (const article of weakest.articles || []) next.push([el('a', { href: article.url, text: article.title })]);
  }

  function shareControls(view, result) {
    const { t, el, button, retake } = view;
    const url = location.href.split('#')[0] + '#qb=' + C.encodeShare(result);
    const input = el('input', { type: 'text', readonly: '', value: url, class: 'qb-share__url' });
    const manual = el('label', { class: 'qb-share', hidden: '' }, [t('share_manual'), input]);
    const message = el('span', { class: 'qb-share__msg' });
    const fallback = () => { manual.hidden = false; input.focus(); input.select(); };
    const copy = () => {
      try {
        navigator.clipboard.writeText(url).then(() => { message.textContent = t('share_copied'); }, fallback);
      } catch (e) { fallback(); }
    };
    return [el('p', { class: 'qb-result__actions' }, [button(t('retry'), retake), button(t('share'), copy), message]), manual];
  }

  function render(view, result, shared, saved) {
    const { t, el, button, retake, results, show } = view;
    const nodes = [el('h3', { class: 'qb-result__title', tabindex: '-1', text: t(shared ? 'shared_title' : 'result_title') })];
    const next = [];
    if (shared) nodes.push(el('p', { class: 'qb-note', text: t('shared_note') }));
    (result.kind === 'graded' ? gradedNodes : profileNodes)(view, result, shared, nodes, next);
    if (!shared && results) next.push([el('a', { href: results, text: t('all_results') })]);
    if (next.length) {
      nodes.push(el('h4', { text: t('next_title') }), el('ul', { class: 'qb-next' }, next.map((kids) => el('li', null, kids))));
    }
    if (saved === false) nodes.push(el('p', { class: 'qb-note qb-note--warn', text: t('not_saved') }));
    if (shared) nodes.push(el('p', { class: 'qb-result__actions' }, [button(t('take_quiz'), retake, 'md-button md-button--primary')]));
    else nodes.push(...shareControls(view, result));
    show(nodes, shared);
  }

  w.QuizbuilderResults = { render };
})(window, document);
