// Holds the README's code to the API: every ```js / ```ts block of README.md is written out as a
// module of its own and type-checked by tsc against the installed package (node_modules/
// videosdk-token, the packed tarball of `make pack`), as a user's editor would check it. Only
// the package's public names are involved: no path inside the package is named here.
//
// Blocks in any other language (sh, text, …) are not checked; a block with no language tag is an
// error, so that every block is checked or left out on purpose.
//
// Type-checked, not run: most snippets are fragments of a Worker or a page that need a request,
// a deployment's secrets or VideoSDK's API; the JS suites run the same calls on every runtime.
//
// It also checks the README as the npm page: shipped in the tarball as it is, with absolute links.
//
// Beside the README's blocks, a few control snippets with a known mistake each (a misspelt
// option, a name the package does not export, a missing method) must each fail: a checker that
// let them through would pass any README.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = join(ROOT, 'README.md');
const OUT = join(ROOT, 'target', 'readme-snippets');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const MAX_README_LINES = 250;
const CHECKED = new Set(['js', 'javascript', 'mjs', 'ts', 'typescript']);

// What the snippets take from their surroundings: a Worker's `env`, a token in hand, a body and
// its signature, the app's own session check, an Express app and an endpoint config, and the runtimes' globals (no @types package: the
// check must not depend on which runtime's types happen to be installed).
const PRELUDE = `// Ambient values the README's snippets refer to (written by tests/docs/readme-snippets.mjs).
declare const env: {
  VIDEOSDK_API_KEY: string; VIDEOSDK_SECRET: string; VIDEOSDK_WEBHOOK_PUBLIC_KEY: string;
  WEBHOOKS_SEEN: import('videosdk-token/webhooks').DedupeStore;
};
declare const request: Request;
declare const token: string;
declare const rawBody: ArrayBuffer;
declare const signature: string;
declare function yourSessionCheck(request: Request): Promise<{ participantId: string } | null>;
declare const app: { all(path: string, listener: (req: any, res: any, next?: any) => void): void };
declare const config: import('videosdk-token').TokenEndpointConfig;
declare const process: { env: Record<string, string | undefined> };
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};
`;

const CONTROLS = [
  ['a misspelt option', `import { signToken } from 'videosdk-token';
signToken({ apiKey: 'k', secret: 's', permissions: ['allow_join'], expireIn: '1h' });`],
  ['a name the package does not export', `import { verifyWebhooks } from 'videosdk-token/webhooks';
console.log(verifyWebhooks);`],
  ['a method the client does not have', `import { VideoSDKClient } from 'videosdk-token';
await new VideoSDKClient({ apiKey: 'k', secret: 's' }).rooms.crate();`],
  ['a wrong option of the provider', `import { createTokenProvider } from 'videosdk-token/client';
createTokenProvider({ uri: '/api/token' });`],
  ['an unknown permission', `import { handleTokenRequest } from 'videosdk-token';
export default { fetch: (request) => handleTokenRequest(request, { apiKey: 'k', secret: 's', allowAnonymous: true, allowedPermissions: ['allow_joins'] }) };`],
];

/** The fenced blocks of a Markdown text: { lang, code, line (of the block's first code line) }. */
export function codeBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end += 1;
    blocks.push({ lang: open[3].toLowerCase(), code: lines.slice(start, end).join('\n'), line: start + 1 });
    i = end;
  }
  return blocks;
}

/**
 * The README as the npm page: the tarball ships this very file, with the package.json fields that
 * link the page back to the repository, and every link absolute (npm resolves no relative path).
 */
function packagePageProblems(readme) {
  const problems = [];
  const installed = join(ROOT, 'node_modules', 'videosdk-token');
  let shipped = null;
  try {
    shipped = readFileSync(join(installed, 'README.md'), 'utf8');
  } catch {
    problems.push('the packed package has no README.md (make pack copies the repository README into pkg/)');
  }
  if (shipped !== null && shipped !== readme) problems.push('the packed README.md differs from README.md: run make pack');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  if (!manifest.repository?.url) problems.push('package.json has no repository.url');
  if (!manifest.homepage) problems.push('package.json has no homepage');
  if (!manifest.bugs?.url) problems.push('package.json has no bugs.url');
  readme.split('\n').forEach((text, i) => {
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)/g)) {
      if (!/^https?:\/\//.test(target)) problems.push(`README.md:${i + 1}: the link ${target} is not absolute: it breaks on the npm page`);
    }
  });
  return problems;
}

