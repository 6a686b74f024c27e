// How untrusted text appears in a message: short, and unable to forge or hide a line in a log.
// Messages are read by people in line-oriented logs and terminals, so every echo of caller input
// escapes what could start a fake line or reorder what is shown, and is cut to a fixed length,
// so a caller cannot make an answer as long as its request.

/** Characters of caller input kept in any one echo. */
export const MAX_ECHO = 64;

// Characters that can forge or hide a line in a log: C0 and C1 controls and DEL, the line and
// paragraph separators, bidi embeddings, overrides and isolates, and lone surrogates (with the
// `u` flag a well-formed pair is one code point, outside the surrogate range).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

function escapeChar(c) {
  return SHORT[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`;
}

/** `text` with every unsafe character escaped (\n, \u{2028}, …), as the core writes them. */
export function escapeText(text) {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * Caller input as it may appear in an answer: unsafe characters, `"` and `\` escaped, and cut
 * (never inside a character or an escape, marked with …) to at most `max` characters. It stops
 * reading at the cut, so a megabyte of input costs no more than 64 characters of it.
 */
export function cut(text, max = MAX_ECHO) {
  const pieces = [];
  let length = 0;
  for (const c of String(text)) {
    const shown = c === '"' || c === '\\' ? `\\${c}` : c.replace(UNSAFE, escapeChar);
    pieces.push(shown);
    length += shown.length;
    if (length > max) {
      while (length > max - 1) length -= pieces.pop().length;
      return `${pieces.join('')}…`;
    }
  }
  return pieces.join('');
}

/** Caller input in quotes for a message: at most MAX_ECHO characters in all. */
export function quote(text) {
  return `"${cut(text, MAX_ECHO - 2)}"`;
}
