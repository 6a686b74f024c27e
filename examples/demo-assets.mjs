// The folder `make demo` serves as the Worker's static assets: the debugger page (www/dist, built
// by `make www`) or a placeholder until it is built. Either way it holds www/_headers, which
// Workers static assets read, so the page is served with `frame-ancestors 'none'` (a <meta> CSP
// cannot set it). tests/examples.mjs serves the same folder and checks the header.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';

/** The assets folder for the demo under `root` (the repository, ending in /). */
export function demoAssets(root) {
  let assets = `${root}www/dist`;
  if (!existsSync(`${assets}/index.html`)) {
    assets = `${root}target/demo-www`;
    mkdirSync(assets, { recursive: true });
    writeFileSync(`${assets}/index.html`, `<!doctype html>
<meta charset="utf-8"><title>videosdk-token demo</title>
<h1>videosdk-token demo</h1>
<p>The token debugger page is not built yet: run <code>make www</code>, then <code>make demo</code> again.</p>
<p>Meanwhile: <a href="/api/token?roomId=demo-room&amp;participantId=demo-user">/api/token?roomId=demo-room&amp;participantId=demo-user</a></p>
`);
  }
  copyFileSync(`${root}www/_headers`, `${assets}/_headers`);
  return assets;
}
