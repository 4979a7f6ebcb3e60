/** The 1-based page number a list was asked for; anything odd counts as the first page. */
export function pageFromUrl(url: URL): number {
	return Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
}

/** An ILIKE pattern that finds `query` anywhere, with %, _ and \ in it taken literally. */
export function containsPattern(query: string | undefined): string | undefined {
	const trimmed = query?.trim();
	return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
}

/** The search text and page an admin list was asked for. */
export function listRequest(url: URL): { query: string; page: number } {
	return { query: url.searchParams.get('q') ?? '', page: pageFromUrl(url) };
}
