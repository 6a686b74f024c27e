// Cold start in workerd: the baseline, a Worker that answers with a constant (benches/workerd/cold.mjs).
export default {
  async fetch() {
    return new Response('a.b.c');
  },
};
