import { m } from '#lib/paraglide/messages.js';

type Msg = () => string;
const pick = (table: Record<string, Msg>, k: string) => table[k]?.() ?? k;

export const publicationKindLabel = (k: string) => pick({ announcement: m.prgpub_kind_announcement, guidance: m.prgpub_kind_guidance, news: m.prgpub_kind_news, value: m.prgpub_kind_value }, k);
export const publicationAudienceLabel = (k: string) => pick({ leaders: m.prgpub_audience_leaders, staff: m.prgpub_audience_staff, parents: m.prgpub_audience_parents, learners: m.prgpub_audience_learners, everyone: m.prgpub_audience_everyone }, k);
