// explainJoinError in the types: the code as a number or a string, the options by name, the result's shape.
import { explainJoinError, type JoinErrorExplanation, type JoinErrorOptions } from 'videosdk-token';

const token = 'a.b.c';
const explained: JoinErrorExplanation = explainJoinError(4022, { token, roomId: 'abc', participantId: 'alice', now: new Date() });
const name: string | null = explained.name;
const findings: string[] = explained.findings;
const code: number = explainJoinError('4002').code;
const cause: boolean = explainJoinError(4009, { token, now: 1_700_000_000 }).tokenCanCause;
const options: JoinErrorOptions = {};
// @ts-expect-error: the token is the token's text
explainJoinError(4022, { token: 5 });
// @ts-expect-error: roomId, not room
explainJoinError(4022, { room: 'abc' });
// @ts-expect-error: a code, not a list of them
explainJoinError([4022]);
// @ts-expect-error: name may be null (a code VideoSDK does not document)
const bare: string = explained.name;
void [name, findings, code, cause, options, bare];
