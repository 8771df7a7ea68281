// quizbuilder result view: what a finished (or shared) quiz shows. engine.js loads this
// file when a result is first needed; it builds DOM nodes only (never HTML strings).
// `view` is what engine.js hands over: the quiz, its fieldsets, the text lookup, the
// element builder and the helpers that show and reset the result.
((window) => {
  'use strict';
  const core = window.QuizbuilderCore;
  // The default texts only the result view uses (assets.bundle_results fills them in).
  Object.assign(window.QuizbuilderEngine.strings, /*RESULT_STRINGS*/{});

  // Each missed question: a link to it, its right answer(s) and where the page teaches it,
  // copied from the question's own (server-rendered) answer block.
  function missedList(view, result) {
    const { quiz, fieldsets, element } = view;
    return core.missedQuestions(quiz, result).flatMap((question) => {
      const fieldset = fieldsets[question.id];
      if (!fieldset) return [];
      const legend = fieldset.querySelector('legend');
      const parts = [
        element('a', { href: '#' + fieldset.id, text: legend ? legend.textContent.trim() : question.id })
      ];
      for (const selector of ['.qb-answer__correct', '.qb-answer__more']) {
        const node = fieldset.querySelector(selector);
        if (node) parts.push(node.cloneNode(true));
      }
      return [element('li', null, parts)];
    });
  }

  function gradedNodes(view, result, shared, nodes, next) {
    const { quiz, text, element, linked } = view;
    const band = core.bandOf(quiz, core.percent(result.correct, result.total));
    nodes.push(
      element('p', { class: 'qb-result__score', text: text(shared ? 'shared_score' : 'score', result) })
    );
    // Band messages and level texts speak to the person who took the quiz: a shared
    // result shows the band's label only.
    if (band) {
      const label = element('strong', { text: band.label });
      nodes.push(element('p', { class: 'qb-result__band' }, [label, shared ? '' : ' ' + band.message]));
    }
    if (shared) return;
    const missed = missedList(view, result);
    if (missed.length)
      nodes.push(
        element('h4', { text: text('missed_title') }),
        element('ul', { class: 'qb-missed' }, missed)
      );
    for (const other of quiz.next || []) next.push(linked(text('next_quiz'), other.title, other.url));
  }

  // One bar per dimension: name, percent and band, and (for the quiz taker) what the level means.
  function dimensionBar(view, dimension, shared) {
    const { quiz, text, element, dimensionNames, dimensions } = view;
    const band = core.bandOf(quiz, dimension.percent);
    const fill = element('span', { class: 'qb-bar__fill' });
    const level = band && ((dimensions[dimension.id] || {}).levels || {})[band.id];
    fill.style.width = dimension.percent + '%';
    return element('li', { class: 'qb-bar' }, [
      element('span', { class: 'qb-bar__name', text: dimensionNames[dimension.id] || dimension.id }),
      element('span', {
        class: 'qb-bar__value',
        text: text('percent', dimension) + (band ? ' · ' + band.label : '')
      }),
      element('span', { class: 'qb-bar__track', 'aria-hidden': 'true' }, [fill]),
      level && !shared && element('p', { class: 'qb-bar__text', text: level.meaning }),
      level && !shared && element('p', { class: 'qb-bar__text', text: text('habit', level) })
    ]);
  }

  function profileNodes(view, result, shared, nodes, next) {
    const { text, element, linked, dimensions } = view;
    nodes.push(
      element(
        'ul',
        { class: 'qb-bars' },
        result.dimensions.map((dimension) => dimensionBar(view, dimension, shared))
      )
    );
    const strongest = dimensions[result.strongest];
    const weakest = dimensions[result.weakest];
    if (strongest && result.strongest !== result.weakest) {
      const strongestText = text(shared ? 'shared_strongest' : 'strongest');
      nodes.push(element('p', null, linked(strongestText, strongest.name, strongest.url)));
    }
    if (!weakest) return;
    nodes.push(element('p', null, linked(text('weakest'), weakest.name, weakest.url)));
    if (shared) return;
    next.push(linked(text('read_about'), weakest.name, weakest.url));
    for (const article of weakest.articles || [])
      next.push([element('a', { href: article.url, text: article.title })]);
  }

  // Retry and Share; where the clipboard is refused, the link is shown to copy by hand.
  function shareControls(view, result) {
    const { text, element, button, retake } = view;
    const url = location.href.split('#')[0] + '#qb=' + core.encodeShare(result);
    const input = element('input', { type: 'text', readonly: '', value: url, class: 'qb-share__url' });
    const manual = element('label', { class: 'qb-share', hidden: '' }, [text('share_manual'), input]);
    const message = element('span', { class: 'qb-share__msg' });
    const fallback = () => {
      manual.hidden = false;
      input.focus();
      input.select();
    };
    const copied = () => {
      message.textContent = text('share_copied');
    };
    const copy = () => {
      try {
        navigator.clipboard.writeText(url).then(copied, fallback);
      } catch (error) {
        fallback();
      }
    };
    const actions = element('p', { class: 'qb-result__actions' }, [
      button(text('retry'), retake),
      button(text('share'), copy),
      message
    ]);
    return [actions, manual];
  }

  function render(view, result, shared, saved) {
    const { text, element, button, retake, resultsUrl, show } = view;
    const title = element('h3', {
      class: 'qb-result__title',
      tabindex: '-1',
      text: text(shared ? 'shared_title' : 'result_title')
    });
    const nodes = [title];
    // The "what next" links, one list item each.
    const next = [];
    if (shared) nodes.push(element('p', { class: 'qb-note', text: text('shared_note') }));
    const kindNodes = result.kind === 'graded' ? gradedNodes : profileNodes;
    kindNodes(view, result, shared, nodes, next);
    if (!shared && resultsUrl) next.push([element('a', { href: resultsUrl, text: text('all_results') })]);
    if (next.length) {
      const items = next.map((children) => element('li', null, children));
      nodes.push(element('h4', { text: text('next_title') }), element('ul', { class: 'qb-next' }, items));
    }
    if (saved === false)
      nodes.push(element('p', { class: 'qb-note qb-note--warn', text: text('not_saved') }));
    if (shared) {
      const takeQuiz = button(text('take_quiz'), retake, 'md-button md-button--primary');
      nodes.push(element('p', { class: 'qb-result__actions' }, [takeQuiz]));
    } else {
      nodes.push(...shareControls(view, result));
    }
    show(nodes, shared);
  }

  window.QuizbuilderResults = { render };
})(window);
