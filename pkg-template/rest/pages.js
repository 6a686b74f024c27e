// VideoSDK's paged lists ({ pageInfo: { currentPage, perPage, lastPage, total }, data: [...] })
// as one async iterable: a page is fetched only when the iteration reaches it. `items` finds a
// page's list where a route keeps it elsewhere (`transcriptions`, a session's `participants`).

const inData = (body) => body.data;

/** Yields every item of every page of GET path?…query&page=&perPage=. */
export async function* pages(request, path, query, perPage, signal, items = inData) {
  for (let page = 1; ; page += 1) {
    const body = await request('GET', path, { query: { ...query, page, perPage }, signal, retry: 'all', expect: 'page', items });
    const list = items(body);
    yield* list;
    // Stop at the last page, or at an empty one so that a wrong lastPage cannot loop forever.
    if (page >= body.pageInfo.lastPage || list.length === 0) return;
  }
}
