// The API client's recordings, HLS, livestreams, transcriptions, agents, session participants and
// stats, and request(): compiled by `make types-test` against the packed package.
import {
  VideoSDKClient,
  type AgentDispatch, type ApiMessage, type HlsStream, type Livestream, type ParticipantStats, type RealtimeTranscription,
  type Recording, type SessionParticipant, type SessionStats,
} from 'videosdk-token';

declare const client: VideoSDKClient;

async function media(signal: AbortSignal) {
  const started: ApiMessage = await client.recordings.start({
    roomId: 'r', config: { layout: { type: 'GRID', priority: 'PIN', gridSize: 4 }, quality: 'high', recording: { enabled: true } },
    transcription: { enabled: true, summary: { enabled: true, prompt: 'notes' } }, webhookUrl: 'https://a.example/h',
  }, { signal });
  const said: string = started.message;
  // @ts-expect-error: not a layout type
  await client.recordings.start({ roomId: 'r', config: { layout: { type: 'ROW' } } });
  // @ts-expect-error: roomId is required
  await client.recordings.start({});
  await client.recordings.stop({ roomId: 'r' });
  for await (const recording of client.recordings.list({ roomId: 'r', perPage: 10 })) {
    const url: string | undefined = recording.file?.fileUrl;
    void url;
  }
  const one: Recording = await client.recordings.get('id');
  const gone: ApiMessage = await client.recordings.delete(one.id);
  await client.recordings.participant.start({ roomId: 'r', participantId: 'p', fileFormat: 'webm' });
  await client.recordings.track.start({ roomId: 'r', participantId: 'p', kind: 'screen_audio' });
  // @ts-expect-error: kind is required to stop a track
  await client.recordings.track.stop({ roomId: 'r', participantId: 'p' });

  const stream: HlsStream = await client.hls.start({ roomId: 'r', templateUrl: 'https://a.example/layout' });
  const playback: string | undefined = stream.playbackHlsUrl;
  const active: HlsStream | null = await client.hls.active('r');
  // @ts-expect-error: active() may resolve null
  const notNull: HlsStream = await client.hls.active('r');
  const live: ApiMessage = await client.livestreams.start({ roomId: 'r', outputs: [{ url: 'rtmp://a.example/x', streamKey: 'k' }] });
  // @ts-expect-error: outputs are required
  await client.livestreams.start({ roomId: 'r' });
  for await (const l of client.livestreams.list()) {
    const item: Livestream = l;
    void item;
  }
  const t: RealtimeTranscription = await client.transcriptions.start({ roomId: 'r', language: 'en-US', summary: { enabled: true } });
  const status: string = t.status;
  for await (const x of client.transcriptions.list({ sessionId: 's' })) void x.id;
  const dispatched: AgentDispatch = await client.agents.dispatch({ agentId: 'a', roomId: 'r', metadata: { variables: [] } });
  const assigned: string | undefined = dispatched.data.status;
  // @ts-expect-error: the method takes roomId
  await client.agents.dispatch({ agentId: 'a', meetingId: 'r' });

  for await (const p of client.sessions.participants('s', { active: true })) {
    const participant: SessionParticipant = p;
    void participant;
  }
  const stats: SessionStats = await client.sessions.stats('s');
  const mine: ParticipantStats = await client.sessions.stats('s', { participantId: 'p' });
  const anything = await client.request<{ ok: boolean }>('POST', '/v2/sip/call', { body: { to: 'x' }, idempotent: false });
  const flag: boolean = anything.ok;
  // @ts-expect-error: a path starts with /
  await client.request('GET', 'v2/rooms');
  // @ts-expect-error: not a method the client sends
  await client.request('TRACE', '/v2/rooms');
  return [said, gone, playback, active, notNull, live, status, assigned, stats, mine, flag];
}

void media;
