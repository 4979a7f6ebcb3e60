import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Pager from './Pager.svelte';

const href = (page: number) => `/things?page=${page}`;

describe('Pager', () => {
	it('links to the pages on either side of the one shown', () => {
		const { body } = render(Pager, { props: { page: 2, pageCount: 3, href } });

		expect(body).toContain('href="/things?page=1"');
		expect(body).toContain('href="/things?page=3"');
		expect(body).toContain('Page 2 of 3');
	});

	it('offers no previous page on the first, and no next page on the last', () => {
		expect(render(Pager, { props: { page: 1, pageCount: 2, href } }).body).not.toContain(
			'Previous'
		);
		expect(render(Pager, { props: { page: 2, pageCount: 2, href } }).body).not.toContain('Next');
	});

	it('shows nothing for a list that fits on one page', () => {
		expect(render(Pager, { props: { page: 1, pageCount: 1, href } }).body).not.toContain('nav');
	});
});
