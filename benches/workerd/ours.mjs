// videosdk-token as a Worker imports it: wrangler resolves the package's `workerd` condition
// (workerd.js: the .wasm imported as a module and handed to initSync).
export * from 'videosdk-token';
