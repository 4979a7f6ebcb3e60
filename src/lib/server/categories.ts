import { asc, eq } from 'drizzle-orm';
import { db } from './db';
import { category } from './db/schema';

export type CategoryNode = { id: number; slug: string; name: string; children: CategoryNode[] };

/** The category tree as the listing form and the browse page show it, departments first. */
export async function listCategoryTree(): Promise<CategoryNode[]> {
	const rows = await db.select().from(category).orderBy(asc(category.position), asc(category.name));
	const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as CategoryNode[] }]));
	const roots: CategoryNode[] = [];
	for (const row of rows) {
		const node = nodes.get(row.id);
		if (!node) continue;
		const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
		if (parent) parent.children.push(node);
		else roots.push(node);
	}
	const strip = (node: CategoryNode): CategoryNode => ({
		id: node.id,
		slug: node.slug,
		name: node.name,
		children: node.children.map(strip)
	});
	return roots.map(strip);
}

export async function categoryExists(id: number): Promise<boolean> {
	const [row] = await db.select({ id: category.id }).from(category).where(eq(category.id, id));
	return !!row;
}

/** A category and the ids under it, so browsing a department shows its leaves' listings too. */
export async function findCategoryBranch(
	slug: string
): Promise<{ id: number; name: string; slug: string; ids: number[] } | null> {
	const [found] = await db.select().from(category).where(eq(category.slug, slug));
	if (!found) return null;
	const children = await db
		.select({ id: category.id })
		.from(category)
		.where(eq(category.parentId, found.id));
	return {
		id: found.id,
		name: found.name,
		slug: found.slug,
		ids: [found.id, ...children.map((child) => child.id)]
	};
}
