// The bench Worker. Inside workerd the clock stands still while a request runs, so the driver
// (workerd.mjs) times requests from outside: GET /?group=sign&id=jose&n=1000 runs a case n times;
// n=0 is the empty request whose time is subtracted.
import * as ours from './ours.mjs';
import * as jose from 'jose';
import tsndr from '@tsndr/cloudflare-worker-jwt';
import { checkCases, makeCases } from '../lib.mjs';

let groups;
let asyncIds;

async function setup() {
  const now = Math.floor(Date.now() / 1000);
  groups = makeCases({ ours, jose, tsndr }, now);
  await checkCases(groups, ours, now);
  asyncIds = new Set();
  for (const group of ['sign', 'verify', 'decode']) {
    for (const [id, , fn] of groups[group]) {
      const r = fn();
      if (r && typeof r.then === 'function') {
        await r;
        asyncIds.add(`${group}:${id}`);
      }
    }
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/setup') {
      await setup();
      const list = {};
      for (const group of ['sign', 'verify', 'decode']) {
        list[group] = groups[group].map(([id, label]) => ({ id, label, async: asyncIds.has(`${group}:${id}`) }));
      }
      return Response.json(list);
    }
    const group = url.searchParams.get('group');
    const id = url.searchParams.get('id');
    const n = Number(url.searchParams.get('n'));
    const fn = groups[group].find((c) => c[0] === id)[2];
    if (asyncIds.has(`${group}:${id}`)) {
      for (let i = 0; i < n; i++) await fn();
    } else {
      for (let i = 0; i < n; i++) fn();
    }
    return new Response('ok');
  },
};
