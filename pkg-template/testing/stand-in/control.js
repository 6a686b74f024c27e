// /__stand-in/… (only with `control: true`): the stand-in's methods over HTTP, for a test whose
// runtime reaches the stand-in through a socket or a service binding rather than in-process.
//   POST reset { missingRoomStatus? }   POST faults [fault…]   POST seed { rooms, customPrefix, sessions }
//   GET log → { requests, rooms, distinctTokens }   GET state → the account
import { jsonAnswer } from './http.js';

export function controlRequest(standIn, { tokens }, method, path, text) {
  let body;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    return jsonAnswer(400, { message: 'a control request takes JSON' });
  }
  if (method === 'POST' && path === '/__stand-in/reset') {
    standIn.reset(body);
    return jsonAnswer(200, { reset: true });
  }
  if (method === 'POST' && path === '/__stand-in/faults') {
    try {
      return jsonAnswer(200, { faults: standIn.fail([].concat(body)) });
    } catch (error) {
      return jsonAnswer(400, { message: error.message });
    }
  }
  if (method === 'POST' && path === '/__stand-in/seed') {
    try {
      return jsonAnswer(200, standIn.seed(body));
    } catch (error) {
      return jsonAnswer(400, { message: error.message });
    }
  }
  if (method === 'GET' && path === '/__stand-in/log') {
    return jsonAnswer(200, { requests: standIn.requests, rooms: standIn.state.rooms.length, distinctTokens: tokens.size });
  }
  if (method === 'GET' && path === '/__stand-in/state') {
    return jsonAnswer(200, standIn.state);
  }
  return jsonAnswer(404, { message: `no control endpoint ${method} ${path}` });
}
