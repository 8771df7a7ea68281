/*
 * quizbuilder finder core: the finder's logic, with no DOM.
 *
 * normalise, searchRoles, matchRoles, customerProfile and the share-link codec mirror
 * quizbuilder/finder.py; tests/vectors/finder/ holds both to the same answers.
 * finder.js (the page) builds on it. Material's instant navigation re-creates the
 * script, so the API is defined once on globalThis.QuizbuilderFinderCore.
 */
(function (root, factory) {
  "use strict";
  var api = (root && root.QuizbuilderFinderCore) || factory();
  if (root) root.QuizbuilderFinderCore = api;
  if (typeof module === "object" && module.exports) module.exports = api;
  // finder.js ran first (scripts re-created by instant navigation run as they load).
  var waiting = root && root.QuizbuilderFinderWaiting;
  if (waiting) {
    root.QuizbuilderFinderWaiting = null;
    waiting.forEach(function (boot) { boot(api); });
  }
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
  var MATCH_NAMES = ["exact", "words", "prefix", "typo", "partial"];
  var SHARE_MAX = 512;
  var JOB_MAX = 80;
  var JOB_REFUSED = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u;

  /* ---- pure part ---------------------------------------------------------- */

  function chars(text) {
    return Array.from(text);
  }

  /* Compares by code point, as Python compares strings. */
  function compareStrings(a, b) {
    var left = chars(a);
    var right = chars(b);
    for (var i = 0; i < left.length && i < right.length; i++) {
      var leftCode = left[i].codePointAt(0);
      var rightCode = right[i].codePointAt(0);
      if (leftCode !== rightCode) return leftCode < rightCode ? -1 : 1;
    }
    return left.length === right.length ? 0 : left.length < right.length ? -1 : 1;
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
    chars(String(text).normalize("NFKD").toLowerCase()).forEach(function (character) {
      if (MARK.test(character) || APOSTROPHES[character]) return;
      kept.push(LETTER_OR_NUMBER.test(character) ? character : " ");
    });
    return kept.join("").split(" ").filter(Boolean).join(" ");
  }

  /* Normalised names, computed once per role object: search runs on every keystroke. */
  var prepared = typeof WeakMap === "function" ? new WeakMap() : null;

  function prepare(role) {
    var entry = prepared && prepared.get(role);
    if (entry) return entry;
    var names = [[role.title, null]].concat((role.aliases || []).map(function (alias) { return [alias, alias]; }));
    entry = {
      tie: [normalise(role.title), role.slug],
      names: names.map(function (pair) {
        var text = normalise(pair[0]);
        return {
          text: text,
          compact: text.split(" ").join(""),
          tokens: text.split(" ").map(function (token) { return { text: token, chars: chars(token), stem: wordStem(token) }; }),
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
    data.questions.forEach(function (question) { spread += question.max * (question.max + 2); });
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
      answers.forEach(function (answer, i) { distance += (answer - role.v[i]) * (answer - role.v[i]); });
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
    var queryChars = query.chars;
    var tokenChars = token.chars;
    var size = queryChars.length;
    var allowed = allowedEdits(size);
    if (allowed === 0 || !tokenChars.length || tokenChars[0] !== queryChars[0] || tokenChars.length < size - allowed) {
      return null;
    }
    var columns = Math.min(tokenChars.length, size + allowed);
    var row = lastRow(queryChars, tokenChars.slice(0, columns), allowed);
    if (row === null) return null;
    var best = tokenChars.length <= columns ? row[tokenChars.length] : allowed + 1;
    for (var length = size - 1; length <= size + 1; length++) {
      if (length > 0 && length < tokenChars.length && length <= columns) best = Math.min(best, row[length]);
    }
    return best <= allowed ? best : null;
  }

  function required(tokens) {
    var kept = tokens.filter(function (token) { return !STOP_WORDS[token.text]; });
    return kept.length ? kept : tokens;
  }

  /* As finder.py's word_stem: a regular plural ending off (drivers, secretaries, coaches). */
  function wordStem(word) {
    if (chars(word).length <= 3) return word;
    if (word.endsWith("ies")) return word.slice(0, -3) + "y";
    if (["sses", "ches", "shes", "xes", "zes"].some(function (end) { return word.endsWith(end); })) {
      return word.slice(0, -2);
    }
    if (word.endsWith("s") && !["ss", "us", "is"].some(function (end) { return word.endsWith(end); })) {
      return word.slice(0, -1);
    }
    return word;
  }

  /* As finder.py's _partial_key: the typed title ends with the whole name, with words before it. */
  function partialKey(queryStems, tokens, isAlias) {
    var size = tokens.length;
    if (size >= queryStems.length) return null;
    var offset = queryStems.length - size;
    for (var i = 0; i < size; i++) {
      if (queryStems[offset + i] !== tokens[i].stem) return null;
    }
    return [4, queryStems.length - size, isAlias];
  }

  /* As finder.py's _name_key: [tier, typos, isAlias] or null. */
  function nameKey(query, queryCompact, words, name, isAlias, queryStems) {
    if (query === name.text || queryCompact === name.compact) return [0, 0, isAlias];
    var tokens = name.tokens;
    function isWord(word) {
      return tokens.some(function (token) { return token.text === word.text || token.stem === word.stem; });
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
      if (best === null) return partialKey(queryStems, tokens, isAlias);
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
    var all = text.split(" ").map(function (token) { return { text: token, chars: chars(token), stem: wordStem(token) }; });
    var words = required(all);
    var queryStems = all.map(function (token) { return token.stem; });
    var candidates = [];
    data.roles.forEach(function (role) {
      var entry = prepare(role);
      var best = null;
      var bestAlias = null;
      entry.names.forEach(function (name, index) {
        var key = nameKey(text, compact, words, name, index ? 1 : 0, queryStems);
        if (key !== null && (best === null || compareInts(key, best) < 0)) {
          best = key;
          bestAlias = name.alias;
        }
      });
      if (best !== null) candidates.push({ key: best, tie: entry.tie, role: role, alias: bestAlias });
    });
    if (!candidates.length) return [];
    var level = Math.min.apply(null, candidates.map(function (candidate) { return candidate.key[0]; }));
    var kept = candidates.filter(function (candidate) {
      return level <= 1 ? candidate.key[0] <= 1 : candidate.key[0] === level;
    });
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
    bytes.forEach(function (byte) { binary += String.fromCharCode(byte); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeShare(data, text) {
    if (typeof text !== "string" || !text) fail("empty");
    if (text.length > SHARE_MAX) fail("size");
    if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) fail("encoding");
    var value;
    try {
      var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
      var bytes = Uint8Array.from(binary, function (character) { return character.charCodeAt(0); });
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
    JOB_MAX: JOB_MAX
  };
});
