// sign, verify and decode over the package's own API. Each returns its exit status and writes
// through `out`; every rule about tokens is the core's (the messages are its messages).
import { decodeToken, signToken, TokenError, verifyToken } from '../node.js';
import { DEFAULT_EXPIRES_IN_SECONDS, PERMISSIONS } from '../shared/vocabulary.js';
import { parse, UsageError } from './args.js';
import { readSecret, readStdin } from './input.js';
import { claimLines, painter, safeJson, safeText, span } from './output.js';

// The core's option names, as this command line spells them.
const OPTION_NAMES = {
  apiKey: '--api-key', permissions: '--permissions', roomId: '--room', participantId: '--participant',
  roles: '--roles', expiresIn: '--expires-in', clockTolerance: '--clock-tolerance', now: '--now',
};

const hint = (io, name) => io.envHint?.(name) ?? '';
const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** The core's default lifetime, in words (for --help). */
export const defaultLifetime = () => span(DEFAULT_EXPIRES_IN_SECONDS);

/** --now as the core takes it: seconds since 1970, from seconds or an ISO 8601 date. */
export function parseNow(text, command) {
  if (text === undefined) return undefined;
  const seconds = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text) / 1000;
  if (!Number.isFinite(seconds)) {
    throw new UsageError('--now must be seconds since 1970 (1700000000) or an ISO 8601 date (2025-01-01T12:00:00Z)', command);
  }
  return seconds;
}

