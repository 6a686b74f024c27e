'use server';
// A Server Action that signs: the `node` entry in React's server layer, called from the browser.
import { signToken } from 'videosdk-token';

export async function signAction(roomId) {
  return signToken({
    apiKey: process.env.VIDEOSDK_API_KEY,
    secret: process.env.VIDEOSDK_SECRET,
    permissions: ['allow_join'],
    roomId: String(roomId),
    expiresIn: '10m',
  });
}
