// quizbuilder common: the pure helpers every script shares (no DOM), bundled first into
// each served script (quizbuilder/assets.py). CONSTANTS are Python's
// (quizbuilder/constants.py), built in at the marker below, never copied by hand.
((root, api) => {
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderCommon = root.QuizbuilderCommon || api;
})(
  globalThis,
  (() => {
    'use strict';
    const CONSTANTS = Object.freeze(/*CONSTANTS*/{});

    const hasOwn = (object, key) =>
      object != null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
    const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
    const isPercent = (value) => Number.isInteger(value) && value >= 0 && value <= 100;

    // `points / max` as a whole percent, halves rounded up, in integers: quizbuilder/reference/scoring.py's
    // percent. Floor division, so a negative part rounds as in Python.
    const percent = (points, max) => Math.floor((200 * points + max) / (2 * max));

    // "{name}" placeholders filled from `values`; unknown names are left as they are.
    const format = (template, values) =>
      String(template).replace(/\{(\w+)\}/g, (placeholder, name) =>
        hasOwn(values, name) ? String(values[name]) : placeholder
      );

    // The text lookup of a page element: its overrides (`data-qb-config` strings) over the
    // script's defaults, filled in by `format`. `counted` picks the plural form for a count
    // (plural.js, bundled with every script that shows counts).
    function textLookup(overrides, defaults) {
      const own = (table, key) => (hasOwn(table, key) ? table[key] : '');
      const text = (key, values) => format(own(overrides, key) || own(defaults, key) || key, values);
      text.counted = (key, count, values) => {
        const texts = { ...defaults, ...overrides };
        const plural = globalThis.QuizbuilderPlural;
        return text(plural ? plural.pluralKey(texts, key, count) : key + '_other', values);
      };
      return text;
    }

    // One CSV cell: quoted when needed; text a spreadsheet would run as a formula gets a leading '.
    function csvCell(value) {
      if (value == null) return '';
      if (typeof value !== 'string') return String(value);
      const safe = /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
      return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
    }

    const toCsv = (rows) => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

    // Share links (quiz results and finder answers): JSON, in UTF-8, as base64url without
    // padding. A link that must not be shown throws a ShareError whose `code` says why.
    class ShareError extends Error {
      constructor(code) {
        super('share link: ' + code);
        this.name = 'ShareError';
        this.code = code;
      }
    }
    const failShare = (code) => {
      throw new ShareError(code);
    };

    function encodeSharePayload(payload) {
      const bytes = new TextEncoder().encode(JSON.stringify(payload));
      const binary = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    // The JSON of a share text of at most `maxLength` characters, or a ShareError
    // ('empty', 'size', 'encoding' or 'json'); the caller checks its fields.
    function decodeSharePayload(text, maxLength) {
      if (typeof text !== 'string' || !text) failShare('empty');
      if (text.length > maxLength) failShare('size');
      // A base64 text is never 1 more than a multiple of 4 long.
      if (!/^[\w-]+$/.test(text) || text.length % 4 === 1) failShare('encoding');
      try {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch (error) {
        return failShare('json');
      }
    }

    return {
      CONSTANTS,
      hasOwn,
      isPlainObject,
      isPercent,
      percent,
      format,
      textLookup,
      csvCell,
      toCsv,
      ShareError,
      failShare,
      encodeSharePayload,
      decodeSharePayload
    };
  })()
);
