import { text } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness: the process is up and answering. */
export const GET: RequestHandler = () => text('ok', { headers: { 'cache-control': 'no-store' } });
