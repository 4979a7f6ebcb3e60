/** Minor units as the decimal string they stand for, by integer arithmetic: 1250 → "12.50". */
export function minorToDecimal(minor: number): string {
	const sign = minor < 0 ? '-' : '';
	const absolute = Math.abs(minor);
	return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** A price for people to read, e.g. "€12.50". Intl takes the decimal string as it is. */
export function formatMoney(minor: number, currency: string): string {
	return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(
		minorToDecimal(minor) as `${number}`
	);
}
