// quizbuilder engine: enhances form.qb-quiz (ARCHITECTURE.md, "HTML contract"). "My results"
// is history.js's alone. Material's instant navigation re-runs this file: everything
// below is defined once, and every element is enhanced once (data-qb-ready).
((window, document) => {
  'use strict';
  if (window.QuizbuilderEngine) return window.QuizbuilderEngine.init();
  const core = window.QuizbuilderCore;
  const store = window.QuizbuilderStore;
  const { element, readJsonAttribute, button, whenReady } = window.QuizbuilderDom;
  const { textLookup } = window.QuizbuilderCommon;
  const READY = 'data-qb-ready';
  // The default texts (quizbuilder/strings.py): assets.bundle_engine fills them in.
  const DEFAULTS = /*DEFAULT_STRINGS*/{};

  // The result view (results.js and results.css, next to this script) loads when first
  // needed: a quiz is answered or a shared result opens. Quiz pages load less that way.
  const scriptUrl = (document.currentScript && document.currentScript.src) || location.href;
  let resultsModule = null;

  function attach(tag, props) {
    return new Promise((resolve, reject) => {
      const node = element(tag, props);
      node.onload = resolve;
      node.onerror = () => {
        node.remove();
        reject();
      };
      document.head.append(node);
    });
  }

  function loadResults() {
    if (window.QuizbuilderResults) return Promise.resolve(window.QuizbuilderResults);
    if (resultsModule) return resultsModule;
    const files = [
      attach('link', { rel: 'stylesheet', href: new URL('results.css', scriptUrl).href }),
      attach('script', { src: new URL('results.js', scriptUrl).href })
    ];
    // A failed load is forgotten, so the next call tries again.
    const forget = (error) => {
      resultsModule = null;
      throw error;
    };
    resultsModule = Promise.all(files).then(() => window.QuizbuilderResults || Promise.reject(), forget);
    return resultsModule;
  }

  const forEachMatch = (root, selector, callback) => root.querySelectorAll(selector).forEach(callback);

  // The storage namespace, the results page and the text lookup an element is configured with.
  function setup(node) {
    const config = readJsonAttribute(node, 'data-qb-config') || {};
    return {
      namespace: config.storage || location.host || 'local',
      resultsUrl: config.results_url,
      text: textLookup(config.strings || {}, DEFAULTS)
    };
  }

  // A text with one "{name}" placeholder, filled with a link.
  function linked(text, name, href) {
    const at = text.indexOf('{name}');
    if (at < 0) return [text];
    return [text.slice(0, at), element('a', { href, text: name }), text.slice(at + '{name}'.length)];
  }

  function loadStore(namespace) {
    try {
      return store.readStore(localStorage.getItem(store.storageKey(namespace)));
    } catch (error) {
      return { ok: false };
    }
  }

  const focus = (node) => node && node.focus();
  const heading = (text) => element('h3', { class: 'qb-result__title', tabindex: '-1', text });

  // Answers by question id, as sorted source indexes: what is saved never depends on
  // the order shown.
  function readAnswers(form) {
    const answers = Object.create(null);
    forEachMatch(form, 'input:checked', (input) => {
      if (!/^\d+$/.test(input.value)) return;
      (answers[input.name] = answers[input.name] || []).push(+input.value);
    });
    for (const id in answers) answers[id].sort((first, second) => first - second);
    return answers;
  }

  // Adds the attempt to the stored history; false when it could not be saved.
  function saveAttempt(namespace, attempt) {
    const stored = loadStore(namespace);
    if (!stored.ok) return false;
    try {
      const updated = store.addAttempt(stored.store, attempt);
      localStorage.setItem(store.storageKey(namespace), JSON.stringify(updated));
      return true;
    } catch (error) {
      // full or blocked: the notice says so
      return false;
    }
  }

  function enhanceQuiz(form) {
    form.setAttribute(READY, '');
    const quiz = readJsonAttribute(form, 'data-qb-quiz');
    if (!quiz || quiz.v !== 1 || !Array.isArray(quiz.questions)) return null;
    const { namespace, resultsUrl, text } = setup(form);
    const fieldsets = {};
    const dimensions = {};
    const dimensionNames = {};
    let output = form.querySelector('.qb-result');
    if (!output) {
      output = element('div', {
        class: 'qb-result',
        role: 'status',
        'aria-live': 'polite',
        tabindex: '-1'
      });
      form.append(output);
    }
    forEachMatch(form, 'fieldset[data-qb-question]', (fieldset) => {
      fieldsets[fieldset.getAttribute('data-qb-question')] = fieldset;
    });
    for (const dimension of quiz.dimensions || []) {
      dimensions[dimension.id] = dimension;
      dimensionNames[dimension.id] = dimension.name;
    }
    forEachMatch(form, '.qb-answer', (answer) => {
      answer.hidden = true;
    });

    // Each question's option list and its option elements in source order, to reorder per attempt.
    const optionLists = {};
    for (const question of quiz.questions) {
      const list = fieldsets[question.id] && fieldsets[question.id].querySelector('.qb-options');
      if (list) optionLists[question.id] = { list, options: [...list.children] };
    }
    function shuffleOptions() {
      const random = core.seededRandom(Math.random() * 4294967296);
      for (const question of quiz.questions) {
        const entry = optionLists[question.id];
        if (entry)
          entry.list.append(...core.optionOrder(question, random).map((index) => entry.options[index]));
      }
    }

    // A checked quiz is settled: inputs stay locked until Retake.
    function lock(locked) {
      for (const fieldset of Object.values(fieldsets)) fieldset.disabled = locked;
      const actions = form.querySelector('.qb-actions');
      if (actions) actions.hidden = locked;
    }

    function markOptions(fieldset, marks) {
      fieldset.querySelectorAll('.qb-option').forEach((option) => {
        const state = marks[+option.querySelector('input').value];
        if (!state) return;
        const mark = element('span', { class: 'qb-mark qb-mark--' + state, text: text('option_' + state) });
        option.querySelector('label').append(mark);
      });
    }

    function markQuestion(fieldset, state, message) {
      fieldset.classList.add('qb-question--' + state);
      const feedback = fieldset.querySelector('.qb-feedback');
      if (!feedback) return;
      feedback.textContent = message;
      feedback.className = 'qb-feedback qb-feedback--' + state;
      feedback.hidden = false;
    }

    function clearMarks() {
      form.classList.remove('qb-quiz--shared');
      for (const fieldset of Object.values(fieldsets)) {
        fieldset.classList.remove('qb-question--right', 'qb-question--wrong', 'qb-question--missing');
        const feedback = fieldset.querySelector('.qb-feedback');
        if (feedback) {
          feedback.hidden = true;
          feedback.textContent = '';
        }
        fieldset.querySelectorAll('.qb-mark').forEach((mark) => mark.remove());
      }
    }

    // The result is scrolled into view (instantly when the reader prefers reduced
    // motion), then its heading takes focus without a second jump. On page load (a
    // shared link) this waits two frames: the page settles first, so the result does
    // not count as a layout shift.
    function show(nodes, onLoad) {
      output.replaceChildren(...nodes);
      const title = output.querySelector('h3');
      const reveal = () => {
        const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        output.scrollIntoView({ block: 'start', behavior: still ? 'instant' : 'smooth' });
        if (title) title.focus({ preventScroll: true });
      };
      if (onLoad) requestAnimationFrame(() => requestAnimationFrame(reveal));
      else reveal();
    }

    function retake() {
      form.reset();
      clearMarks();
      lock(false);
      shuffleOptions();
      forEachMatch(form, '.qb-answer', (answer) => {
        answer.hidden = true;
        answer.open = false;
      });
      output.replaceChildren();
      if (/^#qb=/.test(location.hash))
        history.replaceState(history.state, '', location.pathname + location.search);
      focus(form.querySelector('.qb-question input'));
    }

    // What results.js receives.
    const view = {
      quiz,
      fieldsets,
      text,
      element,
      button,
      linked,
      show,
      retake,
      dimensionNames,
      dimensions,
      resultsUrl
    };
    function render(result, shared, saved) {
      const unavailable = () => {
        const actions = element('p', { class: 'qb-result__actions' }, [button(text('retry'), retake)]);
        show([heading(text('results_unavailable')), actions], shared);
      };
      loadResults().then((module) => module.render(view, result, shared, saved), unavailable);
    }

    // A link to each unanswered question, which takes focus on its first input.
    function showIncomplete(missing) {
      const links = missing
        .filter((id) => fieldsets[id])
        .map((id) => {
          const fieldset = fieldsets[id];
          const legend = fieldset.querySelector('legend');
          markQuestion(fieldset, 'missing', text('unanswered'));
          const goTo = (event) => {
            // Kept from Material's instant navigation, which would blur the input.
            event.preventDefault();
            event.stopPropagation();
            focus(fieldset.querySelector('input'));
          };
          const link = element('a', {
            href: '#' + fieldset.id,
            text: (legend ? legend.textContent : id).trim(),
            onclick: goTo
          });
          return element('li', null, [link]);
        });
      show([
        heading(text('incomplete_title')),
        element('p', { text: text('incomplete') }),
        element('ul', null, links)
      ]);
    }

    function markGraded(result, answers) {
      for (const question of quiz.questions) {
        const fieldset = fieldsets[question.id];
        if (!fieldset) continue;
        // The decisions live in the core (tested without a browser); this only shows them.
        const feedback = core.gradedFeedback(question, result, answers[question.id]);
        const answer = fieldset.querySelector('.qb-answer');
        markQuestion(fieldset, feedback.state, text(feedback.textKey));
        markOptions(fieldset, feedback.marks);
        if (answer) {
          answer.hidden = false;
          answer.open = true;
        }
      }
    }

    function check(event) {
      event.preventDefault();
      if (form.querySelector('fieldset:disabled')) return;
      clearMarks();
      const answers = readAnswers(form);
      const result = core.score(quiz, answers);
      if (result.status !== 'ok') return showIncomplete(result.missing);
      if (result.kind === 'graded') markGraded(result, answers);
      lock(true);
      const saved = saveAttempt(namespace, {
        quiz: quiz.id,
        role: quiz.role,
        title: quiz.title,
        url: location.pathname,
        names: dimensionNames,
        date: new Date().toISOString(),
        answers,
        result
      });
      render(result, false, saved);
      form.dispatchEvent(new CustomEvent('quizbuilder:result', { bubbles: true, detail: result }));
    }

    // Fetch the result view while the reader is still answering.
    form.addEventListener('change', () => loadResults().catch(() => {}), { once: true });
    form.addEventListener('submit', check);
    shuffleOptions();
    return {
      q: quiz,
      shared: (result) => {
        form.classList.add('qb-quiz--shared');
        render(result, true);
      },
      invalid: () => {
        const actions = element('p', { class: 'qb-result__actions' }, [button(text('take_quiz'), retake)]);
        show([heading(text('share_invalid')), actions], true);
      }
    };
  }

  // A "#qb=…" fragment shows its result in the first quiz it decodes for; otherwise the
  // first quiz it names (or the first quiz) says the link is invalid.
  function showShared(quizzes) {
    const match = /^#qb=(.*)$/.exec(location.hash);
    if (!match || !quizzes.length) return;
    let target = null;
    for (const quiz of quizzes) {
      try {
        return quiz.shared(core.decodeShare(quiz.q, match[1]));
      } catch (error) {
        if (!target && error.code !== 'quiz') target = quiz;
      }
    }
    (target || quizzes[0]).invalid();
  }

  function init() {
    document.documentElement.classList.add('qb-js');
    const quizzes = [];
    forEachMatch(document, 'form.qb-quiz:not([' + READY + '])', (form) => {
      const quiz = enhanceQuiz(form);
      if (quiz) quizzes.push(quiz);
    });
    showShared(quizzes);
  }

  // `strings`: results.js adds the defaults of the texts only it shows.
  window.QuizbuilderEngine = { init, strings: DEFAULTS };
  whenReady(init);
})(window, document);
