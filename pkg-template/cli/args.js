// The command line's parser: `--name value`, `--name=value`, repeated options, `-` and `--`.
// It never echoes a value back: a value typed in the wrong place may be a secret. Errors name
// the option only.
import { quote } from '../shared/text.js';

/** A usage or option error: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message, command) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
    /** Set where the exit is not the usage's 2 (an interrupted prompt). @type {number | undefined} */
    this.exitCode = undefined;
  }
}

export const SECRET_ON_ARGV =
  '--secret is refused: a secret on the command line is visible to every user of this machine ' +
  '(ps, /proc/<pid>/cmdline) and stays in your shell history. Give it in the VIDEOSDK_SECRET ' +
  'environment variable, in a file (--secret-file PATH), or on standard input.';

/**
 * Parses argv against `spec` ({ name: 'flag' | 'value' | 'list' }): returns { options, positionals }.
 * Options come back camelCased (--api-key → apiKey); a 'list' option may repeat.
 */
export function parse(argv, spec, command) {
  // No prototype: `in` below and every later read see only the flags given.
  const options = Object.create(null);
  const positionals = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
    if (name === 'secret') throw new UsageError(SECRET_ON_ARGV, command);
    const key = name === 'h' ? 'help' : name;
    const kind = Object.prototype.hasOwnProperty.call(spec, key) ? spec[key] : undefined;
    if (kind === undefined || (!arg.startsWith('--') && name !== 'h')) {
      throw new UsageError(`unknown option ${shown(arg.slice(0, eq === -1 ? undefined : eq))}`, command);
    }
    const camel = key.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (kind === 'flag') {
      if (eq !== -1) throw new UsageError(`--${key} takes no value`, command);
      options[camel] = true;
      continue;
    }
    let value;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      // `--room --json` is a forgotten value, not a room named --json.
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw new UsageError(`--${key} needs a value (--${key} VALUE or --${key}=VALUE)`, command);
      }
      i += 1;
    }
    if (kind === 'list') {
      (options[camel] ??= []).push(value);
    } else if (camel in options) {
      throw new UsageError(`--${key} is given more than once`, command);
    } else {
      options[camel] = value;
    }
  }
  return { options, positionals };
}

/** An option name as typed, cut short and safe for a terminal (shared/text.js). */
const shown = quote;
