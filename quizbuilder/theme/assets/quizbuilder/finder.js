/*
 * quizbuilder finder: "Are you in customer service?"
 *
 * Two parts. The pure part (normalise, matchRoles, customerProfile, searchRoles)
 * mirrors quizbuilder/finder.py; tests/vectors/finder/ holds both to the same
 * answers. The DOM part enhances the server-rendered `form.qb-finder-search` and
 * `form.qb-finder`, once each (marked `data-qb-ready`).
 *
 * Material's instant navigation re-creates <script> elements found in the page
 * content, so this file can run many times in one window: the API is defined once
 * on globalThis.QuizbuilderFinder and `document$` is subscribed to once.
 */
(function (root, factory) {
  "use strict";
  var api = (root && root.QuizbuilderFinder) || factory();
  if (root) root.QuizbuilderFinder = api;
  if (typeof module === "object" && module.exports) module.exports = api;
  api.start();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  var APOSTROPHES = { "'": true, "\u2019": true, "`": true, "\u02bc": true };
  var STOP_WORDS = { and: true, the: true, for: true, with: true, of: true };
  var MARK = /\p{M}/u;
  var LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  var STRENGTH_LABELS = [[67, "strong"], [34, "some"], [1, "light"]];
  var CLOSE_TO_TOP = 10;
  var CLEAR_FROM = 34;
  var TIER_NAMES = ["exact", "prefix", "fuzzy", "partial"];

  /* ---- pure part ---------------------------------------------------------- */

  function chars(text) {
    return Array.from(text);
  }

  /* Compares by code point, as Python compares strings. */
  function compareStrings(a, b) {
    var x = chars(a);
    var y = chars(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var p = x[i].codePointAt(0);
      var q = y[i].codePointAt(0);
      if (p !== q) return p < q ? -1 : 1;
    }
    return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
  }

  function compareInts(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length - b.length;
  }

  function compareEntries(a, b) {
    return compareInts(a.key, b.key) || compareStrings(a.tie[0], b.tie[0]) ||
      compareStrings(a.tie[1], b.tie[1]);
  }

  /* The k smallest entries in order, in one pass: O(n·k), not a sort. */
  function topK(entries, k) {
    var best = [];
    if (k <= 0) return best;
    entries.forEach(function (entry) {
      if (best.length === k && compareEntries(entry, best[best.length - 1]) >= 0) return;
      var index = best.length;
      while (index > 0 && compareEntries(entry, best[index - 1]) < 0) index--;
      best.splice(index, 0, entry);
      if (best.length > k) best.pop();
    });
    return best;
  }

  function normalise(text) {
    var kept = [];
    chars(String(text).normalize("NFKD").toLowerCase()).forEach(function (c) {
      if (MARK.test(c) || APOSTROPHES[c]) return;
      kept.push(LETTER_OR_NUMBER.test(c) ? c : " ");
    });
    return kept.join("").split(" ").filter(Boolean).join(" ");
  }

  /* Normalised names, computed once per role object: search runs on every keystroke. */
  var prepared = typeof WeakMap === "function" ? new WeakMap() : null;

  function prepare(role) {
    var entry = prepared && prepared.get(role);
    if (entry) return entry;
    var names = [[role.title, null]].concat((role.aliases || []).map(function (a) { return [a, a]; }));
    entry = {
      tie: [normalise(role.title), role.slug],
      names: names.map(function (pair) {
        var text = normalise(pair[0]);
        return {
          text: text,
          compact: text.split(" ").join(""),
          tokens: text.split(" ").map(function (token) { return { text: token, chars: chars(token) }; }),
          alias: pair[1]
        };
      })
    };
    if (prepared) prepared.set(role, entry);
    return entry;
  }

  function tieKey(role) {
    return prepare(role).tie;
  }

  function percent(part, whole) {
    return Math.floor((200 * part + whole) / (2 * whole));
  }

  function checkAnswers(data, answers) {
    var questions = data.questions;
    if (!Array.isArray(answers) || answers.length !== questions.length) {
      throw new RangeError("expected " + questions.length + " answers");
    }
    questions.forEach(function (question, i) {
      var answer = answers[i];
      if (!Number.isInteger(answer) || answer < 0 || answer > question.max) {
        throw new RangeError(question.id + ": " + answer + " is not in 0.." + question.max);
      }
    });
  }

  function matchRoles(data, answers, k) {
    if (k === undefined) k = 3;
    checkAnswers(data, answers);
    var worst = 0;
    data.questions.forEach(function (q) { worst += q.max * q.max; });
    var entries = data.roles.map(function (role) {
      var distance = 0;
      answers.forEach(function (a, i) { distance += (a - role.v[i]) * (a - role.v[i]); });
      return { key: [distance], tie: tieKey(role), role: role };
    });
    return topK(entries, k).map(function (entry) {
      var role = entry.role;
      return {
        slug: role.slug,
        title: role.title,
        url: role.url,
        summary: role.summary,
        distance: entry.key[0],
        fit: worst ? percent(worst - entry.key[0], worst) : 100
      };
    });
  }

  function strengthLabel(strength) {
    for (var i = 0; i < STRENGTH_LABELS.length; i++) {
      if (strength >= STRENGTH_LABELS[i][0]) return STRENGTH_LABELS[i][1];
    }
    return "none";
  }

  function inSentence(name) {
    var first = name.split(" ")[0];
    if (chars(first).length > 1 && first === first.toUpperCase()) return name;
    var all = chars(name);
    return all.length ? all[0].toLowerCase() + all.slice(1).join("") : name;
  }

  function joinNames(names, andWord) {
    if (names.length <= 1) return names.join("");
    return names.slice(0, -1).join(", ") + " " + andWord + " " + names[names.length - 1];
  }

  function customerProfile(data, answers) {
    checkAnswers(data, answers);
    var strings = data.strings;
    var kinds = [];
    data.kinds.forEach(function (kind) {
      var points = 0;
      var maximum = 0;
      data.questions.forEach(function (question, i) {
        if (question.kind === kind.id) {
          points += answers[i];
          maximum += question.max;
        }
      });
      if (maximum === 0) return;
      var strength = percent(points, maximum);
      kinds.push({ id: kind.id, name: kind.name, strength: strength, label: strengthLabel(strength) });
    });
    var top = 0;
    kinds.forEach(function (kind) { if (kind.strength > top) top = kind.strength; });
    var verdict;
    if (top === 0) {
      verdict = { level: "none", kinds: [], headline: strings.verdict_none, text: strings.verdict_none_text };
    } else {
      var lead = kinds
        .filter(function (kind) { return kind.strength >= top - CLOSE_TO_TOP; })
        .sort(function (a, b) { return b.strength - a.strength; });
      var level = top >= CLEAR_FROM ? "clear" : "quiet";
      var headline;
      if (level === "clear" && lead.length === kinds.length && kinds.length > 1) {
        headline = strings.verdict_all;
      } else {
        var names = lead.map(function (kind) { return inSentence(kind.name); });
        headline = strings["verdict_" + level].split("{kinds}").join(joinNames(names, strings.and));
      }
      verdict = {
        level: level,
        kinds: lead.map(function (kind) { return kind.id; }),
        headline: headline,
        text: strings["verdict_" + level + "_text"]
      };
    }
    return { kinds: kinds, verdict: verdict };
  }

  /*
   * Row a.length of the optimal-string-alignment table of a against b (code-point
   * arrays): entry j is the distance from a to b.slice(0, j), so one pass answers
   * both "how far from the whole word" and "how far from its start". null as soon
   * as every entry of a row exceeds limit.
   */
  function lastRow(a, b, limit) {
    var before = [];
    var previous = [];
    var j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current.push(value);
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > limit) return null;
      before = previous;
      previous = current;
    }
    return previous;
  }

  /* Optimal-string-alignment (restricted Damerau-Levenshtein) distance, capped at limit + 1. */
  function editDistance(a, b, limit) {
    a = chars(a);
    b = chars(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var row = lastRow(a, b, limit);
    return row === null ? limit + 1 : Math.min(row[b.length], limit + 1);
  }

  function allowedEdits(length) {
    if (length < 4) return 0;
    return length < 8 ? 1 : 2;
  }

  /* query, token: {text, chars}; as finder.py's _token_cost. */
  function tokenCost(query, token) {
    if (token.text.startsWith(query.text)) return 0;
    var size = query.chars.length;
    var t = token.chars;
    var allowed = allowedEdits(size);
    if (allowed === 0 || t.length < size - allowed) return null;
    var columns = Math.min(t.length, size + allowed);
    var row = lastRow(query.chars, t.slice(0, columns), allowed);
    if (row === null) return null;
    var best = t.length <= columns ? row[t.length] : allowed + 1;
    for (var length = size - 1; length <= size + 1; length++) {
      if (length > 0 && length < t.length && length <= columns) best = Math.min(best, row[length]);
    }
    return best <= allowed ? best : null;
  }

  function nameKey(query, queryCompact, queryTokens, name, isAlias) {
    if (query === name.text || queryCompact === name.compact) return [0, 0, 0, isAlias];
    var starts = name.compact.startsWith(queryCompact);
    var costs = queryTokens.map(function (word) {
      var found = null;
      name.tokens.forEach(function (token) {
        var cost = tokenCost(word, token);
        if (cost !== null && (found === null || cost < found)) found = cost;
      });
      return found;
    });
    if (starts || costs.every(function (cost) { return cost === 0; })) {
      return [1, starts ? 0 : 1, 0, isAlias];
    }
    var sum = function (list) { return list.reduce(function (a, b) { return a + b; }, 0); };
    var matched = costs.filter(function (cost) { return cost !== null; });
    if (matched.length === costs.length) return [2, 0, sum(matched), isAlias];
    // Partial matches are noisy enough without typos: only whole words or their starts.
    var useful = costs.filter(function (cost, i) {
      var word = queryTokens[i];
      return cost === 0 && word.chars.length >= 3 && !STOP_WORDS[word.text];
    });
    if (useful.length) return [3, -useful.length, 0, isAlias];
    return null;
  }

  function searchRoles(data, query, limit) {
    if (limit === undefined) limit = 8;
    var text = normalise(query);
    if (!text) return [];
    var compact = text.split(" ").join("");
    var tokens = text.split(" ").map(function (token) { return { text: token, chars: chars(token) }; });
    var candidates = [];
    data.roles.forEach(function (role) {
      var entry = prepare(role);
      var best = null;
      var bestAlias = null;
      entry.names.forEach(function (name, index) {
        var key = nameKey(text, compact, tokens, name, index ? 1 : 0);
        if (key !== null && (best === null || compareInts(key, best) < 0)) {
          best = key;
          bestAlias = name.alias;
        }
      });
      if (best !== null) candidates.push({ key: best, tie: entry.tie, role: role, alias: bestAlias });
    });
    return topK(candidates, limit).map(function (entry) {
      var role = entry.role;
      return {
        slug: role.slug,
        title: role.title,
        url: role.url,
        summary: role.summary,
        match: TIER_NAMES[entry.key[0]],
        alias: entry.alias
      };
    });
  }

  /* ---- DOM part ----------------------------------------------------------- */

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

  function enhanceSearch(form) {
    var source = finderSource(form);
    var data = source && readData(source);
    var input = form.querySelector("input[type=search]");
    var results = form.querySelector(".qb-finder-search__results");
    if (!data || !input || !results) return;
    form.setAttribute("data-qb-ready", "");
    var strings = data.strings;
    var finderLink = source.id ? "#" + source.id : "#finder";

    function update() {
      clear(results);
      var query = input.value;
      if (!normalise(query)) return;
      var hits = searchRoles(data, query, 8);
      if (!hits.length) {
        results.appendChild(make("p", { "class": "qb-finder-search__none" }, [
          format(strings.search_none, { query: query.trim() }) + " ",
          make("a", { href: finderLink, "class": "qb-finder-search__finder-link" }, [strings.search_try_finder])
        ]));
        return;
      }
      results.appendChild(make("p", { "class": "qb-finder-search__count" }, [
        hits.length === 1 ? strings.search_count_one : format(strings.search_count_many, { count: hits.length })
      ]));
      results.appendChild(make("ul", { "class": "qb-finder-search__list" }, hits.map(function (hit) {
        return make("li", { "class": "qb-finder-search__item" }, [
          make("a", { href: hit.url, "class": "qb-finder-search__link" }, [hit.title]),
          hit.alias ? make("span", { "class": "qb-finder-search__alias" },
            [" (" + format(strings.search_alias, { alias: hit.alias }) + ")"]) : null,
          hit.summary ? make("p", { "class": "qb-finder-search__summary" }, [hit.summary]) : null
        ]);
      })));
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
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-qb-question]"), function (f) {
      if (!fieldset && f.getAttribute("data-qb-question") === id) fieldset = f;
    });
    var legend = fieldset && fieldset.querySelector("legend");
    return { fieldset: fieldset, text: legend ? legend.textContent.replace(/\s+/g, " ").trim() : id };
  }

  function readAnswers(form, data) {
    var checked = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (radio) {
      if (radio.checked) checked[radio.name] = parseInt(radio.value, 10);
    });
    return data.questions.map(function (q) {
      return Object.prototype.hasOwnProperty.call(checked, q.id) ? checked[q.id] : null;
    });
  }

  function showMissing(form, data, result, answers) {
    var strings = data.strings;
    var items = [];
    data.questions.forEach(function (q, i) {
      var found = questionLabel(form, q.id);
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

  function showResult(data, result, profile, matches) {
    var strings = data.strings;
    var heading = make("h4", { "class": "qb-finder__headline", tabindex: "-1" }, [profile.verdict.headline]);
    result.appendChild(heading);
    result.appendChild(make("p", { "class": "qb-finder__verdict" }, [profile.verdict.text]));
    if (profile.kinds.length) {
      result.appendChild(make("h5", { "class": "qb-finder__subtitle" }, [strings.finder_kinds_title]));
      // The bar classes are the shared stylesheet's, as on profile quiz results.
      result.appendChild(make("ul", { "class": "qb-bars qb-finder__kinds" }, profile.kinds.map(function (kind) {
        var fill = make("span", { "class": "qb-bar__fill" });
        fill.style.width = kind.strength + "%";
        return make("li", { "class": "qb-bar qb-finder__kind qb-finder__kind--" + kind.label }, [
          make("span", { "class": "qb-bar__name" }, [kind.name]),
          make("span", { "class": "qb-finder__kind-strength" }, [format(strings.finder_strength, {
            label: strings["label_" + kind.label], strength: kind.strength
          })]),
          make("span", { "class": "qb-bar__track", "aria-hidden": "true" }, [fill])
        ]);
      })));
    }
    if (matches.length) {
      result.appendChild(make("h5", { "class": "qb-finder__subtitle" }, [strings.finder_roles_title]));
      result.appendChild(make("ol", { "class": "qb-finder__roles" }, matches.map(function (match) {
        return make("li", { "class": "qb-finder__role" }, [
          make("a", { href: match.url }, [match.title]),
          make("span", { "class": "qb-finder__fit" }, [" · " + format(strings.finder_fit, { fit: match.fit })]),
          match.summary ? make("p", { "class": "qb-finder__role-summary" }, [match.summary]) : null
        ]);
      })));
    }
    return heading;
  }

  function enhanceFinder(form) {
    var data = readData(form);
    var result = form.querySelector(".qb-finder__result");
    if (!data || !result) return;
    form.setAttribute("data-qb-ready", "");

    form.addEventListener("change", function (event) {
      var fieldset = event.target && event.target.closest ? event.target.closest("fieldset") : null;
      if (fieldset) fieldset.classList.remove("qb-question--missing");
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = readAnswers(form, data);
      clear(result);
      var heading;
      var detail;
      if (answers.indexOf(null) !== -1) {
        heading = showMissing(form, data, result, answers);
        detail = {
          status: "incomplete",
          missing: data.questions.filter(function (q, i) { return answers[i] === null; })
            .map(function (q) { return q.id; })
        };
      } else {
        var profile = customerProfile(data, answers);
        var matches = matchRoles(data, answers, 3);
        heading = showResult(data, result, profile, matches);
        var named = {};
        data.questions.forEach(function (q, i) { named[q.id] = answers[i]; });
        detail = { status: "ok", answers: named, profile: profile, matches: matches };
      }
      // Show the result from its top (focus alone would leave it at the window's bottom).
      heading.focus({ preventScroll: true });
      if (result.scrollIntoView) result.scrollIntoView({ block: "start" });
      form.dispatchEvent(new CustomEvent("quizbuilder:finder", { bubbles: true, detail: detail }));
    });
  }

  /* The role index filter: show the roles of one sector and/or customer kind. */
  function enhanceFilter(form) {
    form.setAttribute("data-qb-ready", "");
    var list = form.parentNode.querySelector(".qb-role-list");
    if (!list) return;
    var items = list.querySelectorAll("li");
    var count = form.querySelector(".qb-finder-filter__count");
    function apply() {
      var sector = form.elements.sector.value, kind = form.elements.kind.value, shown = 0;
      Array.prototype.forEach.call(items, function (li) {
        var ok = (!sector || li.getAttribute("data-sector") === sector) &&
          (!kind || (" " + li.getAttribute("data-kinds") + " ").indexOf(" " + kind + " ") >= 0);
        li.hidden = !ok;
        if (ok) shown++;
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
    if (document.readyState === "loading") {
      if (!waiting) {
        waiting = true;
        document.addEventListener("DOMContentLoaded", function () { waiting = false; init(); });
      }
    } else {
      init();
    }
  }

  return {
    version: 1,
    normalise: normalise,
    editDistance: editDistance,
    allowedEdits: allowedEdits,
    matchRoles: matchRoles,
    customerProfile: customerProfile,
    searchRoles: searchRoles,
    init: init,
    start: start
  };
});
