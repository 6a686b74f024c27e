// `explain CODE`: one of VideoSDK's join error codes explained against the token the client
// joined with, through the package's explainJoinError. The token comes from --token-file or
// standard input, never an argument (a token in a shell's history is a credential kept). Exit
// status as decode: 0 explained, 1 the token given cannot be read, 2 a usage or option error.
import { decodeToken, explainJoinError, TokenError } from '../node.js';
import { parse, UsageError } from './args.js';
import { parseNow } from './commands.js';
import { readBoundedFile } from './file.js';
import { MAX_INPUT, readStdin } from './input.js';
import { painter, safeText } from './output.js';

const OPTION_NAMES = { code: 'CODE', roomId: '--room', participantId: '--participant', now: '--now' };

/** The token: --token-file, else standard input when it is not a terminal; none when empty. */
async function tokenInput(file, io) {
  if (file !== undefined) {
    const token = readBoundedFile(file, { option: '--token-file', what: 'a token', max: MAX_INPUT, command: 'explain' }).trim();
    if (token === '') throw new UsageError('--token-file is empty; give the path of a file holding the token', 'explain');
    return token;
  }
  if (io.stdin.isTTY) return undefined;
  const token = (await readStdin(io.stdin, 'the token', 'explain')).trim();
  return token === '' ? undefined : token;
}

export async function explain(argv, io) {
  const spec = { help: 'flag', json: 'flag', now: 'value', room: 'value', participant: 'value', 'token-file': 'value' };
  const { options, positionals } = parse(argv, spec, 'explain');
  if (options.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(`explain takes one CODE, the number of VideoSDK's error (such as 4022); got ${positionals.length} arguments`, 'explain');
  }
  const now = parseNow(options.now, 'explain');
  const token = await tokenInput(options.tokenFile, io);
  let result;
  try {
    result = explainJoinError(positionals[0], { token, roomId: options.room, participantId: options.participant, now });
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    const option = OPTION_NAMES[error.field];
    throw new UsageError(`${option ? `${option}: ` : ''}${error.code}: ${safeText(error.message)}`, 'explain');
  }
  // As decode: a token that cannot be read exits 1, with its reason on standard error.
  let unreadable;
  if (token !== undefined) {
    try {
      decodeToken(token, { now });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      unreadable = error;
    }
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout.write(`${lines(result, token, unreadable, painter(io.stdout, io.env)).join('\n')}\n`);
  }
  if (unreadable === undefined) return 0;
  const paint = painter(io.stderr, io.env);
  io.stderr.write(`${paint.red(unreadable.code)}: ${safeText(unreadable.reason)}\n`);
  return 1;
}

/** The explanation for a person: the code and name, its meaning, the findings, the fix. */
function lines({ code, name, meaning, tokenCanCause, findings, fix }, token, unreadable, paint) {
  const out = [
    `${paint.bold(String(code))} ${name === null ? paint.yellow('(not a code VideoSDK documents)') : paint.bold(name)}`,
    `  ${safeText(meaning)}`,
    `${paint.bold('Token')}     ${tokenCanCause ? 'can cause it' : 'cannot cause it'}`,
  ];
  if (findings.length > 0) {
    out.push(paint.bold('Findings'));
    for (const f of findings) out.push(`  ${paint.red('✗')} ${safeText(f)}`);
  } else if (!tokenCanCause) {
    out.push(`${paint.bold('Findings')}  none: look beyond the token`);
  } else if (unreadable !== undefined) {
    out.push(`${paint.bold('Findings')}  none: the token given cannot be read (see the fix)`);
  } else if (token === undefined) {
    out.push(`${paint.bold('Findings')}  none: no token given (pipe it on standard input, or --token-file PATH)`);
  } else {
    out.push(`${paint.bold('Findings')}  none in the token given (its signature is ${paint.yellow('not checked')}: use verify)`);
  }
  out.push(paint.bold('Fix'), `  ${safeText(fix)}`);
  return out;
}