function main() {
  const readme = readFileSync(README, 'utf8');
  const blocks = codeBlocks(readme);
  const untagged = blocks.filter((b) => b.lang === '');
  const checked = blocks.filter((b) => CHECKED.has(b.lang));
  const problems = untagged.map((b) => `README.md:${b.line - 1}: a code block with no language tag: tag it js or ts (checked) or sh, text, … (not checked)`);
  problems.push(...packagePageProblems(readme));
  // A short guide that points into docs/: each capability a section, each table in one file.
  const length = readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0);
  if (length > MAX_README_LINES) problems.push(`README.md is ${length} lines, over ${MAX_README_LINES}: move detail into docs/`);
  if (checked.length === 0) problems.push('README.md: no ```js or ```ts block found: nothing would be checked');

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(OUT, 'prelude.d.ts'), PRELUDE);
  const files = ['prelude.d.ts'];
  const origin = new Map(); // file → README line of its first line, or a control's name
  checked.forEach((b, i) => {
    const name = `readme-${String(i + 1).padStart(2, '0')}.${b.lang.startsWith('t') ? 'ts' : 'js'}`;
    // Deno's `npm:` specifier names the same package that Node resolves by its bare name.
    writeFileSync(join(OUT, name), b.code.replace(/(['"])npm:videosdk-token/g, '$1videosdk-token') + '\n');
    files.push(name);
    origin.set(name, { readmeLine: b.line });
  });
  CONTROLS.forEach(([what, code], i) => {
    const name = `control-${i + 1}.js`;
    writeFileSync(join(OUT, name), code + '\n');
    files.push(name);
    origin.set(name, { control: what });
  });
  writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true,
      // The snippets are JavaScript: a Worker's `(request, env)` carries no annotation, and an
      // environment lookup (string | undefined) is passed on as is. Names, options, arguments and
      // results are still checked against the package's types.
      noImplicitAny: false,
      strictNullChecks: false,
      allowJs: true,
      checkJs: true,
      noEmit: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      types: [],
      lib: ['es2022', 'dom', 'dom.iterable', 'dom.asynciterable'],
    },
    files,
  }, null, 2));

  let output = '';
  try {
    execFileSync(process.execPath, [TSC, '-p', join(OUT, 'tsconfig.json'), '--pretty', 'false'], { cwd: OUT, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    if (typeof e.status !== 'number') throw e;
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }

  const controlsFailed = new Set();
  let inControl = false;
  for (const line of output.split('\n').filter(Boolean)) {
    const at = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
    if (!at) {
      // tsc's indented detail lines belong to the error above them.
      if (!inControl) problems.push(/^\s/.test(line) && problems.length > 0 ? `${problems.pop()}\n${line}` : line);
      continue;
    }
    const from = origin.get(relative(OUT, join(OUT, at[1])));
    inControl = Boolean(from?.control);
    if (inControl) controlsFailed.add(from.control);
    else if (from) problems.push(`README.md:${from.readmeLine + Number(at[2]) - 1}:${at[3]}: ${at[4]}`);
    else problems.push(line);
  }
  for (const [what] of CONTROLS) {
    if (!controlsFailed.has(what)) problems.push(`the checker is blind: the control snippet with ${what} type-checked without an error`);
  }

  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`readme-snippets: ${problems.length} problem(s) in ${checked.length} checked block(s)`);
    process.exit(1);
  }
  console.log(`readme-snippets: ${checked.length} block(s) of README.md type-check against the packed package; ${CONTROLS.length} broken controls refused; ${blocks.length - checked.length} other block(s) not checked`);
}

main();
