/*
 * quizbuilder finder page: enhances the server-rendered `form.qb-finder-search`,
 * `form.qb-finder` and the role index's `form.qb-finder-filter`, once each (marked
 * `data-qb-ready`). The logic is finder-core.js's; this file only reads and writes
 * the page.
 *
 * Material's instant navigation re-creates <script> elements found in the page
 * content, so this file can run many times in one window: the API is defined once
 * on globalThis.QuizbuilderFinder and `document$` is subscribed to once.
 */
(function (root, factory) {
  "use strict";
  function boot(core) {
    var api = (root && root.QuizbuilderFinder) || factory(core);
    if (root) root.QuizbuilderFinder = api;
    if (typeof module === "object" && module.exports) module.exports = api;
    api.start();
  }
  var core = (root && root.QuizbuilderFinderCore) ||
    (typeof require === "function" ? require("./finder-core.js") : null);
  // Instant navigation re-creates both scripts, and re-created scripts run in the order
  // they load: if the core is not there yet, it calls boot when it arrives.
  if (core) boot(core);
  else if (root) (root.QuizbuilderFinderWaiting = root.QuizbuilderFinderWaiting || []).push(boot);
})(typeof globalThis !== "undefined" ? globalThis : this, function (core) {
  "use strict";

  var normalise = core.normalise;
  var searchRoles = core.searchRoles;
  var matchRoles = core.matchRoles;
  var customerProfile = core.customerProfile;
  var encodeShare = core.encodeShare;
  var decodeShare = core.decodeShare;
  var ShareError = core.ShareError;
  var SIMILAR_FROM = core.SIMILAR_FROM;
  var JOB_MAX = core.JOB_MAX;

  /* ---- DOM part ----------------------------------------------------------- */

  /* The form of a count-bearing text for `count`: plural.js's rule, which the quiz engine
     bundle (loaded on every page with a search) brings; "other" if it is missing. */
  function countedKey(texts, key, count) {
    var plural = typeof globalThis !== "undefined" ? globalThis.QuizbuilderPlural : null;
    return plural ? plural.pluralKey(texts, key, count) : key + "_other";
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* make("a", {href: url, class: "x"}, ["text", node]) */
  function make(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function readData(element) {
    try {
      var data = JSON.parse(element.getAttribute("data-qb-finder") || "");
      return data && data.v === 1 && Array.isArray(data.roles) ? data : null;
    } catch (error) {
      return null;
    }
  }

  function finderSource(form) {
    var id = form.getAttribute("data-qb-finder-source");
    var source = id ? document.getElementById(id) : null;
    if (source && source.hasAttribute("data-qb-finder")) return source;
    return document.querySelector("[data-qb-finder]");
  }

  function readConfig(element) {
    try {
      var config = JSON.parse(element.getAttribute("data-qb-config") || "{}");
      return config && typeof config === "object" ? config : {};
    } catch (error) {
      return {};
    }
  }

  function finderForm() {
    return document.querySelector("form.qb-finder");
  }

  /* Put `job` in the finder's job field and bring the finder into view. */
  function startFinderFor(job) {
    var finder = finderForm();
    if (!finder) return;
    var field = finder.querySelector("input[name=job]");
    if (field) field.value = job;
    finder.scrollIntoView({ block: "start" });
    var first = finder.querySelector("fieldset[data-qb-question] input");
    if (first) first.focus({ preventScroll: true });
  }

  function hitList(hits, strings, modifier) {
    return make("ul", { "class": "qb-finder-search__list" + (modifier ? " qb-finder-search__list--" + modifier : "") },
      hits.map(function (hit) {
        return make("li", { "class": "qb-finder-search__item" }, [
          make("a", { href: hit.url, "class": "qb-finder-search__link" }, [hit.title]),
          hit.alias ? make("span", { "class": "qb-finder-search__alias" },
            [" (" + format(strings.search_alias, { alias: hit.alias }) + ")"]) : null,
          hit.summary ? make("p", { "class": "qb-finder-search__summary" }, [hit.summary]) : null
        ]);
      }));
  }

  function enhanceSearch(form) {
    var source = finderSource(form);
    var data = source && readData(source);
    var input = form.querySelector("input[type=search]");
    var results = form.querySelector(".qb-finder-search__results");
    if (!data || !input || !results) return;
    form.setAttribute("data-qb-ready", "");
    var strings = data.strings;
    var config = readConfig(source);
    var finderLink = source.id ? "#" + source.id : "#finder";

    function noPage(query, afterGuess) {
      var invite = make("a", { href: finderLink, "class": "qb-finder-search__finder-link" },
        [format(strings.search_try_finder, { query: query })]);
      invite.addEventListener("click", function (event) {
        // Kept from Material's instant navigation, which would treat it as a page link.
        event.preventDefault();
        event.stopPropagation();
        startFinderFor(query);
      });
      var block = make("div", { "class": "qb-finder-search__none" }, [
        make("p", {}, [format(afterGuess ? strings.search_none_after_guess : strings.search_none,
          { query: query }), " ", invite])
      ]);
      if (config.guide_url) {
        block.appendChild(make("p", { "class": "qb-finder-search__add" }, [
          make("a", { href: config.guide_url }, [strings.search_add])
        ]));
      }
      return block;
    }

    function update() {
      clear(results);
      var query = input.value.trim();
      if (!normalise(query)) return;
      var hits = searchRoles(data, query, 8);
      if (!hits.length) {
        results.appendChild(noPage(query));
        return;
      }
      if (hits[0].match === "typo") {
        results.appendChild(make("p", { "class": "qb-finder-search__guess" }, [
          format(strings.search_guess, { query: query })
        ]));
        results.appendChild(hitList(hits, strings, "guess"));
        results.appendChild(noPage(query, true));
        return;
      }
      if (hits[0].match === "partial") {
        // The closest page, never presented as the job itself: no count, no "matches".
        results.appendChild(make("p", { "class": "qb-finder-search__partial" }, [
          format(strings.search_partial, { query: query })
        ]));
        results.appendChild(hitList(hits, strings, "partial"));
        results.appendChild(noPage(query, true));
        return;
      }
      results.appendChild(make("p", { "class": "qb-finder-search__count" }, [
        format(strings[countedKey(strings, "search_count", hits.length)], { count: hits.length })
      ]));
      results.appendChild(hitList(hits, strings, ""));
    }

    input.addEventListener("input", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
      var first = results.querySelector("a");
      if (first) first.focus();
    });
    if (input.value) update();
  }

  function questionLabel(form, id) {
    var fieldset = null;
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-qb-question]"), function (candidate) {
      if (!fieldset && candidate.getAttribute("data-qb-question") === id) fieldset = candidate;
    });
    var legend = fieldset && fieldset.querySelector("legend");
    return { fieldset: fieldset, text: legend ? legend.textContent.replace(/\s+/g, " ").trim() : id };
  }

  function readAnswers(form, data) {
    var checked = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (radio) {
      if (radio.checked) checked[radio.name] = parseInt(radio.value, 10);
    });
    return data.questions.map(function (question) {
      return Object.prototype.hasOwnProperty.call(checked, question.id) ? checked[question.id] : null;
    });
  }

  function showMissing(form, data, result, answers) {
    var strings = data.strings;
    var items = [];
    data.questions.forEach(function (question, i) {
      var found = questionLabel(form, question.id);
      if (found.fieldset) found.fieldset.classList.toggle("qb-question--missing", answers[i] === null);
      if (answers[i] !== null) return;
      var target = found.fieldset && found.fieldset.id ? "#" + found.fieldset.id : null;
      items.push(make("li", {}, [target ? make("a", { href: target }, [found.text]) : found.text]));
    });
    var heading = make("h4", { "class": "qb-finder__headline", tabindex: "-1" }, [strings.finder_missing_title]);
    result.appendChild(heading);
    result.appendChild(make("p", {}, [strings.finder_missing_text]));
    result.appendChild(make("ul", { "class": "qb-finder__missing" }, items));
    return heading;
  }

  function button(text, onClick, primary) {
    var className = "md-button" + (primary ? " md-button--primary" : "");
    var node = make("button", { type: "button", "class": className }, [text]);
    node.addEventListener("click", onClick);
    return node;
  }

  /* The result view. `view`: {job, shared, answers, onAgain, saved, config}. */
  function showResult(data, result, profile, matches, view) {
    var strings = data.strings;
    var eyebrow = view.shared
      ? (view.job ? format(strings.finder_shared_for, { job: view.job }) : strings.finder_shared)
      : (view.job ? format(strings.finder_for, { job: view.job }) : strings.finder_yours);
    result.appendChild(make("p", { "class": "qb-finder__for" }, [eyebrow]));
    var heading = make("h4", { "class": "qb-finder__headline", tabindex: "-1" }, [profile.verdict.headline]);
    result.appendChild(heading);
    if (view.shared) result.appendChild(make("p", { "class": "qb-note" }, [strings.finder_shared_note]));
    result.appendChild(make("p", { "class": "qb-finder__verdict" }, [profile.verdict.text]));
    result.appendChild(make("p", { "class": "qb-finder__share-line" }, [
      make("strong", {}, [format(strings.finder_share_line, { share: profile.share })])
    ]));
    result.appendChild(make("p", { "class": "qb-finder__how" }, [strings.finder_share_how]));
    if (profile.kinds.length) {
      result.appendChild(make("h5", { "class": "qb-finder__subtitle" }, [strings.finder_kinds_title]));
      // The bar classes are the shared stylesheet's, as on profile quiz results.
      result.appendChild(make("ul", { "class": "qb-bars qb-finder__kinds" }, profile.kinds.map(function (kind) {
        var fill = make("span", { "class": "qb-bar__fill" });
        fill.style.width = kind.strength + "%";
        return make("li", { "class": "qb-bar qb-finder__kind qb-finder__kind--" + kind.label }, [
          make("span", { "class": "qb-bar__name" }, [kind.name]),
          make("span", { "class": "qb-bar__value qb-finder__kind-strength" }, [format(strings.finder_strength, {
            label: strings["label_" + kind.label], strength: kind.strength
          })]),
          make("span", { "class": "qb-bar__track", "aria-hidden": "true" }, [fill])
        ]);
      })));
    }
    if (matches.length) {
      result.appendChild(make("h5", { "class": "qb-finder__subtitle" }, [strings.finder_roles_title]));
      if (matches[0].fit < SIMILAR_FROM) {
        result.appendChild(make("p", { "class": "qb-finder__none-similar" }, [strings.finder_roles_none_similar]));
      }
      result.appendChild(make("ol", { "class": "qb-finder__roles" }, matches.map(function (match, index) {
        var quizzes = null;
        if (index === 0 && match.quizzes && match.quizzes.length) {
          var links = [format(strings.finder_quizzes, { title: match.title }), " "];
          match.quizzes.forEach(function (quiz, n) {
            if (n) links.push(" · ");
            links.push(make("a", { href: match.url + "#quiz-" + quiz.id }, [quiz.title]));
          });
          quizzes = make("p", { "class": "qb-finder__quizzes" }, links);
        }
        return make("li", { "class": "qb-finder__role" }, [
          make("a", { href: match.url }, [match.title]),
          make("span", { "class": "qb-finder__fit" }, [" · " + format(strings.finder_fit, {
            label: strings["close_" + match.close], fit: match.fit
          })]),
          match.summary ? make("p", { "class": "qb-finder__role-summary" }, [match.summary]) : null,
          quizzes
        ]);
      })));
      result.appendChild(make("p", { "class": "qb-finder__how" }, [strings.finder_fit_how]));
    }
    var actions = make("p", { "class": "qb-result__actions qb-finder__actions" }, []);
    result.appendChild(actions);
    if (view.shared) {
      actions.appendChild(button(strings.finder_take, view.onAgain, true));
      return heading;
    }
    var url = location.href.split("#")[0] + "#qb=" + encodeShare(view.answers, view.job);
    var input = make("input", { type: "text", readonly: "", value: url, "class": "qb-share__url" });
    var manual = make("label", { "class": "qb-share", hidden: "" }, [strings.finder_share_manual, " ", input]);
    var message = make("span", { "class": "qb-share__msg", role: "status" });
    function fallback() {
      manual.hidden = false;
      input.focus();
      input.select();
    }
    function copy() {
      try {
        navigator.clipboard.writeText(url).then(function () {
          message.textContent = strings.finder_share_copied;
        }, fallback);
      } catch (error) {
        fallback();
      }
    }
    actions.appendChild(button(strings.finder_retake, view.onAgain, false));
    actions.appendChild(button(strings.finder_share, copy, false));
    actions.appendChild(message);
    result.appendChild(manual);
    var note = make("p", { "class": "qb-finder__saved" + (view.saved ? "" : " qb-note qb-note--warn") },
      [view.saved ? strings.finder_saved : strings.finder_not_saved]);
    if (view.saved && view.config.results_url) {
      note.appendChild(document.createTextNode(" "));
      note.appendChild(make("a", { href: view.config.results_url }, [strings.finder_all_results]));
    }
    result.appendChild(note);
    return heading;
  }

  /* Keep a finished result in "My results", in the quiz engine's store and format. */
  function save(data, config, answers, job, profile, matches) {
    var core = typeof globalThis !== "undefined" ? globalThis.QuizbuilderCore : null;
    if (!core || !config.storage) return false;
    try {
      var key = core.storageKey(config.storage);
      var read = core.readStore(localStorage.getItem(key));
      if (!read.ok) return false;
      var named = {};
      var names = {};
      data.questions.forEach(function (question, i) { named[question.id] = answers[i]; });
      data.kinds.forEach(function (kind) { names[kind.id] = kind.name; });
      var ranked = profile.kinds.slice().sort(function (a, b) { return b.strength - a.strength; });
      var attempt = {
        quiz: "finder",
        role: matches.length ? matches[0].slug : "",
        title: data.strings.finder_history_title,
        url: location.pathname + "#qb=" + encodeShare(answers, job),
        names: names,
        date: new Date().toISOString(),
        answers: named,
        result: {
          status: "ok",
          kind: "finder",
          quiz: "finder",
          job: job,
          share: profile.share,
          dimensions: profile.kinds.map(function (kind) { return { id: kind.id, percent: kind.strength }; }),
          strongest: ranked.length && ranked[0].strength ? ranked[0].id : null,
          weakest: ranked.length ? ranked[ranked.length - 1].id : null,
          closest: matches.map(function (match) { return { slug: match.slug, title: match.title, fit: match.fit }; })
        }
      };
      localStorage.setItem(key, JSON.stringify(core.addAttempt(read.store, attempt)));
      return true;
    } catch (error) {
      return false;
    }
  }

  function sharedFragment() {
    var found = /^#qb=(.*)$/.exec(location.hash);
    return found ? found[1] : null;
  }

  function enhanceFinder(form) {
    var data = readData(form);
    var result = form.querySelector(".qb-finder__result");
    if (!data || !result) return;
    form.setAttribute("data-qb-ready", "");
    var config = readConfig(form);
    var jobField = form.querySelector("input[name=job]");

    function job() {
      return jobField ? jobField.value.replace(/\s+/g, " ").trim().slice(0, JOB_MAX) : "";
    }

    function reveal(heading, onLoad) {
      // On page load (a shared link) wait for the page to settle first, as the engine does.
      function go() {
        heading.focus({ preventScroll: true });
        if (result.scrollIntoView) result.scrollIntoView({ block: "start" });
      }
      if (onLoad) requestAnimationFrame(function () { requestAnimationFrame(go); });
      else go();
    }

    /* Answer again: keeps the reader's job title; a shared result's title is not theirs. */
    function again(event, quiet) {
      var kept = form.classList.contains("qb-finder--shared") ? "" : job();
      form.reset();
      if (jobField) jobField.value = kept;
      clear(result);
      form.classList.remove("qb-finder--shared");
      if (/^#qb=/.test(location.hash)) {
        history.replaceState(history.state, "", location.pathname + location.search);
      }
      var first = form.querySelector("fieldset[data-qb-question] input");
      if (first && !quiet) first.focus();
    }

    form.addEventListener("change", function (event) {
      var fieldset = event.target && event.target.closest ? event.target.closest("fieldset") : null;
      if (fieldset) fieldset.classList.remove("qb-question--missing");
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = readAnswers(form, data);
      clear(result);
      form.classList.remove("qb-finder--shared");
      var heading;
      var detail;
      if (answers.indexOf(null) !== -1) {
        heading = showMissing(form, data, result, answers);
        detail = {
          status: "incomplete",
          missing: data.questions.filter(function (question, i) { return answers[i] === null; })
            .map(function (question) { return question.id; })
        };
      } else {
        var profile = customerProfile(data, answers);
        var matches = matchRoles(data, answers, 3);
        var title = job();
        var saved = save(data, config, answers, title, profile, matches);
        heading = showResult(data, result, profile, matches, {
          job: title, shared: false, answers: answers, onAgain: again, saved: saved, config: config
        });
        var named = {};
        data.questions.forEach(function (question, i) { named[question.id] = answers[i]; });
        detail = { status: "ok", answers: named, job: title, profile: profile, matches: matches, saved: saved };
      }
      reveal(heading, false);
      form.dispatchEvent(new CustomEvent("quizbuilder:finder", { bubbles: true, detail: detail }));
    });

    /* Show what the address holds: a shared result, or (after one) the plain finder. */
    function followAddress(onLoad) {
      var fragment = sharedFragment();
      if (fragment === null) {
        // The reader went to a section of the page: close the shared view, keep the scroll.
        if (form.classList.contains("qb-finder--shared")) again(null, true);
        return;
      }
      clear(result);
      var heading;
      form.classList.add("qb-finder--shared");
      try {
        var shared = decodeShare(data, fragment);
        heading = showResult(data, result, customerProfile(data, shared.answers),
          matchRoles(data, shared.answers, 3), { job: shared.job, shared: true, onAgain: again, config: config });
      } catch (error) {
        if (!(error instanceof ShareError)) throw error;
        heading = make("h4", { "class": "qb-finder__headline", tabindex: "-1" }, [data.strings.finder_shared_invalid]);
        result.appendChild(heading);
        result.appendChild(make("p", { "class": "qb-result__actions qb-finder__actions" },
          [button(data.strings.finder_take, again, true)]));
      }
      reveal(heading, onLoad);
    }
    views.set(form, followAddress);
    followAddress(true);
  }

  /* A share link pasted over the current one changes only the fragment. */
  var views = typeof WeakMap === "function" ? new WeakMap() : { set: function () {}, get: function () {} };

  function onHashChange() {
    Array.prototype.forEach.call(document.querySelectorAll("form.qb-finder[data-qb-ready]"), function (form) {
      var follow = views.get(form);
      if (follow) follow(false);
    });
  }

  /* The role index filter: show the roles of one sector and/or customer kind, and only
     the sector groups (and their links) that still hold a role. */
  function enhanceFilter(form) {
    form.setAttribute("data-qb-ready", "");
    var index = form.parentNode;
    var items = index.querySelectorAll(".qb-role-list li");
    if (!items.length) return;
    var groups = index.querySelectorAll(".qb-role-group");
    var count = form.querySelector(".qb-finder-filter__count");
    function apply() {
      var sector = form.elements.sector.value, kind = form.elements.kind.value, shown = 0;
      Array.prototype.forEach.call(items, function (li) {
        var ok = (!sector || li.getAttribute("data-sector") === sector) &&
          (!kind || (" " + li.getAttribute("data-kinds") + " ").indexOf(" " + kind + " ") >= 0);
        li.hidden = !ok;
        if (ok) shown++;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector(".qb-role-list li:not([hidden])");
        var heading = group.querySelector("h2[id]");
        var link = heading && index.querySelector(".qb-role-sectors a[href='#" + heading.id + "']");
        if (link) link.parentNode.hidden = group.hidden;
      });
      count.textContent = (form.getAttribute("data-count") || "{shown} of {total}")
        .replace("{shown}", shown).replace("{total}", items.length);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    if (typeof document === "undefined") return;
    Array.prototype.forEach.call(
      document.querySelectorAll("form.qb-finder-filter:not([data-qb-ready])"), enhanceFilter);
    Array.prototype.forEach.call(
      document.querySelectorAll("form.qb-finder:not([data-qb-ready])"), enhanceFinder);
    Array.prototype.forEach.call(
      document.querySelectorAll("form.qb-finder-search:not([data-qb-ready])"), enhanceSearch);
  }

  var subscribed = false;
  var listening = false;
  var waiting = false;

  /* Runs on every execution of this file; enhancing is idempotent. */
  function start() {
    if (typeof window === "undefined" || typeof document === "undefined") return;
    // Material's document$ emits the parsed (detached) document after an instant
    // navigation, so init() always reads the live global document instead.
    if (!subscribed && window.document$ && typeof window.document$.subscribe === "function") {
      subscribed = true;
      window.document$.subscribe(function () { init(); });
    }
    if (!listening) {
      listening = true;
      window.addEventListener("hashchange", onHashChange);
    }
    if (document.readyState === "loading") {
      if (!waiting) {
        waiting = true;
        document.addEventListener("DOMContentLoaded", function () {
          waiting = false;
          init();
        });
      }
    } else {
      init();
    }
  }

  // The core's functions too, so one global answers both (tests, benchmarks).
  var api = { init: init, start: start };
  Object.keys(core).forEach(function (name) { api[name] = core[name]; });
  return api;
});
