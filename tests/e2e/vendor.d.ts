// Note: oidc-provider ships no types; this declares only the part the e2e tests use.
declare module 'oidc-provider' {
	type Account = { accountId: string; claims: () => Record<string, unknown> };
	export default class Provider {
		constructor(
			issuer: string,
			configuration: Record<string, unknown> & {
				findAccount: (context: unknown, id: string) => Account | Promise<Account>;
			}
		);
		listen(port: number, host: string, callback: () => void): void;
	}
}
