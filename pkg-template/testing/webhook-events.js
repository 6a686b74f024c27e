// Sample bodies for every webhook type the package's types name (webhooks/index.d.ts), in the
// envelope VideoSDK's "Webhooks List" documents: `{ "webhookType": …, "data": { … } }`. The
// session, participant, recording, HLS and livestream samples follow VideoSDK's documented
// examples (the room called `meetingId`, times ISO with `+00:00`); the participant and track
// recording, merge, transcription, resource, AI-deployment and agent samples follow the package's
// types, as VideoSDK's list does not show them. Every value can be overridden.

const MEETING = 'jvsg-8rjn-j304';
const SESSION = '62c43fdc1ca3ad3a4e2b1c2a';
const session = { meetingId: MEETING, sessionId: SESSION };
const participant = { ...session, participantId: 'ana', participantName: 'Ana' };
const track = { ...session, participantId: 'ana', kind: 'video' };
const participantRecording = { ...session, participantId: 'ana', fileFormat: 'webm' };
const FILE_ID = '62c440171ca3ad3a4e2b1c37';
const fileDetails = [{ filePath: `/encoded/videos/${FILE_ID}.webm`, fileUrl: `https://cdn.videosdk.live/encoded/videos/${FILE_ID}.webm` }];
const hlsUrl = (name) => `https://cdn.videosdk.live/meetings-hls/7f5cd0f6-5a2c-4a2b-9b9d-0d4a2f1e3c11/${name}`;
const hls = { ...session, downstreamUrl: hlsUrl('index.m3u8'), playbackHlsUrl: hlsUrl('index.m3u8'), livestreamUrl: hlsUrl('live.m3u8') };
const transcription = { ...session, id: 'c5b9a7e2-7f1d-4c1e-9a53-2b8f6f0f4e21', type: 'realtime' };
const agent = { ...session, agentId: 'support-agent', status: 'assigned' };
const forEach = (names, data) => names.map((name) => [name, data]);

/** Every event type and its sample `data`. */
export const WEBHOOK_SAMPLES = Object.freeze(Object.fromEntries([
  ['participant-joined', participant],
  ['participant-left', participant],
  ['session-started', { sessionId: SESSION, meetingId: MEETING, start: '2022-07-05T13:44:28.047+00:00' }],
  ['session-ended', { sessionId: SESSION, meetingId: MEETING, start: '2022-07-05T13:44:28.047+00:00', end: '2022-07-05T14:59:35.047+00:00' }],
  ...forEach(['recording-starting', 'recording-started', 'recording-stopping', 'recording-failed'], session),
  ['recording-stopped', { ...session, filePath: `/encoded/videos/${FILE_ID}.mp4`, fileUrl: `https://cdn.videosdk.live/encoded/videos/${FILE_ID}.mp4` }],
  ...forEach(['participant-track-recording-starting', 'participant-track-recording-started', 'participant-track-recording-stopping',
    'participant-track-recording-failed'], track),
  ['participant-track-recording-stopped', { ...track, fileDetails }],
  ...forEach(['participant-recording-starting', 'participant-recording-started', 'participant-recording-stopping',
    'participant-recording-failed'], participantRecording),
  ['participant-recording-stopped', { ...participantRecording, fileDetails }],
  ['merge-recording-completed', { ...session, id: FILE_ID }],
  ['merge-recording-failed', { ...session, id: FILE_ID, message: 'merge failed' }],
  ...forEach(['transcription-started', 'transcription-stopped', 'transcription-failed'], transcription),
  ...forEach(['livestream-starting', 'livestream-started', 'livestream-stopping', 'livestream-stopped', 'livestream-failed'], session),
  ...forEach(['hls-starting', 'hls-stopping', 'hls-stopped', 'hls-failed'], session),
  ...forEach(['hls-started', 'hls-playable'], hls),
  ['resource-acquired', { id: '6634a1f0c1c1f0a1b2c3d4e5', type: 'recording' }],
  ...forEach(['ai-deployment-session-starting', 'ai-deployment-session-started', 'ai-deployment-session-stopping',
    'ai-deployment-session-stopped', 'ai-deployment-session-failed'], { sessionId: SESSION }),
  ...forEach(['agent-session-starting', 'agent-session-started', 'agent-session-stopping', 'agent-session-stopped',
    'agent-session-failed'], agent),
]));
