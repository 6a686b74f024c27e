// A Server Component page that signs a token while it renders: the `node` entry in React's
// server layer (Turbopack once rewrote the entry's wasm location there, and readFileSync refused it).
import { signToken } from 'videosdk-token';

export const dynamic = 'force-dynamic';

export default async function Signed({ searchParams }) {
  const { roomId } = await searchParams;
  const token = signToken({
    apiKey: process.env.VIDEOSDK_API_KEY,
    secret: process.env.VIDEOSDK_SECRET,
    permissions: ['allow_join'],
    roomId,
    expiresIn: '10m',
  });
  return <p id="token">{token}</p>;
}
