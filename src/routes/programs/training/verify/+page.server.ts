import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { verifyCertificate } from '#lib/server/programs/training-service';

/** Public: anyone holding a certificate's code may check it (no sign-in). */
export const load: PageServerLoad = async ({ url }) => {
	const code = (url.searchParams.get('code') ?? '').trim().toUpperCase().slice(0, 40);
	return { code, result: code ? await verifyCertificate(getContext().db, code) : null };
};
