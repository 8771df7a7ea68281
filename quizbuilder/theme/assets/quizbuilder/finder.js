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
  var STOP_WORDS = { and: true, the: true, "for": true, "with": true, of: true, a: true, an: true,
    "in": true, at: true, to: true };
  var MARK = /\p{M}/u;
  var LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  var STRENGTH_LABELS = [[67, "strong"], [34, "some"], [1, "light"]];
  var CLOSE_TO_TOP = 10;
  var CLEAR_FROM = 34;
  var CLOSENESS_LABELS = [[100, "same"], [90, "nearly"], [70, "similar"], [40, "somewhat"], [0, "unlike"]];
  var SIMILAR_FROM = 70;
  var MATCH_NAMES = ["exact", "words", "prefix", "typo"];
  var SHARE_MAX = 512;
  var JOB_MAX = 80;
  var JOB_REFUSED = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u;

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

  /* Six times the expected squared distance between two sets of random answers. */
  function randomSpread(data) {
    var spread = 0;
    data.questions.forEach(function (q) { spread += q.max * (q.max + 2); });
    return spread;
  }

  /* 100 for the same answers, 0 for no closer than answering at random. */
  function closeness(distance, spread) {
    if (spread <= 0) return 100;
    return Math.max(0, percent(spread - 6 * distance, spread));
  }

  function closenessLabel(fit) {
    for (var i = 0; i < CLOSENESS_LABELS.length; i++) {
      if (fit >= CLOSENESS_LABELS[i][0]) return CLOSENESS_LABELS[i][1];
    }
    return "unlike";
  }

  function matchRoles(data, answers, k) {
    if (k === undefined) k = 3;
    checkAnswers(data, answers);
    var spread = randomSpread(data);
    var entries = data.roles.map(function (role) {
      var distance = 0;
      answers.forEach(function (a, i) { distance += (a - role.v[i]) * (a - role.v[i]); });
      return { key: [distance], tie: tieKey(role), role: role };
    });
    return topK(entries, k).map(function (entry) {
      var role = entry.role;
      var fit = closeness(entry.key[0], spread);
      return {
        slug: role.slug,
        title: role.title,
        url: role.url,
        summary: role.summary,
        quizzes: role.quizzes || [],
        distance: entry.key[0],
        fit: fit,
        close: closenessLabel(fit)
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
    return { kinds: kinds, verdict: verdict, share: top };
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

  /* As finder.py: no typos up to 4 letters, 1 up to 7, then 2. */
  function allowedEdits(length) {
    if (length <= 4) return 0;
    return length < 8 ? 1 : 2;
  }

  /* query, token: {text, chars}; as finder.py's _typo_cost (first letters must agree). */
  function typoCost(query, token) {
    var q = query.chars;
    var t = token.chars;
    var size = q.length;
    var allowed = allowedEdits(size);
    if (allowed === 0 || !t.length || t[0] !== q[0] || t.length < size - allowed) return null;
    var columns = Math.min(t.length, size + allowed);
    var row = lastRow(q, t.slice(0, columns), allowed);
    if (row === null) return null;
    var best = t.length <= columns ? row[t.length] : allowed + 1;
    for (var length = size - 1; length <= size + 1; length++) {
      if (length > 0 && length < t.length && length <= columns) best = Math.min(best, row[length]);
    }
    return best <= allowed ? best : null;
  }

  function required(tokens) {
    var kept = tokens.filter(function (token) { return !STOP_WORDS[token.text]; });
    return kept.length ? kept : tokens;
  }

  /* As finder.py's _name_key: [tier, typos, isAlias] or null. */
  function nameKey(query, queryCompact, words, name, isAlias) {
    if (query === name.text || queryCompact === name.compact) return [0, 0, isAlias];
    var tokens = name.tokens;
    function isWord(word) {
      return tokens.some(function (token) { return token.text === word.text; });
    }
    function starts(word) {
      return tokens.some(function (token) { return token.text.startsWith(word.text); });
    }
    if (words.every(isWord)) return [1, 0, isAlias];
    if (name.compact.startsWith(queryCompact) || words.every(starts)) return [2, 0, isAlias];
    var typos = 0;
    for (var i = 0; i < words.length; i++) {
      if (starts(words[i])) continue;
      var best = null;
      for (var j = 0; j < tokens.length; j++) {
        var cost = typoCost(words[i], tokens[j]);
        if (cost !== null && (best === null || cost < best)) best = cost;
      }
      if (best === null) return null;
      typos += best;
    }
    return [3, typos, isAlias];
  }

  /* Only the best kind of match: whole words, else word starts, else typo guesses. */
  function searchRoles(data, query, limit) {
    if (limit === undefined) limit = 8;
    var text = normalise(query);
    if (!text) return [];
    var compact = text.split(" ").join("");
    var words = required(text.split(" ").map(function (token) { return { text: token, chars: chars(token) }; }));
    var candidates = [];
    data.roles.forEach(function (role) {
      var entry = prepare(role);
      var best = null;
      var bestAlias = null;
      entry.names.forEach(function (name, index) {
        var key = nameKey(text, compact, words, name, index ? 1 : 0);
        if (key !== null && (best === null || compareInts(key, best) < 0)) {
          best = key;
          bestAlias = name.alias;
        }
      });
      if (best !== null) candidates.push({ key: best, tie: entry.tie, role: role, alias: bestAlias });
    });
    if (!candidates.length) return [];
    var level = Math.min.apply(null, candidates.map(function (c) { return c.key[0]; }));
    var kept = candidates.filter(function (c) { return level <= 1 ? c.key[0] <= 1 : c.key[0] === level; });
    return topK(kept, limit).map(function (entry) {
      var role = entry.role;
      return {
        slug: role.slug,
        title: role.title,
        url: role.url,
        summary: role.summary,
        match: MATCH_NAMES[entry.key[0]],
        alias: entry.alias
      };
    });
  }

  /* ---- share links (as finder.py's encode_share / decode_share) ------------ */

  function ShareError(code) {
    this.name = "ShareError";
    this.code = code;
    this.message = "share link: " + code;
  }
  ShareError.prototype = Object.create(Error.prototype);
  ShareError.prototype.constructor = ShareError;

  function fail(code) { throw new ShareError(code); }

  function encodeShare(answers, job) {
    var payload = { v: 1, k: "f", a: answers.join("") };
    if (job) payload.j = job;
    var bytes = new TextEncoder().encode(JSON.stringify(payload));
    var binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeShare(data, text) {
    if (typeof text !== "string" || !text) fail("empty");
    if (text.length > SHARE_MAX) fail("size");
    if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) fail("encoding");
    var value;
    try {
      var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
      var bytes = Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
      value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (error) {
      fail("json");
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) fail("shape");
    if (value.v !== 1) fail("version");
    if (value.k !== "f") fail("kind");
    var keys = Object.keys(value);
    var allowedKeys = { v: 1, k: 1, a: 1, j: 1 };
    if (!Object.prototype.hasOwnProperty.call(value, "a") ||
        !keys.every(function (key) { return Object.prototype.hasOwnProperty.call(allowedKeys, key); })) {
      fail("shape");
    }
    var digits = value.a;
    var questions = data.questions;
    if (typeof digits !== "string" || digits.length !== questions.length) fail("answers");
    var answers = [];
    for (var i = 0; i < questions.length; i++) {
      var digit = digits.charAt(i);
      if ("0123456789".indexOf(digit) < 0 || Number(digit) > questions[i].max) fail("answers");
      answers.push(Number(digit));
    }
    var has = Object.prototype.hasOwnProperty.call(value, "j");
    var job = has ? value.j : "";
    if (typeof job !== "string" || (has && !job.trim())) fail("job");
    if (chars(job).length > JOB_MAX || JOB_REFUSED.test(job)) fail("job");
    return { answers: answers, job: job };
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

  function hitList(hits, strings, guess) {
    return make("ul", { "class": "qb-finder-search__list" + (guess ? " qb-finder-search__list--guess" : "") },
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
        results.appendChild(hitList(hits, strings, true));
        results.appendChild(noPage(query, true));
        return;
      }
      results.appendChild(make("p", { "class": "qb-finder-search__count" }, [
        hits.length === 1 ? strings.search_count_one : format(strings.search_count_many, { count: hits.length })
      ]));
      results.appendChild(hitList(hits, strings, false));
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

  function button(text, onClick, primary) {
    var b = make("button", { type: "button", "class": "md-button" + (primary ? " md-button--primary" : "") }, [text]);
    b.addEventListener("click", onClick);
    return b;
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
          make("span", { "class": "qb-finder__kind-strength" }, [format(strings.finder_strength, {
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
      data.questions.forEach(function (q, i) { named[q.id] = answers[i]; });
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
          closest: matches.map(function (m) { return { slug: m.slug, title: m.title, fit: m.fit }; })
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
          missing: data.questions.filter(function (q, i) { return answers[i] === null; })
            .map(function (q) { return q.id; })
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
        data.questions.forEach(function (q, i) { named[q.id] = answers[i]; });
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
    closeness: closeness,
    customerProfile: customerProfile,
    searchRoles: searchRoles,
    encodeShare: encodeShare,
    decodeShare: decodeShare,
    ShareError: ShareError,
    SIMILAR_FROM: SIMILAR_FROM,
    init: init,
    start: start
  };
});
