import type { LayoutServerLoad } from './$types';

// Note: the session was read once in hooks; loads take it from locals and never read it again.
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user });
