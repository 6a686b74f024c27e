'use client';
// A client component as docs/browser-provider.md shows it: the token provider made at module scope
// and decodeToken from the main entry. Next renders it on the server first (the `node` entry, no
// page to resolve '/api/token' against), then again in the browser (the `browser` entry). It also
// calls a Server Action that signs.
import { useEffect, useState } from 'react';
import { decodeToken } from 'videosdk-token';
import { createTokenProvider } from 'videosdk-token/client';
import { signAction } from './sign-action.js';

const tokens = createTokenProvider(); // url '/api/token', resolved at the first getToken()

export function Claims({ token }) {
  const [fromProvider, setFromProvider] = useState('');
  const [fromAction, setFromAction] = useState('');
  useEffect(() => {
    tokens.getToken({ roomId: 'provider-room' }).then(
      (t) => setFromProvider(`${decodeToken(t).payload.roomId} ${t}`),
      (e) => setFromProvider(`error ${e.code}: ${e.message}`),
    );
  }, []);
  const sign = () => signAction('action-room').then(setFromAction, (e) => setFromAction(`error ${e.message}`));
  return (
    <main>
      <p id="server-room">{decodeToken(token).payload.roomId}</p>
      <p id="provider">{fromProvider}</p>
      <button id="sign" type="button" onClick={sign}>sign</button>
      <p id="action">{fromAction}</p>
    </main>
  );
}
