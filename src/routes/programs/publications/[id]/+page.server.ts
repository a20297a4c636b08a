import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { openPublication, publicationReadsOf } from '#lib/server/programs/publication-service';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const pub = await orErrorPage(() => openPublication(db, p, id));
	const reads = pub.canManage ? await publicationReadsOf(db, p, id) : null;
	return {
		pub: { id: pub.id, kind: pub.kind, title: pub.title, body: pub.body, attachmentUrl: pub.attachmentUrl, audience: pub.audience, levels: pub.levels, public: pub.public, publishedAt: pub.publishedAt },
		reads
	};
};
