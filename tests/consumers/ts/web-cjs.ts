// The videosdk-token/web entry from a CommonJS project (the tsconfig.json of node16-cjs,
// node18-cjs and nodenext-cjs names this file): `import = require()`, and its init().
import web = require('videosdk-token/web');

const initialized: Promise<unknown> = web.init();
void initialized;
