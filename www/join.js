// "Why did the join fail?": the error code a person gave (the number, or VideoSDK's whole error
// text, read by explain.js's joinErrorCode), explained by the package's explainJoinError against
// the token on the page, as elements (text nodes only: the token and the IDs are anyone's text).
import { joinErrorCode } from './token/explain.js';

/**
 * Shows in `out` the explanation for `text` against `token` (as typed: a token that cannot be
 * read is what 4002 reports), the room and participant tried, at `now`. `readable`: the page
 * could decode the token. `h` builds elements (app.js).
 */
export function showJoin(out, h, api, { text, token, room, participant, readable, now }) {
  const next = explanation(h, api, { text: text.trim(), token, room, participant, readable, now });
  // Replaced only when the text changed (the clock re-runs this each second), so a selection survives.
  if (out.textContent !== next.map((n) => n.textContent).join('')) out.replaceChildren(...next);
}

function explanation(h, api, { text, token, room, participant, readable, now }) {
  if (text === '') return [];
  const code = joinErrorCode(text);
  if (code === undefined) {
    return [h('p', { class: 'result-bad' }, 'No error code in this text: give VideoSDK\'s number, such as 4022, or its whole error message.')];
  }
  const options = { now };
  if (token) options.token = token;
  if (room) options.roomId = room;
  if (participant) options.participantId = participant;
  let e;
  try {
    e = api.explainJoinError(code, options);
  } catch (error) {
    if (!error?.code) throw error;
    return [h('p', { class: 'result-bad' }, error.message, ' ', h('span', { class: 'code-tag' }, error.code))];
  }
  let findings;
  if (e.findings.length) {
    findings = h('ul', { class: 'findings bad-text', 'aria-label': 'What in the token causes it' }, e.findings.map((f) => h('li', {}, f)));
  } else if (!e.tokenCanCause) {
    findings = h('p', {}, 'A token cannot cause this error: look beyond it.');
  } else if (!token) {
    findings = h('p', { class: 'muted' }, 'Paste the token the client joined with to check it against this error.');
  } else if (!readable) {
    findings = h('p', {}, 'The token cannot be read: see the fix.');
  } else {
    findings = h('p', {}, 'Nothing in this token causes it (its signature is not checked: verify it with the secret).');
  }
  return [
    h('p', {}, h('strong', {}, `${e.code} ${e.name ?? '(not a code VideoSDK documents)'}`), `: ${e.meaning}.`),
    findings,
    h('p', {}, h('strong', {}, 'Fix: '), e.fix),
  ];
}
