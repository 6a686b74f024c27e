// The command line: picks the command, runs it, turns every failure into an exit status.
// Exit status: 0 success, 1 a refused or malformed token, 2 a usage or option error.
import { readFileSync } from 'node:fs';
import { SECRET_ON_ARGV, UsageError } from './args.js';
import { decode, defaultLifetime, sign, verify } from './commands.js';
import { explain } from './explain.js';
import { TEXTS } from './help.js';
import { painter, safeText } from './output.js';

const COMMANDS = { sign, verify, decode, explain };

/**
 * Runs one command line. `io`: { stdin, stdout, stderr, env(name) → string | undefined }.
 * Resolves to the exit status.
 */
export async function main(argv, io) {
  const [first, ...rest] = argv;
  try {
    // Refused before anything else, whatever the command: the value is already exposed, but
    // it is never used, echoed or kept.
    if (argv.some((a) => a === '--secret' || a.startsWith('--secret='))) throw new UsageError(SECRET_ON_ARGV, COMMANDS[first] ? first : undefined);
    if (first === undefined) throw new UsageError('which command?', undefined);
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' && COMMANDS[rest[0]] ? rest[0] : 'main';
      return help(topic, io);
    }
    if (first === '--version' || first === '-v') {
      const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
      io.stdout.write(`videosdk-token ${version}\n`);
      return 0;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command === undefined) throw new UsageError(`unknown command; expected sign, verify, decode or explain`, undefined);
    const status = await command(rest, io);
    return status === 'help' ? help(first, io) : status;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const paint = painter(io.stderr, io.env);
    const name = error.command ? `videosdk-token ${error.command}` : 'videosdk-token';
    if (error.exitCode !== undefined) {
      io.stderr.write(`${name}: ${error.message}\n`); // Ctrl-C at the prompt: no usage text
      return error.exitCode;
    }
    const more = error.command ? `\nRun ${name} --help for details.` : '';
    io.stderr.write(`${paint.red(`${name}: ${safeText(error.message)}`)}\n\n${TEXTS[error.command ?? 'main'].usage}${more}\n`);
    return 2;
  }
}

function help(topic, io) {
  const { usage, help } = TEXTS[topic];
  io.stdout.write(`${usage}\n\n${help.replace('{DEFAULT_LIFETIME}', defaultLifetime())}\n`);
  return 0;
}
