// What the Node test drivers share about other processes (the consumer projects, the examples,
// the browser provider test): running a command with its output kept (shown on failure), a free
// port on 127.0.0.1, starting a server and waiting for it to answer, and wrangler kept quiet.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** wrangler local only: no metrics, no error reports, no update check, no request.cf download. */
export const QUIET_WRANGLER = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true', // also skips the npm update check
  CLOUDFLARE_CF_FETCH_ENABLED: 'false', // no request.cf download from workers.cloudflare.com
};

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

/**
 * Starts a long-running server process; `waitFor(url)` resolves once the url answers at all,
 * `stop(signal)` ends it and waits for its exit (wrangler dev wants SIGINT to stop workerd too).
 */
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
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill(signal);
      await exited;
    },
  };
}
