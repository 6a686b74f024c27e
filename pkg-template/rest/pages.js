// VideoSDK's paged lists ({ pageInfo: { currentPage, perPage, lastPage, total }, data: [...] })
// as one async iterable: a page is fetched only when the iteration reaches it.

/** Yields every item of every page of GET path?…query&page=&perPage=. */
export async function* pages(request, path, query, perPage, signal) {
  for (let page = 1; ; page += 1) {
    const body = await request('GET', path, { query: { ...query, page, perPage }, signal, retry: 'all', expect: 'page' });
    yield* body.data;
    // Stop at the last page, or at an empty one so that a wrong lastPage cannot loop forever.
    if (page >= body.pageInfo.lastPage || body.data.length === 0) return;
  }
}
