// `videosdk-token/node`: the package's handlers, and any other (Request) => Response handler, as
// listeners for node:http, Express, Connect. No wasm here: the handler given brings its own.
export { toNodeHandler } from './listener.js';
export { VideoSDKError } from '../shared/errors.js';
