// The API client's suite for recordings, HLS, livestreams, transcriptions, agents, session
// participants and stats: runtime-agnostic, run beside rest-client.mjs on Node, Deno, Bun
// and workerd against the stand-in of VideoSDK's API (the package's testing/stand-in/), steered
// through its /__stand-in/ control endpoints. cases({ lib, rest: { baseUrl, fetch } }) returns
// [name, fn] pairs; fn throws on failure.
import { API_KEY, deepEq, eq, ok, SECRET } from '../support/assert.mjs';
import { restKit } from '../support/rest-kit.mjs';

// A stall longer than any test (JSON has no Infinity): the client's timeout or signal ends it.
const STALL_MS = 1e9;

export function cases({ lib, rest: env }) {
  const {
    doFetch, control, inject, requests, account, setUp, client, rejection, isApiError, isInvalid, refusal, collect, lines, mayHaveActed,
  } = restKit(lib, env);
  const { baseUrl } = env;

  return [
    ['rest media: recordings start, stop, list (pages), get, delete; starts and stops answer { message }', async () => {
      const { roomId, sessionId } = await setUp(['ana']);
      const c = client();
      const config = { layout: { type: 'GRID', priority: 'SPEAKER', gridSize: 4 }, theme: 'DARK', mode: 'video-and-audio', quality: 'high', orientation: 'landscape', recording: { enabled: true } };
      const started = await c.recordings.start({ roomId, config, transcription: { enabled: true, summary: { enabled: true, prompt: 'notes' } }, webhookUrl: 'https://app.example/hooks', awsDirPath: 'rec/2026' });
      deepEq(started, { message: 'Recording started successfully' }, 'the bare string as { message }');
      deepEq(await c.recordings.stop({ roomId }), { message: 'Recording ended successfully' }, 'stop');
      for (let i = 0; i < 2; i += 1) {
        await c.recordings.start({ roomId });
        await c.recordings.stop({ roomId });
      }
      const log = await requests();
      deepEq([log[0].method, log[0].path, log[0].body], ['POST', '/v2/recordings/start', { roomId, config, transcription: { enabled: true, summary: { enabled: true, prompt: 'notes' } }, webhookUrl: 'https://app.example/hooks', awsDirPath: 'rec/2026' }], 'the start body, config as given');
      deepEq([log[1].path, log[1].body], ['/v2/recordings/end', { roomId }], 'stop calls /end');
      deepEq(log[0].auth.roles, ['crawler'], 'the management token');
      const listed = await collect(c.recordings.list({ roomId, sessionId, perPage: 2 }));
      eq(listed.length, 3, 'three recordings over two pages');
      const lists = (await requests()).filter((r) => r.path === '/v2/recordings');
      deepEq(lists.map((r) => r.query), [1, 2].map((page) => ({ roomId, sessionId, page: String(page), perPage: '2' })), 'GET /v2/recordings?roomId&sessionId&page&perPage');
      const one = await c.recordings.get(listed[0].id);
      deepEq([one.id, one.roomId, typeof one.file.fileUrl], [listed[0].id, roomId, 'string'], 'get: the recording and its file');
      deepEq(await c.recordings.delete(listed[0].id), { message: 'Room recording deleted successfully' }, 'delete');
      isApiError(await rejection(c.recordings.get(listed[0].id)), 'NOT_FOUND', 404);
      eq((await collect(c.recordings.list())).length, 2, 'list without filters');
      c.close();
    }],

    ['rest media: a start without a live session is BAD_REQUEST, a second recording CONFLICT, VideoSDK\'s text in apiMessage', async () => {
      const { roomId } = await setUp();
      const c = client();
      const none = isApiError(await rejection(c.recordings.start({ roomId })), 'BAD_REQUEST', 400);
      ok(/session/i.test(none.apiMessage), `apiMessage: ${none.apiMessage}`);
      await control('seed', { sessions: [{ roomId, status: 'ongoing', participants: ['ana'] }] });
      await c.recordings.start({ roomId });
      const twice = isApiError(await rejection(c.recordings.start({ roomId })), 'CONFLICT', 409);
      ok(/already/.test(twice.apiMessage), `apiMessage: ${twice.apiMessage}`);
      isApiError(await rejection(c.hls.start({ roomId: 'nope-nope-nope' })), 'NOT_FOUND', 404);
      eq((await requests()).length, 4, 'one request each: refusals are not retried');
      c.close();
    }],

    ['rest media: start arguments are checked before any request (code, field, did-you-mean)', async () => {
      await setUp();
      const c = client();
      const roomId = 'abcd-efgh-ijkl';
      const typo = isInvalid(await rejection(c.recordings.start({ roomID: roomId })), 'roomID');
      ok(typo.message.includes("'roomId'"), `did you mean: ${typo.message}`);
      isInvalid(await rejection(c.recordings.start({})), 'roomId');
      isInvalid(await rejection(c.recordings.start('room')), 'options');
      isInvalid(await rejection(c.recordings.start({ roomId, config: { layout: { type: 'GRDI' } } })), 'config.layout.type');
      isInvalid(await rejection(c.recordings.start({ roomId, config: { layout: { priority: 'LOUDEST' } } })), 'config.layout.priority');
      isInvalid(await rejection(c.recordings.start({ roomId, config: { layout: { gridSize: 26 } } })), 'config.layout.gridSize');
      isInvalid(await rejection(c.recordings.start({ roomId, config: { quality: '4k' } })), 'config.quality');
      isInvalid(await rejection(c.recordings.start({ roomId, config: 'GRID' })), 'config');
      isInvalid(await rejection(c.recordings.start({ roomId, webhookUrl: 'ftp://a.example/x' })), 'webhookUrl');
      isInvalid(await rejection(c.recordings.start({ roomId, preSignedUrl: 'not a url' })), 'preSignedUrl');
      isInvalid(await rejection(c.recordings.start({ roomId, transcription: true })), 'transcription');
      isInvalid(await rejection(c.recordings.start({ roomId, awsDirPath: '' })), 'awsDirPath');
      isInvalid(await rejection(c.recordings.start({ roomId }, { signal: 'x' })), 'signal');
      isInvalid(await rejection(c.hls.start({ roomId, templateUrl: 'javascript:alert(1)' })), 'templateUrl');
      isInvalid(await rejection(c.recordings.participant.start({ roomId })), 'participantId');
      isInvalid(await rejection(c.recordings.participant.start({ roomId, participantId: 'p', fileFormat: 'avi' })), 'fileFormat');
      isInvalid(await rejection(c.recordings.track.start({ roomId, participantId: 'p' })), 'kind');
      isInvalid(await rejection(c.recordings.track.start({ roomId, participantId: 'p', kind: 'screen' })), 'kind');
      isInvalid(await rejection(c.recordings.track.stop({ roomId, participantId: 'p', kind: 'audio', fileFormat: 'webm' })), 'fileFormat');
      isInvalid(await rejection(c.livestreams.start({ roomId })), 'outputs');
      isInvalid(await rejection(c.livestreams.start({ roomId, outputs: [] })), 'outputs');
      isInvalid(await rejection(c.livestreams.start({ roomId, outputs: [{ url: 'https://live.example/app', streamKey: 'k' }] })), 'outputs[0].url');
      const key = isInvalid(await rejection(c.livestreams.start({ roomId, outputs: [{ url: 'rtmp://live.example/app', streamKey: '' }] })), 'outputs[0].streamKey');
      ok(!key.message.includes('rtmp://'), 'the message does not echo the output');
      isInvalid(await rejection(c.livestreams.start({ roomId, outputs: [{ url: 'rtmp://live.example/app', streamKey: 'k', key: 'x' }] })), 'key');
      isInvalid(await rejection(c.transcriptions.start({ roomId, summary: 'yes' })), 'summary');
      isInvalid(await rejection(c.transcriptions.start({ roomId, language: '' })), 'language');
      isInvalid(await rejection(c.agents.dispatch({ roomId })), 'agentId');
      isInvalid(await rejection(c.agents.dispatch({ agentId: 'a', meetingId: roomId })), 'meetingId');
      isInvalid(await rejection(c.agents.dispatch({ agentId: 'a', roomId, metadata: [] })), 'metadata');
      isInvalid(await refusal(() => c.recordings.list({ roomId: 'a b' })), 'roomId');
      isInvalid(await refusal(() => c.hls.list({ perPage: 0 })), 'perPage');
      isInvalid(await refusal(() => c.transcriptions.list({ status: 'running' })), 'status');
      isInvalid(await refusal(() => c.sessions.participants('s1', { active: 'yes' })), 'active');
      isInvalid(await rejection(c.sessions.stats('s1', { participant: 'p' })), 'participant');
      eq((await requests()).length, 0, 'no request was made');
      c.close();
    }],

    ['rest media: participant and track recordings start and stop in the live session', async () => {
      const { roomId } = await setUp(['ana', 'ben']);
      const c = client();
      eq((await c.recordings.participant.start({ roomId, participantId: 'ana', fileFormat: 'webm', webhookUrl: 'https://app.example/h', bucketDirPath: 'p/ana' })).message, 'Participant recording started successfully.', 'participant start');
      eq(typeof (await c.recordings.participant.stop({ roomId, participantId: 'ana' })).message, 'string', 'participant stop');
      deepEq(await c.recordings.track.start({ roomId, participantId: 'ben', kind: 'screen_video' }), { message: 'track recording started successfully.' }, 'track start');
      deepEq(await c.recordings.track.stop({ roomId, participantId: 'ben', kind: 'screen_video' }), { message: 'track recording ended successfully.' }, 'track stop');
      isApiError(await rejection(c.recordings.track.start({ roomId, participantId: 'zoe', kind: 'audio' })), 'BAD_REQUEST', 400);
      deepEq(lines(await requests()).slice(0, 4), [
        'POST /v2/recordings/participant/start 200', 'POST /v2/recordings/participant/stop 200',
        'POST /v2/recordings/participant/track/start 200', 'POST /v2/recordings/participant/track/stop 200',
      ], 'paths');
      deepEq((await requests())[2].body, { roomId, participantId: 'ben', kind: 'screen_video' }, 'the track body');
      c.close();
    }],

    ['rest media: a start is not retried after a 5xx, a timeout or a lost answer, and says it may have taken effect; it is after a 429', async () => {
      const { roomId } = await setUp(['ana']);
      const c = client({ retries: 3 });
      // A 1 s timeout only where the stand-in hangs: a loaded machine may take longer to answer.
      const quick = client({ retries: 3, timeout: 1 });
      await inject({ path: '/v2/recordings/start', status: 503 });
      mayHaveActed(isApiError(await rejection(c.recordings.start({ roomId })), 'SERVER_ERROR', 503));
      await inject({ path: '/v2/recordings/start', cut: true, after: true });
      mayHaveActed(isApiError(await rejection(c.recordings.start({ roomId })), 'NETWORK', undefined));
      eq((await account()).recordings.length, 1, 'the lost start took effect, once');
      await c.recordings.stop({ roomId });
      await inject({ path: '/v2/hls/start', delayMs: STALL_MS });
      mayHaveActed(isApiError(await rejection(quick.hls.start({ roomId })), 'TIMEOUT', undefined));
      eq(quick.waits.length, 0, 'no retry after the timeout');
      quick.close();
      await inject({ path: '/v2/agent/dispatch', status: 500 });
      mayHaveActed(isApiError(await rejection(c.agents.dispatch({ agentId: 'bot', roomId })), 'SERVER_ERROR', 500));
      await inject({ path: '/ai/v1/realtime-transcriptions/start', status: 502 });
      isApiError(await rejection(c.transcriptions.start({ roomId })), 'SERVER_ERROR', 502);
      eq(c.waits.length, 0, 'no retry was scheduled');
      eq((await requests()).filter((r) => r.path !== '/v2/recordings/end').length, 5, 'one request each');
      await control('reset', {});
      const { rooms: [room2] } = await control('seed', { rooms: 1 });
      await control('seed', { sessions: [{ roomId: room2, status: 'ongoing', participants: ['ana'] }] });
      for (const [path, call] of [
        ['/v2/recordings/start', () => c.recordings.start({ roomId: room2 })],
        ['/v2/livestreams/start', () => c.livestreams.start({ roomId: room2, outputs: [{ url: 'rtmp://live.example/app', streamKey: 'k' }] })],
        ['/v2/agent/dispatch', () => c.agents.dispatch({ agentId: 'bot', roomId: room2 })],
        ['/v2/recordings/participant/track/start', () => c.recordings.track.start({ roomId: room2, participantId: 'ana', kind: 'audio' })],
      ]) {
        await inject({ path, status: 429, retryAfter: 0 });
        await call();
      }
      deepEq((await requests()).map((r) => r.status), [429, 200, 429, 200, 429, 200, 429, 200], 'each retried after its 429');
      c.close();
    }],

    ['rest media: stops, gets, lists and deletes are retried after a 5xx as the safe calls are', async () => {
      const { roomId } = await setUp(['ana']);
      const c = client();
      await c.recordings.start({ roomId });
      await c.hls.start({ roomId });
      await inject({ path: '/v2/recordings/end', status: 503 }, { path: '/v2/hls/', method: 'GET', status: 502 }, { path: '/v2/hls/end', cut: true });
      await c.recordings.stop({ roomId });
      ok((await c.hls.active(roomId)) !== null, 'active after a 502');
      await c.hls.stop({ roomId });
      const [rec] = await collect(c.recordings.list({ roomId }));
      await inject({ path: '/v2/recordings/', method: 'DELETE', status: 500 });
      await c.recordings.delete(rec.id);
      deepEq(lines(await requests()).slice(2), [
        'POST /v2/recordings/end 503', 'POST /v2/recordings/end 200', `GET /v2/hls/${roomId}/active 502`, `GET /v2/hls/${roomId}/active 200`,
        'POST /v2/hls/end cut', 'POST /v2/hls/end 200', 'GET /v2/recordings 200', `DELETE /v2/recordings/${rec.id} 500`, `DELETE /v2/recordings/${rec.id} 200`,
      ], 'each retried once');
      c.close();
    }],

    ['rest media: HLS start answers the stream; active unwraps { code, data } and is null when none runs (404)', async () => {
      const { roomId, sessionId } = await setUp(['ana']);
      const c = client();
      eq(await c.hls.active(roomId), null, 'no stream yet');
      const stream = await c.hls.start({ roomId, config: { layout: { type: 'SPOTLIGHT', gridSize: 25 }, recording: { enabled: true } }, templateUrl: 'https://app.example/layout' });
      ok(/\.m3u8$/.test(stream.playbackHlsUrl) && /\.m3u8$/.test(stream.livestreamUrl), 'playbackHlsUrl and livestreamUrl');
      deepEq([stream.roomId, stream.sessionId], [roomId, sessionId], 'room and session');
      const active = await c.hls.active(roomId);
      deepEq([active.id, active.playbackHlsUrl, active.code, active.data], [stream.id, stream.playbackHlsUrl, undefined, undefined], 'the stream, unwrapped');
      deepEq(await c.hls.stop({ roomId }), { message: 'HLS ended successfully' }, 'stop');
      eq(await c.hls.active(roomId), null, 'none after stop');
      eq((await c.hls.get(stream.id)).id, stream.id, 'get');
      deepEq((await collect(c.hls.list({ roomId }))).map((h) => h.id), [stream.id], 'list');
      deepEq(lines(await requests()).filter((l) => l.includes('end') || l.includes('/v2/hls/?') || l.startsWith('GET /v2/hls/ ')), ['POST /v2/hls/end 200', 'GET /v2/hls/ 200'], 'stop /end, list /v2/hls/');
      await inject({ path: `/v2/hls/${roomId}/active`, status: 200, body: { code: 200 } });
      isApiError(await rejection(c.hls.active(roomId)), 'BAD_RESPONSE', 200);
      await inject({ path: `/v2/hls/${roomId}/active`, status: 403 });
      isApiError(await rejection(c.hls.active(roomId)), 'FORBIDDEN', 403);
      c.close();
    }],

    ['rest media: livestreams start, list (stream keys as sent), get, stop', async () => {
      const { roomId } = await setUp(['ana']);
      const c = client();
      const outputs = [{ url: 'rtmp://a.example/live', streamKey: 'key-1' }, { url: 'rtmps://b.example/app', streamKey: 'key-2' }];
      deepEq(await c.livestreams.start({ roomId, outputs, config: { layout: { type: 'SIDEBAR' }, theme: 'LIGHT' } }), { message: 'Livestream started successfully' }, 'start');
      const [live] = await collect(c.livestreams.list({ roomId }));
      deepEq(live.outputs, outputs, 'outputs');
      eq((await c.livestreams.get(live.id)).id, live.id, 'get');
      deepEq(await c.livestreams.stop({ roomId }), { message: 'Livestream ended successfully' }, 'stop');
      isApiError(await rejection(c.livestreams.stop({ roomId })), 'BAD_REQUEST', 400);
      deepEq(lines(await requests()).slice(0, 4), ['POST /v2/livestreams/start 200', 'GET /v2/livestreams/ 200', `GET /v2/livestreams/${live.id} 200`, 'POST /v2/livestreams/end 200'], 'paths');
      c.close();
    }],

    ['rest media: transcriptions on /ai/v1 (same base and token): start and stop answer the object, the list reads `transcriptions` across pages', async () => {
      const { roomId, sessionId } = await setUp(['ana']);
      const c = client();
      const started = await c.transcriptions.start({ roomId, webhookUrl: 'https://app.example/t', language: 'en-US', modelId: 'm1', summary: { enabled: true, prompt: 'actions' } });
      deepEq([typeof started.id, started.status, started.extension.extensionConfig.roomId], ['string', 'running', roomId], 'start');
      const stopped = await c.transcriptions.stop({ roomId });
      deepEq([stopped.id, stopped.status], [started.id, 'completed'], 'stop');
      await c.transcriptions.start({ roomId });
      await c.transcriptions.stop({ roomId });
      const all = await collect(c.transcriptions.list({ roomId, sessionId, perPage: 1 }));
      eq(all.length, 2, 'two transcriptions over two pages');
      const log = await requests();
      deepEq([log[0].path, log[0].body.language, log[0].auth.roles], ['/ai/v1/realtime-transcriptions/start', 'en-US', ['crawler']], 'start request');
      deepEq(log.filter((r) => r.method === 'GET').map((r) => `${r.path}?page=${r.query.page}`), ['/ai/v1/realtime-transcriptions/?page=1', '/ai/v1/realtime-transcriptions/?page=2'], 'list pages');
      c.close();
    }],

    ['rest media: agents.dispatch sends meetingId and roomId; resolves VideoSDK\'s { message, data }', async () => {
      const { roomId } = await setUp();
      const c = client();
      const answer = await c.agents.dispatch({ agentId: 'support-bot', roomId, versionTag: 'prod', metadata: { variables: [{ name: 'topic', value: 'billing' }] } });
      eq(answer.message, 'Agent dispatch requested successfully.', 'message');
      deepEq([answer.data.status, answer.data.roomId, answer.data.agentId], ['assigned', roomId, 'support-bot'], 'data');
      const [r] = await requests();
      deepEq([r.path, r.body], ['/v2/agent/dispatch', { agentId: 'support-bot', meetingId: roomId, roomId, versionTag: 'prod', metadata: { variables: [{ name: 'topic', value: 'billing' }] } }], 'body');
      isApiError(await rejection(c.agents.dispatch({ agentId: 'support-bot', roomId: 'none-none-none' })), 'NOT_FOUND', 404);
      c.close();
    }],

    ['rest media: sessions.participants (all, and active: flattened across pages) and stats', async () => {
      const { roomId, sessionId } = await setUp(['ana', 'ben', 'cy']);
      const c = client();
      deepEq((await collect(c.sessions.participants(sessionId, { perPage: 2 }))).map((p) => p.participantId), ['ana', 'ben', 'cy'], 'all, two pages');
      await c.sessions.removeParticipant({ roomId, participantId: 'ben' });
      deepEq((await collect(c.sessions.participants(sessionId, { active: true, perPage: 1 }))).map((p) => p.participantId), ['ana', 'cy'], 'active, two pages');
      const gets = (await requests()).filter((r) => r.method === 'GET');
      deepEq(gets.map((r) => `${r.path} ${r.query.page}`), [
        `/v2/sessions/${sessionId}/participants 1`, `/v2/sessions/${sessionId}/participants 2`,
        `/v2/sessions/${sessionId}/participants/active 1`, `/v2/sessions/${sessionId}/participants/active 2`,
      ], 'paths and pages');
      const stats = await c.sessions.stats(sessionId);
      deepEq([stats.sessionId, stats.meetingId, Array.isArray(stats.stats)], [sessionId, roomId, true], 'session stats');
      const mine = await c.sessions.stats(sessionId, { participantId: 'ana' });
      deepEq([mine.participantId, typeof mine.network], ['ana', 'object'], 'participant stats');
      eq((await requests()).at(-1).path, `/v2/sessions/${sessionId}/participant/ana/stats`, 'the participant stats path');
      isApiError(await rejection(c.sessions.stats(sessionId, { participantId: 'zoe' })), 'NOT_FOUND', 404);
      await c.sessions.end({ roomId });
      deepEq(await collect(c.sessions.participants(sessionId, { active: true })), [], 'nobody in: empty, not an error');
      isApiError(await rejection(collect(c.sessions.participants('0000', { active: true }))), 'NOT_FOUND', 404);
      c.close();
    }],

  ];
}
