// What the consumer runners share: running a command with its output kept (shown on failure),
// a free port on 127.0.0.1, waiting for a server, and the closing `<name>: N passed, N failed`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Runs a command to completion; resolves to its output, rejects with the output's tail. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}:\n${tail(out)}`));
    });
  });
}

export function tail(text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');
}

export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Starts a long-running server process; `stop()` ends it and waits for its exit. */
export function start(cmd, args, options = {}) {
  const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  return {
    child,
    log: () => log.join(''),
    async waitFor(url, seconds = 60) {
      for (let i = 0; i < seconds * 4; i += 1) {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${tail(log.join(''))}`);
        try {
          await fetch(url);
          return;
        } catch {
          await new Promise((ok) => setTimeout(ok, 250));
        }
      }
      throw new Error(`no answer from ${url} in ${seconds} s:\n${tail(log.join(''))}`);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Runs named checks in order, prints a line for each and the closing `<name>: N passed, N failed`
 * line, and sets the exit code. With `steps`, each check needs the ones before it: the first
 * failure stops the run and the rest count as failed, not run.
 */
export async function report(name, checks, { steps = false } = {}) {
  let passed = 0;
  let failed = 0;
  for (const [i, [label, fn]] of checks.entries()) {
    try {
      await fn();
      passed += 1;
      console.log(`ok ${name}: ${label}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}: ${label}\n    ${error?.stack ?? error}`);
      if (steps) {
        for (const [rest] of checks.slice(i + 1)) console.log(`FAIL ${name}: ${rest} (not run)`);
        failed += checks.length - i - 1;
        break;
      }
    }
  }
  console.log(`${name}: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
  return failed;
}
