// The command line's usage texts: `usage` is printed with every usage error, `help` for --help.
// The permission names are the core's (vocabulary.js), listed in its order.
import { PERMISSIONS } from '../shared/vocabulary.js';

const [FIRST_PERMISSION, ...OTHER_PERMISSIONS] = Object.keys(PERMISSIONS);

const DENO_RUN = 'deno run --allow-read --allow-env=VIDEOSDK_API_KEY,VIDEOSDK_SECRET npm:videosdk-token';

const SECRET_SOURCES = `The secret comes from --secret-file PATH, else VIDEOSDK_SECRET, else standard input
(a hidden prompt on a terminal). Never from an argument: --secret is refused, because
every user of the machine can read a process's arguments.`;

const EXIT = `Exit status: 0 success, 1 a refused or malformed token, 2 a usage or option error.`;

/** How sign's and verify's help ends: where the secret comes from, the exit status, Deno's flags. */
const secretCommandEnd = (command) => `${SECRET_SOURCES}
${EXIT}

Deno: ${DENO_RUN} ${command} …
(read: the package's .wasm and --secret-file; env: the two variables)`;

export const TEXTS = {
  main: {
    usage: `Usage: videosdk-token <command> [options]

Commands:
  sign      mint a token
  verify    check a token's signature, times and claims
  decode    show what a token says, without checking it
  explain   say what one of VideoSDK's join error codes means, and what in a token causes it

Run videosdk-token <command> --help for a command's options.`,
    help: `${EXIT}
Colour only on a terminal, never with NO_COLOR set.

Deno: ${DENO_RUN} <command> …
(decode and explain need --allow-read only; each command's --help says why)`,
  },

  sign: {
    usage: `Usage: videosdk-token sign --permissions ${FIRST_PERMISSION}[,${OTHER_PERMISSIONS.join(',')}] [options]`,
    help: `Mints a VideoSDK token and prints it.

Options:
  --permissions LIST    ${Object.keys(PERMISSIONS).join(', ')} (comma-separated; required)
  --room ID             roomId: the token works in this room only
  --participant ID      participantId: the token is for this participant only
  --roles LIST          rtc (meetings only) or crawler (server-side API only)
  --expires-in SPAN     lifetime with its unit: 90s, 30m, 2h, 1d (default {DEFAULT_LIFETIME})
  --claim NAME=VALUE    an extra claim; VALUE is JSON when it parses as JSON, else text
                        (repeatable: --claim name=Ada --claim admin=true)
  --api-key KEY         the API key (default: VIDEOSDK_API_KEY)
  --secret-file PATH    read the secret from this file
  --json                print {"token", "expiresAt", "payload"} as JSON
  --now TIME            sign as of this time (seconds since 1970, or ISO 8601)

${secretCommandEnd('sign')}`,
  },

  verify: {
    usage: `Usage: videosdk-token verify TOKEN|- [options]`,
    help: `Checks a token's signature, times and claims; prints its claims when it is valid.
A refused token exits 1 with "CODE: reason" on standard error.
TOKEN - reads the token from standard input; the secret must then come from
VIDEOSDK_SECRET or --secret-file.

Options:
  --room ID               refuse a token for another room
  --participant ID        refuse a token for another participant
  --api-key KEY           refuse a token of another API key (default: VIDEOSDK_API_KEY, if set)
  --clock-tolerance SPAN  leeway for exp and nbf, with its unit: 30s, 2m (default 0)
  --secret-file PATH      read the secret from this file
  --json                  print the claims as JSON
  --now TIME              verify as of this time (seconds since 1970, or ISO 8601)

${secretCommandEnd('verify')}`,
  },

  decode: {
    usage: `Usage: videosdk-token decode TOKEN|- [options]`,
    help: `Shows a token's header, payload and times, and everything VideoSDK would object
to, WITHOUT checking its signature (use verify for that). Needs no secret.
TOKEN - reads the token from standard input.

Options:
  --json       print header, payload, times and warnings as JSON
  --now TIME   read times as of this time (seconds since 1970, or ISO 8601)

${EXIT}

Deno: deno run --allow-read npm:videosdk-token decode …   (read: the package's .wasm)`,
  },

  explain: {
    usage: `Usage: videosdk-token explain CODE [--room ID] [--participant ID] [options] < token`,
    help: `Says what one of VideoSDK's join error codes means (the number its SDKs report when
a join fails, such as 4022) and its usual fix; given the token the client joined with,
what in that token causes it, comparing it with the room and participant tried.
Needs no secret, and never checks the signature (use verify for that).
The token comes from --token-file PATH, else standard input when it is not a terminal;
without one, only the meaning and the fix are shown.

Options:
  --room ID            the room the client joined (4022: the token's roomId)
  --participant ID     the participant ID it joined with (4023: the token's participantId)
  --token-file PATH    read the token from this file (at most 1 MiB; not a directory or device)
  --json               print explainJoinError's result as JSON
  --now TIME           judge the token's times as of this time (seconds since 1970, or ISO 8601)

Exit status: 0 explained, 1 the token given cannot be read (explained all the same),
2 a usage or option error (a CODE that is not a number from 1000 to 9999).

Deno: deno run --allow-read npm:videosdk-token explain …   (read: the package's .wasm and --token-file)`,
  },
};
