// quizbuilder finder core: the finder's logic, with no DOM.
// normalise, searchRoles, matchRoles, customerProfile and the share-link codec mirror
// quizbuilder/finder.py; tests/vectors/finder/ holds both to the same answers, and every
// threshold and label comes from Python (common.js CONSTANTS). finder.js (the page)
// builds on it; both are served as one bundle (quizbuilder/assets.py).
((root, factory) => {
  const common =
    typeof module === 'object' && module.exports ? require('./common.js') : root.QuizbuilderCommon;
  const api = root.QuizbuilderFinderCore || factory(common);
  root.QuizbuilderFinderCore = api;
  if (typeof module === 'object' && module.exports) module.exports = api;
})(globalThis, (common) => {
  'use strict';
  const { hasOwn, percent, ShareError, encodeSharePayload, decodeSharePayload } = common;
  const fail = common.failShare;
  const {
    STRENGTH_LABELS,
    CLOSE_TO_TOP,
    CLEAR_FROM,
    CLOSENESS_LABELS,
    SIMILAR_FROM,
    MATCH_NAMES,
    TYPO_LIMITS,
    LONG_WORD_TYPOS,
    FINDER_SHARE_MAX: SHARE_MAX,
    JOB_MAX
  } = common.CONSTANTS;
  const STOP_WORDS = new Set(common.CONSTANTS.STOP_WORDS);
  const APOSTROPHES = new Set(["'", '\u2019', '`', '\u02bc']);
  const MARK = /\p{M}/u;
  const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  // Control, bidirectional and other invisible characters a job title may not carry.
  const JOB_REFUSED =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u;

  /* ---- pure part ---------------------------------------------------------- */

  const characters = (text) => Array.from(text);

  // Compares by code point, as Python compares strings.
  function compareStrings(first, second) {
    const left = characters(first);
    const right = characters(second);
    for (let i = 0; i < left.length && i < right.length; i++) {
      const leftCode = left[i].codePointAt(0);
      const rightCode = right[i].codePointAt(0);
      if (leftCode !== rightCode) return leftCode < rightCode ? -1 : 1;
    }
    if (left.length === right.length) return 0;
    return left.length < right.length ? -1 : 1;
  }

  function compareNumbers(first, second) {
    for (let i = 0; i < first.length && i < second.length; i++) {
      if (first[i] !== second[i]) return first[i] < second[i] ? -1 : 1;
    }
    return first.length - second.length;
  }

  const compareEntries = (first, second) =>
    compareNumbers(first.key, second.key) ||
    compareStrings(first.tie[0], second.tie[0]) ||
    compareStrings(first.tie[1], second.tie[1]);

  // The `count` smallest entries in order, in one pass: O(n·count), not a sort.
  function smallest(entries, count) {
    const best = [];
    if (count <= 0) return best;
    for (const entry of entries) {
      if (best.length === count && compareEntries(entry, best[best.length - 1]) >= 0) continue;
      let position = best.length;
      while (position > 0 && compareEntries(entry, best[position - 1]) < 0) position--;
      best.splice(position, 0, entry);
      if (best.length > count) best.pop();
    }
    return best;
  }

  function normalise(text) {
    const kept = [];
    for (const character of characters(String(text).normalize('NFKD').toLowerCase())) {
      if (MARK.test(character) || APOSTROPHES.has(character)) continue;
      kept.push(LETTER_OR_NUMBER.test(character) ? character : ' ');
    }
    return kept.join('').split(' ').filter(Boolean).join(' ');
  }

  // As finder.py's word_stem: a regular plural ending off (drivers, secretaries, coaches).
  function wordStem(word) {
    if (characters(word).length <= 3) return word;
    if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
    if (['sses', 'ches', 'shes', 'xes', 'zes'].some((end) => word.endsWith(end))) return word.slice(0, -2);
    if (word.endsWith('s') && !['ss', 'us', 'is'].some((end) => word.endsWith(end)))
      return word.slice(0, -1);
    return word;
  }

  const token = (text) => ({ text, chars: characters(text), stem: wordStem(text) });

  // Normalised names, computed once per role object: search runs on every keystroke.
  const prepared = new WeakMap();

  function prepare(role) {
    const known = prepared.get(role);
    if (known) return known;
    const names = [[role.title, null], ...(role.aliases || []).map((alias) => [alias, alias])];
    const entry = {
      tie: [normalise(role.title), role.slug],
      names: names.map(([name, alias]) => {
        const text = normalise(name);
        return { text, compact: text.split(' ').join(''), tokens: text.split(' ').map(token), alias };
      })
    };
    prepared.set(role, entry);
    return entry;
  }

  function checkAnswers(data, answers) {
    const questions = data.questions;
    if (!Array.isArray(answers) || answers.length !== questions.length) {
      throw new RangeError('expected ' + questions.length + ' answers');
    }
    questions.forEach((question, i) => {
      const answer = answers[i];
      if (!Number.isInteger(answer) || answer < 0 || answer > question.max) {
        throw new RangeError(question.id + ': ' + answer + ' is not in 0..' + question.max);
      }
    });
  }

  // Six times the expected squared distance between two sets of random answers.
  const randomSpread = (data) =>
    data.questions.reduce((spread, question) => spread + question.max * (question.max + 2), 0);

  // 100 for the same answers, 0 for no closer than answering at random.
  function closeness(distance, spread) {
    if (spread <= 0) return 100;
    return Math.max(0, percent(spread - 6 * distance, spread));
  }

  // The label of the first (lowest, label) pair `value` reaches, highest first.
  function labelFor(pairs, value, below) {
    const found = pairs.find(([lowest]) => value >= lowest);
    return found ? found[1] : below;
  }

  function matchRoles(data, answers, count = 3) {
    checkAnswers(data, answers);
    const spread = randomSpread(data);
    const entries = data.roles.map((role) => {
      const distance = answers.reduce((total, answer, i) => total + (answer - role.v[i]) ** 2, 0);
      return { key: [distance], tie: prepare(role).tie, role };
    });
    return smallest(entries, count).map(({ key, role }) => {
      const fit = closeness(key[0], spread);
      return {
        slug: role.slug,
        title: role.title,
        url: role.url,
        summary: role.summary,
        quizzes: role.quizzes || [],
        distance: key[0],
        fit,
        close: labelFor(CLOSENESS_LABELS, fit, 'unlike')
      };
    });
  }

  function inSentence(name) {
    const first = name.split(' ')[0];
    if (characters(first).length > 1 && first === first.toUpperCase()) return name;
    const all = characters(name);
    return all.length ? all[0].toLowerCase() + all.slice(1).join('') : name;
  }

  function joinNames(names, andWord) {
    if (names.length <= 1) return names.join('');
    return names.slice(0, -1).join(', ') + ' ' + andWord + ' ' + names[names.length - 1];
  }

  function kindStrengths(data, answers) {
    const kinds = [];
    for (const kind of data.kinds) {
      let points = 0;
      let maximum = 0;
      data.questions.forEach((question, i) => {
        if (question.kind !== kind.id) return;
        points += answers[i];
        maximum += question.max;
      });
      if (maximum === 0) continue;
      const strength = percent(points, maximum);
      kinds.push({
        id: kind.id,
        name: kind.name,
        strength,
        label: labelFor(STRENGTH_LABELS, strength, 'none')
      });
    }
    return kinds;
  }

  function customerProfile(data, answers) {
    checkAnswers(data, answers);
    const strings = data.strings;
    const kinds = kindStrengths(data, answers);
    const top = kinds.reduce((highest, kind) => Math.max(highest, kind.strength), 0);
    if (top === 0) {
      const verdict = {
        level: 'none',
        kinds: [],
        headline: strings.verdict_none,
        text: strings.verdict_none_text
      };
      return { kinds, verdict, share: top };
    }
    const lead = kinds
      .filter((kind) => kind.strength >= top - CLOSE_TO_TOP)
      .sort((first, second) => second.strength - first.strength);
    const level = top >= CLEAR_FROM ? 'clear' : 'quiet';
    let headline;
    if (level === 'clear' && lead.length === kinds.length && kinds.length > 1) {
      headline = strings.verdict_all;
    } else {
      const names = joinNames(
        lead.map((kind) => inSentence(kind.name)),
        strings.and
      );
      headline = strings['verdict_' + level].split('{kinds}').join(names);
    }
    const verdict = {
      level,
      kinds: lead.map((kind) => kind.id),
      headline,
      text: strings['verdict_' + level + '_text']
    };
    return { kinds, verdict, share: top };
  }

  // Row first.length of the optimal-string-alignment table of `first` against `second`
  // (code-point arrays): entry j is the distance from `first` to second.slice(0, j), so
  // one pass answers both "how far from the whole word" and "how far from its start".
  // null as soon as every entry of a row exceeds limit.
  function lastRow(first, second, limit) {
    let before = [];
    let previous = [];
    for (let j = 0; j <= second.length; j++) previous.push(j);
    for (let i = 1; i <= first.length; i++) {
      const current = [i];
      let rowMin = i;
      for (let j = 1; j <= second.length; j++) {
        const substitution = previous[j - 1] + (first[i - 1] === second[j - 1] ? 0 : 1);
        let value = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
        const swapped = i > 1 && j > 1 && first[i - 1] === second[j - 2] && first[i - 2] === second[j - 1];
        if (swapped) value = Math.min(value, before[j - 2] + 1);
        current.push(value);
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > limit) return null;
      before = previous;
      previous = current;
    }
    return previous;
  }

  // Optimal-string-alignment (restricted Damerau-Levenshtein) distance, capped at limit + 1.
  function editDistance(firstText, secondText, limit) {
    const first = characters(firstText);
    const second = characters(secondText);
    if (Math.abs(first.length - second.length) > limit) return limit + 1;
    const row = lastRow(first, second, limit);
    return row === null ? limit + 1 : Math.min(row[second.length], limit + 1);
  }

  // As finder.py: short words tolerate no typo (TYPO_LIMITS), long ones LONG_WORD_TYPOS.
  function allowedEdits(length) {
    const limit = TYPO_LIMITS.find(([longest]) => length <= longest);
    return limit ? limit[1] : LONG_WORD_TYPOS;
  }

  // query, name token: {text, chars}; as finder.py's _typo_cost (first letters must agree).
  function typoCost(query, nameToken) {
    const queryChars = query.chars;
    const tokenChars = nameToken.chars;
    const size = queryChars.length;
    const allowed = allowedEdits(size);
    if (allowed === 0 || !tokenChars.length || tokenChars[0] !== queryChars[0]) return null;
    if (tokenChars.length < size - allowed) return null;
    const columns = Math.min(tokenChars.length, size + allowed);
    const row = lastRow(queryChars, tokenChars.slice(0, columns), allowed);
    if (row === null) return null;
    let best = tokenChars.length <= columns ? row[tokenChars.length] : allowed + 1;
    for (let length = size - 1; length <= size + 1; length++) {
      if (length > 0 && length < tokenChars.length && length <= columns) best = Math.min(best, row[length]);
    }
    return best <= allowed ? best : null;
  }

  function required(tokens) {
    const kept = tokens.filter((word) => !STOP_WORDS.has(word.text));
    return kept.length ? kept : tokens;
  }

  // As finder.py's _partial_key: the typed title ends with the whole name, with words before it.
  function partialKey(queryStems, tokens, isAlias) {
    const size = tokens.length;
    if (size >= queryStems.length) return null;
    const offset = queryStems.length - size;
    for (let i = 0; i < size; i++) {
      if (queryStems[offset + i] !== tokens[i].stem) return null;
    }
    return [MATCH_NAMES.indexOf('partial'), queryStems.length - size, isAlias];
  }

  // As finder.py's _name_key: [tier, typos, isAlias] or null (tiers index MATCH_NAMES).
  function nameKey(query, name, isAlias) {
    if (query.text === name.text || query.compact === name.compact) return [0, 0, isAlias];
    const tokens = name.tokens;
    const isWord = (word) =>
      tokens.some((nameToken) => nameToken.text === word.text || nameToken.stem === word.stem);
    const starts = (word) => tokens.some((nameToken) => nameToken.text.startsWith(word.text));
    if (query.words.every(isWord)) return [1, 0, isAlias];
    if (name.compact.startsWith(query.compact) || beingTyped(query.words, tokens)) return [2, 0, isAlias];
    let typos = 0;
    for (const word of query.words) {
      if (starts(word)) continue;
      const costs = tokens.map((nameToken) => typoCost(word, nameToken)).filter((cost) => cost !== null);
      if (!costs.length) return partialKey(query.stems, tokens, isAlias);
      typos += Math.min(...costs);
    }
    // Words that only start the name's words in another order are not this job.
    if (!typos) return partialKey(query.stems, tokens, isAlias);
    return [MATCH_NAMES.indexOf('typo'), typos, isAlias];
  }

  // As finder.py's _being_typed: the query's words are the name's words in the order
  // typed, the last one perhaps unfinished; an earlier word must be whole.
  function beingTyped(words, tokens) {
    let position = 0;
    for (const [index, word] of words.entries()) {
      const last = index === words.length - 1;
      const found = tokens.findIndex(
        (nameToken, tokenIndex) =>
          tokenIndex >= position &&
          ((last && nameToken.text.startsWith(word.text)) ||
            nameToken.text === word.text ||
            nameToken.stem === word.stem)
      );
      if (found < 0) return false;
      position = found + 1;
    }
    return true;
  }

  // Only the best kind of match: whole words, else word starts, else typo guesses.
  function searchRoles(data, queryText, limit = 8) {
    const text = normalise(queryText);
    if (!text) return [];
    const all = text.split(' ').map(token);
    const query = {
      text,
      compact: text.split(' ').join(''),
      words: required(all),
      stems: all.map((word) => word.stem)
    };
    const candidates = [];
    for (const role of data.roles) {
      const entry = prepare(role);
      let best = null;
      let bestAlias = null;
      entry.names.forEach((name, index) => {
        const key = nameKey(query, name, index ? 1 : 0);
        if (key !== null && (best === null || compareNumbers(key, best) < 0)) {
          best = key;
          bestAlias = name.alias;
        }
      });
      if (best !== null) candidates.push({ key: best, tie: entry.tie, role, alias: bestAlias });
    }
    if (!candidates.length) return [];
    const level = Math.min(...candidates.map((candidate) => candidate.key[0]));
    // Whole words and exact names rank together; any other tier stands alone.
    const kept = candidates.filter((candidate) =>
      level <= 1 ? candidate.key[0] <= 1 : candidate.key[0] === level
    );
    return smallest(kept, limit).map(({ key, role, alias }) => ({
      slug: role.slug,
      title: role.title,
      url: role.url,
      summary: role.summary,
      match: MATCH_NAMES[key[0]],
      alias
    }));
  }

  /* ---- share links (as finder.py's encode_share / decode_share) ------------ */

  function encodeShare(answers, job) {
    const payload = { v: 1, k: 'f', a: answers.join('') };
    if (job) payload.j = job;
    return encodeSharePayload(payload);
  }

  const ALLOWED_KEYS = new Set(['v', 'k', 'a', 'j']);

  function decodeShare(data, text) {
    const value = decodeSharePayload(text, SHARE_MAX);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('shape');
    if (value.v !== 1) fail('version');
    if (value.k !== 'f') fail('kind');
    if (!hasOwn(value, 'a') || !Object.keys(value).every((key) => ALLOWED_KEYS.has(key))) fail('shape');
    const digits = value.a;
    const questions = data.questions;
    if (typeof digits !== 'string' || digits.length !== questions.length) fail('answers');
    const answers = questions.map((question, i) => {
      const digit = digits.charAt(i);
      if (!/^[0-9]$/.test(digit) || Number(digit) > question.max) fail('answers');
      return Number(digit);
    });
    const hasJob = hasOwn(value, 'j');
    const job = hasJob ? value.j : '';
    if (typeof job !== 'string' || (hasJob && !job.trim())) fail('job');
    if (characters(job).length > JOB_MAX || JOB_REFUSED.test(job)) fail('job');
    return { answers, job };
  }

  return {
    version: 1,
    normalise,
    editDistance,
    allowedEdits,
    matchRoles,
    closeness,
    customerProfile,
    searchRoles,
    encodeShare,
    decodeShare,
    ShareError,
    SIMILAR_FROM,
    JOB_MAX
  };
});
