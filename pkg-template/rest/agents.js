// client.agents: dispatch a VideoSDK AI agent into a room (POST /v2/agent/dispatch). VideoSDK's
// REST page names the room `meetingId`, its server SDK sends `roomId` too: the body carries both
// (see docs/api-client.md). Not retried after a 5xx or a lost answer: a second agent could join.
import { bodyOf, object, post, text } from './media.js';

const DISPATCH = {
  versionId: text('…'),
  versionTag: text('production'),
  metadata: object("{ variables: [{ name: 'topic', value: 'billing' }] }"),
};

export class AgentsApi {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** Resolves with VideoSDK's answer: `{ message, data: { success, status, roomId, agentId } }`. */
  async dispatch(options, call) {
    const { agentId, roomId, ...rest } = bodyOf(options, 'agents.dispatch(options)', DISPATCH, ['agentId', 'roomId']);
    const body = { agentId, meetingId: roomId, roomId, ...rest };
    return post(this.#request, '/v2/agent/dispatch', body, call, 'rate-limited', 'object');
  }
}
