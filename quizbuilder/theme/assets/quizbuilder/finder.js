// quizbuilder finder page: enhances the server-rendered `form.qb-finder-search` and
// `form.qb-finder`, once each (marked `data-qb-ready`). The logic is finder-core.js's,
// served in the same bundle; this file only reads and writes the page. The role index's
// filter is roles-filter.js, a script of its own.
//
// Material's instant navigation re-creates <script> elements found in the page content,
// so this file can run many times in one window: the API is defined once on
// globalThis.QuizbuilderFinder and `document$` is subscribed to once.
((root, factory) => {
  const inNode = typeof module === 'object' && module.exports;
  const core = inNode ? require('./finder-core.js') : root.QuizbuilderFinderCore;
  const common = inNode ? require('./common.js') : root.QuizbuilderCommon;
  const dom = inNode ? require('./dom.js') : root.QuizbuilderDom;
  const api = root.QuizbuilderFinder || factory(core, common, dom);
  root.QuizbuilderFinder = api;
  if (inNode) module.exports = api;
  api.start();
})(globalThis, (core, common, dom) => {
  'use strict';
  const { normalise, searchRoles, matchRoles, customerProfile, encodeShare, decodeShare, ShareError } =
    core;
  const { SIMILAR_FROM, JOB_MAX } = core;
  const SEARCH_LIMIT = 8;
  const MATCH_COUNT = 3;

  /* ---- DOM part ----------------------------------------------------------- */

  // The form of a count-bearing text for `count` (plural.js, bundled with this file).
  const countedKey = (texts, key, count) => globalThis.QuizbuilderPlural.pluralKey(texts, key, count);
  const { format } = common;
  const { element: make, readJsonAttribute: readJson } = dom;

  function readData(element) {
    const data = readJson(element, 'data-qb-finder');
    return data && data.v === 1 && Array.isArray(data.roles) ? data : null;
  }

  function finderSource(form) {
    const id = form.getAttribute('data-qb-finder-source');
    const source = id ? document.getElementById(id) : null;
    if (source && source.hasAttribute('data-qb-finder')) return source;
    return document.querySelector('[data-qb-finder]');
  }

  function readConfig(element) {
    const config = readJson(element, 'data-qb-config');
    return config && typeof config === 'object' ? config : {};
  }

  // Put `job` in the finder's job field and bring the finder into view.
  function startFinderFor(job) {
    const finder = document.querySelector('form.qb-finder');
    if (!finder) return;
    const field = finder.querySelector('input[name=job]');
    if (field) field.value = job;
    finder.scrollIntoView({ block: 'start' });
    const first = finder.querySelector('fieldset[data-qb-question] input');
    if (first) first.focus({ preventScroll: true });
  }

  function hitList(hits, strings, modifier) {
    const className = 'qb-finder-search__list' + (modifier ? ' qb-finder-search__list--' + modifier : '');
    return make(
      'ul',
      { class: className },
      hits.map((hit) =>
        make('li', { class: 'qb-finder-search__item' }, [
          make('a', { href: hit.url, class: 'qb-finder-search__link' }, [hit.title]),
          hit.alias
            ? make('span', { class: 'qb-finder-search__alias' }, [
                ' (' + format(strings.search_alias, { alias: hit.alias }) + ')'
              ])
            : null,
          hit.summary ? make('p', { class: 'qb-finder-search__summary' }, [hit.summary]) : null
        ])
      )
    );
  }

  function enhanceSearch(form) {
    const source = finderSource(form);
    const data = source && readData(source);
    const input = form.querySelector('input[type=search]');
    const results = form.querySelector('.qb-finder-search__results');
    if (!data || !input || !results) return;
    form.setAttribute('data-qb-ready', '');
    const strings = data.strings;
    const config = readConfig(source);
    const finderLink = source.id ? '#' + source.id : '#finder';

    function noPage(query, afterGuess) {
      const invite = make('a', { href: finderLink, class: 'qb-finder-search__finder-link' }, [
        format(strings.search_try_finder, { query })
      ]);
      invite.addEventListener('click', (event) => {
        // Kept from Material's instant navigation, which would treat it as a page link.
        event.preventDefault();
        event.stopPropagation();
        startFinderFor(query);
      });
      const none = format(afterGuess ? strings.search_none_after_guess : strings.search_none, { query });
      const block = make('div', { class: 'qb-finder-search__none' }, [make('p', {}, [none, ' ', invite])]);
      if (config.guide_url) {
        block.appendChild(
          make('p', { class: 'qb-finder-search__add' }, [
            make('a', { href: config.guide_url }, [strings.search_add])
          ])
        );
      }
      return block;
    }

    // A guess ("typo") or the closest page ("partial"): never presented as the job itself.
    function closestOnly(query, hits, kind) {
      const textKey = kind === 'typo' ? 'search_guess' : 'search_partial';
      const modifier = kind === 'typo' ? 'guess' : 'partial';
      results.appendChild(
        make('p', { class: 'qb-finder-search__' + modifier }, [format(strings[textKey], { query })])
      );
      results.appendChild(hitList(hits, strings, modifier));
      results.appendChild(noPage(query, true));
    }

    function update() {
      results.replaceChildren();
      const query = input.value.trim();
      if (!normalise(query)) return;
      const hits = searchRoles(data, query, SEARCH_LIMIT);
      if (!hits.length) {
        results.appendChild(noPage(query));
        return;
      }
      if (hits[0].match === 'typo' || hits[0].match === 'partial') {
        closestOnly(query, hits, hits[0].match);
        return;
      }
      const count = format(strings[countedKey(strings, 'search_count', hits.length)], {
        count: hits.length
      });
      results.appendChild(make('p', { class: 'qb-finder-search__count' }, [count]));
      results.appendChild(hitList(hits, strings, ''));
    }

    input.addEventListener('input', update);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
      const first = results.querySelector('a');
      if (first) first.focus();
    });
    if (input.value) update();
  }

  function questionLabel(form, id) {
    const fieldset =
      [...form.querySelectorAll('fieldset[data-qb-question]')].find(
        (candidate) => candidate.getAttribute('data-qb-question') === id
      ) || null;
    const legend = fieldset && fieldset.querySelector('legend');
    return { fieldset, text: legend ? legend.textContent.replace(/\s+/g, ' ').trim() : id };
  }

  function readAnswers(form, data) {
    const checked = {};
    for (const radio of form.querySelectorAll('input[type=radio]')) {
      if (radio.checked) checked[radio.name] = parseInt(radio.value, 10);
    }
    return data.questions.map((question) =>
      common.hasOwn(checked, question.id) ? checked[question.id] : null
    );
  }

  const answersById = (data, answers) =>
    Object.fromEntries(data.questions.map((question, i) => [question.id, answers[i]]));

  function showMissing(form, data, result, answers) {
    const strings = data.strings;
    const items = [];
    data.questions.forEach((question, i) => {
      const found = questionLabel(form, question.id);
      if (found.fieldset) found.fieldset.classList.toggle('qb-question--missing', answers[i] === null);
      if (answers[i] !== null) return;
      const target = found.fieldset && found.fieldset.id ? '#' + found.fieldset.id : null;
      items.push(make('li', {}, [target ? make('a', { href: target }, [found.text]) : found.text]));
    });
    const heading = make('h4', { class: 'qb-finder__headline', tabindex: '-1' }, [
      strings.finder_missing_title
    ]);
    result.appendChild(heading);
    result.appendChild(make('p', {}, [strings.finder_missing_text]));
    result.appendChild(make('ul', { class: 'qb-finder__missing' }, items));
    return heading;
  }

  const button = (text, onClick, primary) =>
    dom.button(text, onClick, 'md-button' + (primary ? ' md-button--primary' : ''));

  function eyebrow(strings, view) {
    if (view.shared)
      return view.job ? format(strings.finder_shared_for, { job: view.job }) : strings.finder_shared;
    return view.job ? format(strings.finder_for, { job: view.job }) : strings.finder_yours;
  }

  // The bar classes are the shared stylesheet's, as on profile quiz results.
  function kindBars(strings, kinds) {
    return make(
      'ul',
      { class: 'qb-bars qb-finder__kinds' },
      kinds.map((kind) => {
        const fill = make('span', { class: 'qb-bar__fill' });
        // Through CSSOM, which the Content-Security-Policy allows (never a style attribute).
        fill.style.width = kind.strength + '%';
        const strength = format(strings.finder_strength, {
          label: strings['label_' + kind.label],
          strength: kind.strength
        });
        return make('li', { class: 'qb-bar qb-finder__kind qb-finder__kind--' + kind.label }, [
          make('span', { class: 'qb-bar__name' }, [kind.name]),
          make('span', { class: 'qb-bar__value qb-finder__kind-strength' }, [strength]),
          make('span', { class: 'qb-bar__track', 'aria-hidden': 'true' }, [fill])
        ]);
      })
    );
  }

  function roleList(strings, matches) {
    return make(
      'ol',
      { class: 'qb-finder__roles' },
      matches.map((match, index) => {
        let quizzes = null;
        if (index === 0 && match.quizzes && match.quizzes.length) {
          const links = [format(strings.finder_quizzes, { title: match.title }), ' '];
          match.quizzes.forEach((quiz, position) => {
            if (position) links.push(' · ');
            links.push(make('a', { href: match.url + '#quiz-' + quiz.id }, [quiz.title]));
          });
          quizzes = make('p', { class: 'qb-finder__quizzes' }, links);
        }
        const fit = format(strings.finder_fit, { label: strings['close_' + match.close], fit: match.fit });
        return make('li', { class: 'qb-finder__role' }, [
          make('a', { href: match.url }, [match.title]),
          make('span', { class: 'qb-finder__fit' }, [' · ' + fit]),
          match.summary ? make('p', { class: 'qb-finder__role-summary' }, [match.summary]) : null,
          quizzes
        ]);
      })
    );
  }

  // Retake, and Share with the link to copy by hand where the clipboard is refused.
  function ownActions(strings, result, actions, view) {
    const url = location.href.split('#')[0] + '#qb=' + encodeShare(view.answers, view.job);
    const input = make('input', { type: 'text', readonly: '', value: url, class: 'qb-share__url' });
    const manual = make('label', { class: 'qb-share', hidden: '' }, [
      strings.finder_share_manual,
      ' ',
      input
    ]);
    const message = make('span', { class: 'qb-share__msg', role: 'status' });
    const fallback = () => {
      manual.hidden = false;
      input.focus();
      input.select();
    };
    const copy = () => {
      try {
        navigator.clipboard.writeText(url).then(() => {
          message.textContent = strings.finder_share_copied;
        }, fallback);
      } catch (error) {
        fallback();
      }
    };
    actions.appendChild(button(strings.finder_retake, view.onAgain, false));
    actions.appendChild(button(strings.finder_share, copy, false));
    actions.appendChild(message);
    result.appendChild(manual);
    const noteClass = 'qb-finder__saved' + (view.saved ? '' : ' qb-note qb-note--warn');
    const note = make('p', { class: noteClass }, [
      view.saved ? strings.finder_saved : strings.finder_not_saved
    ]);
    if (view.saved && view.config.results_url) {
      note.appendChild(document.createTextNode(' '));
      note.appendChild(make('a', { href: view.config.results_url }, [strings.finder_all_results]));
    }
    result.appendChild(note);
  }

  // The result view. `view`: {job, shared, answers, onAgain, saved, config}.
  function showResult(data, result, profile, matches, view) {
    const strings = data.strings;
    result.appendChild(make('p', { class: 'qb-finder__for' }, [eyebrow(strings, view)]));
    const heading = make('h4', { class: 'qb-finder__headline', tabindex: '-1' }, [
      profile.verdict.headline
    ]);
    result.appendChild(heading);
    if (view.shared) result.appendChild(make('p', { class: 'qb-note' }, [strings.finder_shared_note]));
    result.appendChild(make('p', { class: 'qb-finder__verdict' }, [profile.verdict.text]));
    result.appendChild(
      make('p', { class: 'qb-finder__share-line' }, [
        make('strong', {}, [format(strings.finder_share_line, { share: profile.share })])
      ])
    );
    result.appendChild(make('p', { class: 'qb-finder__how' }, [strings.finder_share_how]));
    if (profile.kinds.length) {
      result.appendChild(make('h5', { class: 'qb-finder__subtitle' }, [strings.finder_kinds_title]));
      result.appendChild(kindBars(strings, profile.kinds));
    }
    if (matches.length) {
      result.appendChild(make('h5', { class: 'qb-finder__subtitle' }, [strings.finder_roles_title]));
      if (matches[0].fit < SIMILAR_FROM) {
        result.appendChild(
          make('p', { class: 'qb-finder__none-similar' }, [strings.finder_roles_none_similar])
        );
      }
      result.appendChild(roleList(strings, matches));
      result.appendChild(make('p', { class: 'qb-finder__how' }, [strings.finder_fit_how]));
    }
    const actions = make('p', { class: 'qb-result__actions qb-finder__actions' }, []);
    result.appendChild(actions);
    if (view.shared) actions.appendChild(button(strings.finder_take, view.onAgain, true));
    else ownActions(strings, result, actions, view);
    return heading;
  }

  // Keep a finished result in "My results", in the quiz engine's store and format (store.js).
  function save(data, config, answers, job, profile, matches) {
    const store = globalThis.QuizbuilderStore;
    if (!store || !config.storage) return false;
    try {
      const key = store.storageKey(config.storage);
      const read = store.readStore(localStorage.getItem(key));
      if (!read.ok) return false;
      const names = Object.fromEntries(data.kinds.map((kind) => [kind.id, kind.name]));
      const ranked = profile.kinds.slice().sort((first, second) => second.strength - first.strength);
      const attempt = {
        quiz: 'finder',
        role: matches.length ? matches[0].slug : '',
        title: data.strings.finder_history_title,
        url: location.pathname + '#qb=' + encodeShare(answers, job),
        names,
        date: new Date().toISOString(),
        answers: answersById(data, answers),
        result: {
          status: 'ok',
          kind: 'finder',
          quiz: 'finder',
          job,
          share: profile.share,
          dimensions: profile.kinds.map((kind) => ({ id: kind.id, percent: kind.strength })),
          strongest: ranked.length && ranked[0].strength ? ranked[0].id : null,
          weakest: ranked.length ? ranked[ranked.length - 1].id : null,
          closest: matches.map((match) => ({ slug: match.slug, title: match.title, fit: match.fit }))
        }
      };
      localStorage.setItem(key, JSON.stringify(store.addAttempt(read.store, attempt)));
      return true;
    } catch (error) {
      return false;
    }
  }

  function sharedFragment() {
    const found = /^#qb=(.*)$/.exec(location.hash);
    return found ? found[1] : null;
  }

  // A share link pasted over the current one changes only the fragment.
  const views = new WeakMap();

  function enhanceFinder(form) {
    const data = readData(form);
    const result = form.querySelector('.qb-finder__result');
    if (!data || !result) return;
    form.setAttribute('data-qb-ready', '');
    const config = readConfig(form);
    const jobField = form.querySelector('input[name=job]');

    const job = () => (jobField ? jobField.value.replace(/\s+/g, ' ').trim().slice(0, JOB_MAX) : '');

    function reveal(heading, onLoad) {
      // On page load (a shared link) wait for the page to settle first, as the engine does.
      const go = () => {
        heading.focus({ preventScroll: true });
        if (result.scrollIntoView) result.scrollIntoView({ block: 'start' });
      };
      if (onLoad) requestAnimationFrame(() => requestAnimationFrame(go));
      else go();
    }

    // Answer again: keeps the reader's job title; a shared result's title is not theirs.
    function again(event, quiet) {
      const kept = form.classList.contains('qb-finder--shared') ? '' : job();
      form.reset();
      if (jobField) jobField.value = kept;
      result.replaceChildren();
      form.classList.remove('qb-finder--shared');
      if (/^#qb=/.test(location.hash)) {
        history.replaceState(history.state, '', location.pathname + location.search);
      }
      const first = form.querySelector('fieldset[data-qb-question] input');
      if (first && !quiet) first.focus();
    }

    function finish(answers) {
      const profile = customerProfile(data, answers);
      const matches = matchRoles(data, answers, MATCH_COUNT);
      const title = job();
      const saved = save(data, config, answers, title, profile, matches);
      const heading = showResult(data, result, profile, matches, {
        job: title,
        shared: false,
        answers,
        onAgain: again,
        saved,
        config
      });
      const detail = {
        status: 'ok',
        answers: answersById(data, answers),
        job: title,
        profile,
        matches,
        saved
      };
      return { heading, detail };
    }

    form.addEventListener('change', (event) => {
      const fieldset = event.target && event.target.closest ? event.target.closest('fieldset') : null;
      if (fieldset) fieldset.classList.remove('qb-question--missing');
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const answers = readAnswers(form, data);
      result.replaceChildren();
      form.classList.remove('qb-finder--shared');
      let shown;
      if (answers.includes(null)) {
        const missing = data.questions
          .filter((question, i) => answers[i] === null)
          .map((question) => question.id);
        shown = {
          heading: showMissing(form, data, result, answers),
          detail: { status: 'incomplete', missing }
        };
      } else {
        shown = finish(answers);
      }
      reveal(shown.heading, false);
      form.dispatchEvent(new CustomEvent('quizbuilder:finder', { bubbles: true, detail: shown.detail }));
    });

    function showInvalid() {
      const heading = make('h4', { class: 'qb-finder__headline', tabindex: '-1' }, [
        data.strings.finder_shared_invalid
      ]);
      result.appendChild(heading);
      result.appendChild(
        make('p', { class: 'qb-result__actions qb-finder__actions' }, [
          button(data.strings.finder_take, again, true)
        ])
      );
      return heading;
    }

    // Show what the address holds: a shared result, or (after one) the plain finder.
    function followAddress(onLoad) {
      const fragment = sharedFragment();
      if (fragment === null) {
        // The reader went to a section of the page: close the shared view, keep the scroll.
        if (form.classList.contains('qb-finder--shared')) again(null, true);
        return;
      }
      result.replaceChildren();
      form.classList.add('qb-finder--shared');
      let heading;
      try {
        const shared = decodeShare(data, fragment);
        const profile = customerProfile(data, shared.answers);
        const matches = matchRoles(data, shared.answers, MATCH_COUNT);
        heading = showResult(data, result, profile, matches, {
          job: shared.job,
          shared: true,
          onAgain: again,
          config
        });
      } catch (error) {
        if (!(error instanceof ShareError)) throw error;
        heading = showInvalid();
      }
      reveal(heading, onLoad);
    }
    views.set(form, followAddress);
    followAddress(true);
  }

  function onHashChange() {
    for (const form of document.querySelectorAll('form.qb-finder[data-qb-ready]')) {
      const follow = views.get(form);
      if (follow) follow(false);
    }
  }

  function init() {
    if (typeof document === 'undefined') return;
    document.querySelectorAll('form.qb-finder:not([data-qb-ready])').forEach(enhanceFinder);
    document.querySelectorAll('form.qb-finder-search:not([data-qb-ready])').forEach(enhanceSearch);
  }

  let started = false;

  // Runs on every execution of this file; enhancing is idempotent.
  function start() {
    if (typeof window === 'undefined' || typeof document === 'undefined') return;
    if (started) {
      init();
      return;
    }
    started = true;
    window.addEventListener('hashchange', onHashChange);
    dom.whenReady(init);
  }

  // The core's functions too, so one global answers both (tests, benchmarks).
  return { ...core, init, start };
});
