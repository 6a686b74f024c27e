// How the command line shows things to a person: colour only on a terminal and never with
// NO_COLOR, every value from a token escaped (a token read from a log may carry terminal escape
// sequences or bidi overrides), times in local time and relative to now.
import { relative } from '../token/explain.js';
import { humanSpan } from '../node.js';
import { escapeText, UNSAFE } from '../shared/text.js';

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };

/** Paint functions for one stream: identity when colour is off. */
export function painter(stream, env) {
  const on = stream.isTTY === true && !env('NO_COLOR') && env('TERM') !== 'dumb';
  const paint = {};
  for (const [name, [open, close]] of Object.entries(CODES)) {
    paint[name] = on ? (text) => `\x1b[${open}m${text}\x1b[${close}m` : (text) => text;
  }
  return paint;
}

/**
 * Any JSON value as JSON that is safe to print to a terminal, compact or indented by `indent`
 * (JSON.stringify's `space`): the characters shared/text.js escapes (C1 controls such as the
 * 8-bit CSI, DEL, bidi controls, U+2028/U+2029, zero-width characters), written as JSON's own
 * escapes so the output stays JSON and parses to the same values. JSON.stringify escapes every
 * C0 control and lone surrogate inside a string itself, so a raw line break left in its output
 * is the indentation's own, and stays.
 */
export function safeJson(value, indent) {
  return JSON.stringify(value, null, indent)
    .replace(UNSAFE, (c) => (c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Text (a message, a warning) with every unsafe character escaped, as every message does. */
export function safeText(text) {
  return escapeText(String(text));
}

/** `2025-01-01 12:00:00 +01:00` in the machine's time zone (TZ), `UTC` when that is UTC. */
export function localTime(date) {
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0
    ? 'UTC'
    : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}

/** A span in at most two units, as the core's messages say it: `1 h 55 min`, `3 d 2 h`, `0 s`. */
export const span = (seconds) => humanSpan(Math.floor(Math.abs(seconds)));

// explain.js's tones, as terminal colours.
const COLOURS = { ok: 'green', warn: 'yellow', bad: 'red', '': 'dim' };

const TIMES = { iat: 'issuedAt', nbf: 'notBefore', exp: 'expiresAt' };

/**
 * Lines for a claims object: one per claim, names aligned, times with their local time and
 * relative meaning when `dates` (decodeToken's issuedAt/expiresAt/notBefore) says they are plausible.
 */
export function claimLines(claims, dates, now, paint) {
  const names = Object.keys(claims);
  const width = Math.max(0, ...names.map((n) => safeText(n).length));
  return names.map((name) => {
    const label = `  ${safeText(name).padEnd(width)}  `;
    const value = safeJson(claims[name]);
    const date = Object.prototype.hasOwnProperty.call(TIMES, name) ? dates[TIMES[name]] : undefined;
    if (!(date instanceof Date)) return `${label}${value}`;
    const { text, tone } = relative(name, claims[name], now, span);
    return `${label}${value}  ${paint.dim(localTime(date))}  ${paint[COLOURS[tone]](`(${text})`)}`;
  });
}
