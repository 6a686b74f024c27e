// Where the command line's inputs come from: the secret (a file, the environment or standard
// input, never an argument) and a token given as `-` (standard input).
import { UsageError } from './args.js';
import { readBoundedFile } from './file.js';

// Enough for any token or secret; a larger input is a mistake (a whole log file piped in).
export const MAX_INPUT = 1024 * 1024;

/** All of standard input as text, up to MAX_INPUT bytes. */
export async function readStdin(stdin, what, command) {
  const chunks = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += chunk.length;
    if (size > MAX_INPUT) throw new UsageError(`${what} on standard input is over ${MAX_INPUT} bytes`, command);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
}

/** One trailing line ending off, as `echo` and editors leave it. */
const chomp = (text) => text.replace(/\r?\n$/, '');

/**
 * The secret, from --secret-file, else VIDEOSDK_SECRET, else standard input (a hidden prompt on
 * a terminal). `stdinTaken` (the token came on stdin) leaves only the first two.
 */
export async function readSecret({ file, env, io, command, stdinTaken }) {
  if (file !== undefined) {
    const secret = chomp(readSecretFile(file, command));
    if (secret === '') throw new UsageError('--secret-file is empty', command);
    return secret;
  }
  const fromEnv = env('VIDEOSDK_SECRET');
  if (fromEnv) return fromEnv;
  if (stdinTaken) {
    const hint = io.envHint?.('VIDEOSDK_SECRET') ?? '';
    throw new UsageError(
      `the token comes on standard input, so the secret must come from VIDEOSDK_SECRET${hint} or --secret-file PATH`,
      command,
    );
  }
  const secret = io.stdin.isTTY ? await prompt(io, 'VideoSDK secret (input hidden): ', command) : chomp(await readStdin(io.stdin, 'the secret', command));
  if (secret === '') {
    const hint = io.envHint?.('VIDEOSDK_SECRET') ?? '';
    throw new UsageError(`no secret: set VIDEOSDK_SECRET${hint}, pass --secret-file PATH, or pipe it on standard input`, command);
  }
  return secret;
}

/** The text of --secret-file, read with cli/file.js's bounds (the path is never echoed). */
function readSecretFile(path, command) {
  return readBoundedFile(path, { option: '--secret-file', what: 'the secret', max: MAX_INPUT, command });
}

/** Reads one line from a terminal without echoing it. */
function prompt(io, question, command) {
  const { stdin, stderr } = io;
  // Echo off before the question shows, so nothing typed in answer can reach the screen.
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  stderr.write(question);
  return new Promise((resolve, reject) => {
    let line = '';
    const done = (finish) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      finish();
    };
    const onData = (chunk) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n' || c === '\u0004') return done(() => resolve(line));
        if (c === '\u0003') return done(() => reject(Object.assign(new UsageError('interrupted', command), { exitCode: 130 })));
        if (c === '\u007f' || c === '\b') line = line.slice(0, -1);
        else line += c;
      }
    };
    stdin.on('data', onData);
  });
}
