// No configuration for videosdk-token: the package must work in Next.js as installed.
// Each bundler builds into its own folder so both builds stay cached side by side.
export default {
  distDir: process.env.NEXT_DIST_DIR || '.next',
};
