// The app's one page; the routes under app/api and middleware.js are what the test asks.
export default function Home() {
  return <p>videosdk-token consumer test</p>;
}