/** --claim NAME=VALUE …: VALUE as JSON when it parses as JSON, else as text. */
export function parseClaims(pairs, command) {
  if (pairs === undefined) return undefined;
  const claims = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new UsageError('--claim needs NAME=VALUE (--claim name=Ada, --claim admin=true)', command);
    const name = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    if (Object.prototype.hasOwnProperty.call(claims, name)) {
      throw new UsageError(`--claim ${safeJson(name.slice(0, 64))} is given more than once`, command);
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    Object.defineProperty(claims, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return claims;
}

/** A TokenError from the core, as this command line reports it. */
function optionError(error, command) {
  const option = OPTION_NAMES[error.field] ?? (error.field?.startsWith('claims') ? '--claim' : undefined);
  const where = option ? `${option}: ` : '';
  return new UsageError(`${where}${error.code}: ${safeText(error.message)}`, command);
}

async function tokenArgument(positionals, io, command) {
  if (positionals.length !== 1) {
    throw new UsageError(`${command} takes one TOKEN (or - to read it from standard input); got ${positionals.length} arguments`, command);
  }
  if (positionals[0] !== '-') return { token: positionals[0], fromStdin: false };
  return { token: (await readStdin(io.stdin, 'the token', command)).trim(), fromStdin: true };
}

export async function sign(argv, io) {
  const spec = {
    help: 'flag', json: 'flag', now: 'value', permissions: 'value', room: 'value', participant: 'value',
    roles: 'value', 'expires-in': 'value', claim: 'list', 'api-key': 'value', 'secret-file': 'value',
  };
  const { options, positionals } = parse(argv, spec, 'sign');
  if (options.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`sign takes no arguments; got ${positionals.length}`, 'sign');
  if (options.permissions === undefined) throw new UsageError(`--permissions is required (such as --permissions ${Object.keys(PERMISSIONS)[0]})`, 'sign');
  const apiKey = options.apiKey ?? io.env('VIDEOSDK_API_KEY');
  if (!apiKey) throw new UsageError(`no API key: pass --api-key KEY or set VIDEOSDK_API_KEY${hint(io, 'VIDEOSDK_API_KEY')}`, 'sign');
  const now = parseNow(options.now, 'sign');
  const claims = parseClaims(options.claim, 'sign');
  const secret = await readSecret({ file: options.secretFile, env: io.env, io, command: 'sign', stdinTaken: false });

  const request = {
    apiKey,
    secret,
    permissions: list(options.permissions),
    roomId: options.room,
    participantId: options.participant,
    roles: options.roles === undefined ? undefined : list(options.roles),
    // Spans go to the core as typed: a bare 120 is refused there, as in the library, since it
    // could mean seconds or (the default's unit) minutes.
    expiresIn: options.expiresIn,
    now,
    claims,
  };
  let token;
  try {
    token = signToken(request);
  } catch (error) {
    if (error instanceof TokenError) throw optionError(error, 'sign');
    throw error;
  }
  if (options.json) {
    const { payload, expiresAt } = decodeToken(token, { now });
    io.stdout.write(`${safeJson({ token, expiresAt, payload }, 2)}\n`);
  } else {
    io.stdout.write(`${token}\n`);
  }
  return 0;
}

export async function verify(argv, io) {
  const spec = {
    help: 'flag', json: 'flag', now: 'value', room: 'value', participant: 'value', 'api-key': 'value',
    'clock-tolerance': 'value', 'secret-file': 'value',
  };
  const { options, positionals } = parse(argv, spec, 'verify');
  if (options.help) return 'help';
  const now = parseNow(options.now, 'verify');
  const { token, fromStdin } = await tokenArgument(positionals, io, 'verify');
  const secret = await readSecret({ file: options.secretFile, env: io.env, io, command: 'verify', stdinTaken: fromStdin });
  const checks = {
    now,
    clockTolerance: options.clockTolerance,
    apiKey: options.apiKey ?? (io.env('VIDEOSDK_API_KEY') || undefined),
    roomId: options.room,
    participantId: options.participant,
  };
  for (const key of Object.keys(checks)) if (checks[key] === undefined) delete checks[key];
  let claims;
  try {
    claims = verifyToken(token, secret, checks);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    // Our options (a bad --clock-tolerance, a weak secret) are usage errors; the token's faults are 1.
    if (error.code === 'WEAK_SECRET' || (error.code === 'INVALID_OPTIONS' && error.field !== 'token')) {
      throw optionError(error, 'verify');
    }
    return refused(error, io);
  }
  if (options.json) {
    io.stdout.write(`${safeJson(claims, 2)}\n`);
    return 0;
  }
  const paint = painter(io.stdout, io.env);
  const { issuedAt, expiresAt, notBefore } = decodeToken(token, { now });
  const at = now ?? Date.now() / 1000;
  const checked = ['signature', 'times', ...Object.keys(checks).filter((k) => !['now', 'clockTolerance'].includes(k)).map((k) => OPTION_NAMES[k].slice(2))];
  io.stdout.write([
    `${paint.green(paint.bold('valid'))}: checked ${checked.join(', ')}`,
    paint.bold('Claims'),
    ...claimLines(claims, { issuedAt, expiresAt, notBefore }, at, paint),
    '',
  ].join('\n'));
  return 0;
}

export async function decode(argv, io) {
  const { options, positionals } = parse(argv, { help: 'flag', json: 'flag', now: 'value' }, 'decode');
  if (options.help) return 'help';
  const now = parseNow(options.now, 'decode');
  const { token } = await tokenArgument(positionals, io, 'decode');
  let decoded;
  try {
    decoded = decodeToken(token, now === undefined ? undefined : { now });
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    if (error.code === 'INVALID_OPTIONS' && error.field === 'now') throw optionError(error, 'decode');
    return refused(error, io);
  }
  if (options.json) {
    io.stdout.write(`${safeJson(decoded, 2)}\n`);
    return 0;
  }
  const paint = painter(io.stdout, io.env);
  const at = now ?? Date.now() / 1000;
  const { header, payload, signature, warnings } = decoded;
  const lines = [
    paint.bold('Header'),
    ...claimLines(header, {}, at, paint),
    paint.bold('Payload'),
    ...claimLines(payload, decoded, at, paint),
    `${paint.bold('Signature')}  ${signature.length} characters, ${paint.yellow('not checked')} (decode never checks it; use verify)`,
  ];
  if (warnings.length > 0) {
    lines.push(paint.bold('Warnings'));
    for (const w of warnings) lines.push(`  ${paint.yellow('!')} ${safeText(w)}`);
  } else {
    lines.push(`${paint.bold('Warnings')}   none: VideoSDK would accept what it says`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** A refused or malformed token: `CODE: reason` on standard error, exit 1. */
function refused(error, io) {
  const paint = painter(io.stderr, io.env);
  io.stderr.write(`${paint.red(error.code)}: ${safeText(error.reason)}\n`);
  return 1;
}
