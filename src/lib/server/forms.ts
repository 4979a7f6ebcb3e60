import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first message for each field of a failed zod parse, keyed by field name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Form fields as strings; files and missing fields become empty strings. */
export function formStrings<K extends string>(
	form: FormData,
	keys: readonly K[]
): Record<K, string> {
	const out = {} as Record<K, string>;
	for (const key of keys) {
		const value = form.get(key);
		out[key] = typeof value === 'string' ? value : '';
	}
	return out;
}
