// The one home of untrusted text in messages: short, and unable to forge or hide a line in a log.
// Messages are read by people in line-oriented logs and terminals, so every echo of caller input
// escapes what could start a fake line or reorder what is shown, and is cut to one fixed length,
// so a caller cannot make an answer as long as its request. Length and character set are the
// core's own (src/leaf/text.rs: ECHO_MAX, ESCAPED), written into vocabulary.js from there.

import { ECHO_MAX, ESCAPED } from './vocabulary.js';

/** Characters of caller input kept in any one echo: the core's length. */
export const MAX_ECHO = ECHO_MAX;

// Characters that can forge or hide a line in a log: the core's set (ESCAPED: C0 and C1 controls
// and DEL, the line and paragraph separators, bidi embeddings, overrides and isolates), and lone
// surrogates, which only JS text can hold (with the `u` flag a well-formed pair is one code
// point, outside the surrogate range).
export const UNSAFE = /* @__PURE__ */ new RegExp(`[${ESCAPED}\\ud800-\\udfff]`, 'gu');
const ANY_UNSAFE = /* @__PURE__ */ new RegExp(UNSAFE.source, 'u');
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

function escapeChar(c) {
  return SHORT[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`;
}

/** `text` with every unsafe character escaped (\n, \u{2028}, …), as the core writes them. */
export function escapeText(text) {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * `text` escaped (unsafe characters; `"` and `\` too when `quotes`) and cut, never inside a
 * character or an escape, to at most MAX_ECHO characters, the last one … when anything was left
 * out: what is shown is bounded whatever it holds. It stops reading at the cut, so a megabyte of
 * input costs no more than MAX_ECHO characters of it.
 */
function clip(text, quotes) {
  const pieces = [];
  let length = 0;
  for (const c of text) {
    const shown = quotes && (c === '"' || c === '\\') ? `\\${c}` : c.replace(UNSAFE, escapeChar);
    pieces.push(shown);
    length += shown.length;
    if (length > MAX_ECHO) {
      while (length > MAX_ECHO - 1) length -= pieces.pop().length;
      return `${pieces.join('')}…`;
    }
  }
  return pieces.join('');
}

/** Caller input as it may appear inside double quotes in a message: escaped, cut. */
export function cut(text) {
  return clip(String(text), true);
}

/** Caller input in double quotes for a message. */
export function quote(text) {
  return `"${cut(text)}"`;
}

/** An untrusted name for a message or a `field`: cut, unsafe characters escaped. */
export function shown(name) {
  // At most MAX_ECHO UTF-16 units is at most MAX_ECHO characters and usually nothing to escape
  // (on every spanSeconds call, which names its field this way).
  if (name.length <= MAX_ECHO && !ANY_UNSAFE.test(name)) return name;
  return clip(name, false);
}

/** A value the caller passed, for a message: a string quoted and cut, else its kind only. */
export function echo(value) {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
