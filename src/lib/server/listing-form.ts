import { fieldErrors, formStrings, type FieldErrors } from './forms';
import { listingFormSchema, type ListingInput } from './listings';
import { prepareListingUploads, uploadedFiles, type PreparedPhoto } from './photos';

/** The listing form as the new and edit pages share it: parse, check photos, echo the text. */

export const LISTING_FIELDS = [
	'title',
	'description',
	'price',
	'stock',
	'category',
	'status'
] as const;

export type ListingFormValues = Record<(typeof LISTING_FIELDS)[number], string>;

export type ListingSubmission =
	| { ok: true; values: ListingFormValues; input: ListingInput; photos: PreparedPhoto[] }
	| { ok: false; values: ListingFormValues; errors: FieldErrors };

const PHOTOS_LOST = 'Your photos were not saved; choose them again.';

/**
 * Reads only the fields the form offers; anything else a client adds (a shop id, a role, another
 * listing's status) never reaches the domain. `photoRoom` is how many more photos fit.
 */
export async function readListingSubmission(
	form: FormData,
	photoRoom?: number
): Promise<ListingSubmission> {
	const values = formStrings(form, LISTING_FIELDS);
	const parsed = listingFormSchema.safeParse(values);
	const files = uploadedFiles(form, 'photos');
	const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);

	const uploads = await prepareListingUploads(files, photoRoom);
	if (!uploads.ok) errors.photos = uploads.message;
	else if (Object.keys(errors).length > 0 && files.length > 0) errors.photos = PHOTOS_LOST;

	if (!parsed.success || !uploads.ok || Object.keys(errors).length > 0) {
		return { ok: false, values, errors };
	}
	return { ok: true, values, input: parsed.data, photos: uploads.photos };
}
