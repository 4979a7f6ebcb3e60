import { listOpenShops } from '$lib/server/shops';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ shops: await listOpenShops(12) });
