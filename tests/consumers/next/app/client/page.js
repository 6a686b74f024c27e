// The page around the client component: it hands over the token given in ?token=, so the client
// component's own layers (server rendering, then the browser) are all this page tests.
import { Claims } from './claims.js';

export const dynamic = 'force-dynamic';

export default async function ClientPage({ searchParams }) {
  const { token } = await searchParams;
  return <Claims token={token} />;
}
