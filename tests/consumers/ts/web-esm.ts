// The videosdk-token/web entry from an ES module project (the tsconfig.json of nodenext-esm and
// bundler names this file): its default init() and its own signToken.
import init, { signToken as webSign } from 'videosdk-token/web';

const initialized: Promise<unknown> = init();
const other: string = webSign({ apiKey: 'k', secret: 'x'.repeat(64), permissions: ['ask_join'] });
void [initialized, other];
