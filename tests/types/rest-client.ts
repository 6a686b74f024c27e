// The API client's types, compiled by `make types-test` against the packed package: options,
// every method, results with unknown fields passed through, ApiError and its closed code union.
import {
  ApiError, VideoSDKClient, VideoSDKError,
  type ApiErrorCode, type CreateRoomOptions, type DeactivatedRoom, type Room, type RoomValidation, type Session,
} from 'videosdk-token';

declare const env: { VIDEOSDK_API_KEY: string; VIDEOSDK_SECRET: string; API: { fetch: typeof fetch } };

const client = new VideoSDKClient({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET });
new VideoSDKClient({
  apiKey: 'k', secret: new Uint8Array(32), apiBase: new URL('http://127.0.0.1:8080'),
  fetch: (url, init) => env.API.fetch(url, init), timeout: '30s', retries: 0,
});
new VideoSDKClient({ apiKey: 'k', secret: 's', timeout: 5 });
// @ts-expect-error: a string timeout needs a unit
new VideoSDKClient({ apiKey: 'k', secret: 's', timeout: '10' });
// @ts-expect-error: the secret is required
new VideoSDKClient({ apiKey: 'k' });
// @ts-expect-error: not an option
new VideoSDKClient({ apiKey: 'k', secret: 's', retry: 2 });

async function rooms(signal: AbortSignal) {
  const options: CreateRoomOptions = {
    customRoomId: 'standup',
    webhook: { endPoint: 'https://app.example/webhooks/videosdk', events: ['session-started', 'recording-*'] },
    autoCloseConfig: { type: 'session-end-and-deactivate', duration: 60 },
    autoStartConfig: { recording: {} },
  };
  const room: Room = await client.rooms.create(options, { signal });
  const roomId: string = room.roomId;
  const extra: unknown = room.someFieldVideoSDKAddsLater;
  // @ts-expect-error: not an auto-close type
  await client.rooms.create({ autoCloseConfig: { type: 'never' } });
  // @ts-expect-error: customRoomId, not roomId
  await client.rooms.create({ roomId: 'x' });

  const check: RoomValidation = await client.rooms.validate(roomId);
  if (check.valid) {
    const disabled: boolean | undefined = check.room.disabled;
    void disabled;
  } else {
    // @ts-expect-error: room may be absent when not valid
    const id: string = check.room.roomId;
    void id;
  }
  const fetched: Room = await client.rooms.get('standup');
  for await (const r of client.rooms.list({ perPage: 50 })) {
    const id: string = r.roomId;
    void id;
  }
  // @ts-expect-error: perPage is a number
  client.rooms.list({ perPage: '50' });
  const gone: DeactivatedRoom = await client.rooms.deactivate(roomId);
  const wasDisabled: boolean = gone.disabled;
  void extra; void fetched; void wasDisabled;
}

async function sessions() {
  for await (const s of client.sessions.list({ roomId: 'abcd-efgh-ijkl', perPage: 20 })) {
    const id: string = s.id;
    const end: string | null | undefined = s.end;
    void id; void end;
  }
  // @ts-expect-error: sessions.list needs a roomId
  client.sessions.list({ perPage: 20 });
  const one: Session = await client.sessions.get('6214…');
  await client.sessions.end({ roomId: 'abcd-efgh-ijkl' });
  await client.sessions.end({ roomId: 'abcd-efgh-ijkl', sessionId: one.id });
  await client.sessions.removeParticipant({ roomId: 'abcd-efgh-ijkl', participantId: 'user-1' });
  // @ts-expect-error: removeParticipant needs a participantId
  await client.sessions.removeParticipant({ roomId: 'abcd-efgh-ijkl' });
}

try {
  await rooms(AbortSignal.timeout(5000));
  await sessions();
} catch (e) {
  if (e instanceof ApiError) {
    const code: ApiErrorCode = e.code;
    const status: number | undefined = e.status;
    const where: string = `${e.method} ${e.path}`;
    const wait: number | undefined = e.retryAfter;
    const said: string | undefined = e.apiMessage;
    const base: VideoSDKError = e;
    // @ts-expect-error: not an ApiError code
    const wrong: ApiErrorCode = 'INVALID_OPTIONS';
    void code; void status; void where; void wait; void said; void base; void wrong;
  }
}
client.close();
