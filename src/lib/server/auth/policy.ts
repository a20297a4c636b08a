/**
 * The one place that decides who may see or change what (in the spirit of Outline's policies).
 * Rules are declared with `allow(roles, actions, kinds, scope)`; a scope is a named matcher that
 * answers both "may this principal act on this record?" (`can`) and "which rows may they list?"
 * (`scopeCondition`, a SQL filter), so a page and a list can never disagree.
 */
import { sql, type SQL, type Column } from 'drizzle-orm';
import type { Grant, Principal, Role, ScopeType } from './principal';
import { escapeLike } from '../db/like';

export type Kind =
	| 'org_unit'
	| 'school'
	| 'school_year'
	| 'class'
	| 'subject'
	| 'enrolment'
	| 'person'
	| 'role_grant'
	| 'account'
	| 'audit'
	| 'import'
	| 'settings'
	| 'teaching_assignment'
	| 'grade'
	| 'grade_lock'
	| 'grade_change'
	| 'conduct'
	| 'attendance'
	| 'lesson_plan'
	| 'question'
	| 'lesson'
	| 'lesson_class'
	| 'learner_work'
	| 'library_item'
	| 'assignment'
	| 'submission'
	| 'learning_place'
	| 'project'
	| 'project_team'
	| 'project_feedback'
	| 'outbox'
	| 'notification_preference'
	| 'counselling_case'
	| 'counselling_assignment'
	| 'counselling_stats'
	| 'counselling_slot'
	| 'counselling_booking'
	| 'conversation'
	| 'message_report'
	| 'contact_book'
	| 'network_member'
	| 'network_vetting'
	| 'engagement'
	| 'club'
	| 'club_membership'
	| 'club_content'
	| 'club_activity'
	| 'forum_space'
	| 'forum_thread'
	| 'parent_committee'
	| 'committee_announcement'
	| 'event'
	| 'event_registration'
	| 'meeting'
	| 'pilot_model'
	| 'pilot_site'
	| 'training_course'
	| 'training_enrolment'
	| 'survey'
	| 'survey_response'
	| 'budget'
	| 'program_report'
	| 'program_dashboard'
	| 'publication';
export type Action = 'read' | 'create' | 'update' | 'delete';

/** What a rule looks at. `path` is the record's org path; person fields only for people. */
export interface Resource {
	path: string;
	personId?: string;
	personKind?: 'learner' | 'staff' | 'guardian' | 'community';
	/** Paths of the classes a learner is enrolled in, or a guardian's children are (for class-scoped teachers). */
	classPaths?: string[];
	/** The teacher assigned to a class's subject (gradebook records). */
	teacherId?: string;
	/** Who wrote it (lesson plans). */
	authorId?: string;
	/** Shared with colleagues (lesson plans). */
	shared?: boolean;
	/** Learners enrolled in the class the record belongs to (assignments). */
	enrolledIds?: string[];
	/** The learners the record is about (a project team's members, or every team's for a project). */
	memberIds?: string[];
	/** The outside mentor of a project. */
	mentorId?: string | null;
	/** The counsellors assigned to a counselling case, or the counsellor of a slot (and its booking). */
	counsellorIds?: string[];
	/** A network member schools may see: vetted and consenting to be contacted. */
	listed?: boolean;
	/** A club's advisor (giáo viên phụ trách). */
	advisorId?: string;
	/** Who may ask to join a club: learners, staff, parents. */
	openTo?: readonly string[];
	/**
	 * Whom it is for. A forum space: `staff` (a school's or the city's teachers) or `members` (a
	 * club's, a committee's parents). An event: learners, parents, staff or everyone.
	 */
	audience?: 'staff' | 'members' | 'learners' | 'parents' | 'everyone' | 'leaders';
	/** Who moderates a forum space (a club's advisor; a committee's chair and homeroom teacher). */
	moderatorIds?: string[];
}

/** Columns a list query offers to the scope filter. */
export interface ScopeColumns {
	path: Column | SQL;
	personId?: Column | SQL;
	personKind?: Column | SQL;
	teacherId?: Column | SQL;
	authorId?: Column | SQL;
	shared?: Column | SQL;
	/** A uuid[] expression (an `array(select …)`) of the learners the row is about (project teams). */
	memberIds?: SQL;
	mentorId?: Column | SQL;
	/** A uuid[] expression of the counsellors assigned to the row (counselling cases). */
	counsellorIds?: SQL;
	/** A boolean expression: the network member is vetted and consents to be contacted. */
	listed?: SQL;
	advisorId?: Column | SQL;
	/** A text[] of who may ask to join (clubs). */
	openTo?: Column | SQL;
	audience?: Column | SQL;
	moderatorIds?: SQL;
}

interface Matcher {
	test(g: Grant, r: Resource, p: Principal): boolean;
	sql(g: Grant, c: ScopeColumns, p: Principal): SQL;
}

const like = (col: Column | SQL, prefix: string) => sql`${col} like ${escapeLike(prefix) + '%'}`;
const need = <T>(v: T | undefined, what: string): T => {
	if (v === undefined) throw new Error(`scope filter needs the ${what} column`);
	return v;
};

const learnersOfClassesUnder = (prefix: string, personId: Column | SQL) =>
	sql`exists (select 1 from enrolments e join classes c on c.id = e.class_id where e.learner_id = ${personId} and c.path like ${escapeLike(prefix) + '%'})`;

/** Which club audience a grant speaks for (clubs' `open_to`). */
export function audienceOfRole(role: Role): 'learners' | 'parents' | 'staff' | 'none' {
	if (role === 'learner') return 'learners';
	if (role === 'parent') return 'parents';
	if (role === 'teacher' || role === 'homeroom_teacher' || role === 'subject_group_head' || role === 'counsellor' || role === 'school_leader') return 'staff';
	return 'none';
}
/**
 * The audiences a grant's role belongs to (`audienceAlongPath`). Families: events and publications
 * for learners (parents too, who register their children) or everyone. School staff: also a
 * publication for staff, and a leader one for leaders; staff read events along their path anyway,
 * and no rule gives them `audienceAlongPath` but the publications' one.
 */
function audiencesFor(role: Role): string[] {
	if (role === 'learner') return ['learners', 'everyone'];
	if (role === 'parent') return ['learners', 'parents', 'everyone'];
	if (role === 'school_leader') return ['leaders', 'staff', 'everyone'];
	if (role === 'teacher' || role === 'homeroom_teacher' || role === 'subject_group_head' || role === 'counsellor') return ['staff', 'everyone'];
	return ['everyone'];
}

export const scopes = {
	/** Anything, anywhere (system administrators). */
	anywhere: { test: () => true, sql: () => sql`true` },
	/** Records whose org path lies under the grant's scope. */
	within: { test: (g, r) => r.path.startsWith(g.scopePath), sql: (g, c) => like(c.path, g.scopePath) },
	/**
	 * Colleagues under the grant's scope: staff and community members, never learners nor their
	 * parents/guardians (those are visible only through a class or a school-wide grant).
	 */
	colleaguesWithin: {
		test: (g, r) => (r.personKind === 'staff' || r.personKind === 'community') && r.path.startsWith(g.scopePath),
		sql: (g, c) => sql`(${need(c.personKind, 'personKind')} in ('staff', 'community') and ${like(c.path, g.scopePath)})`
	},
	/** Learners enrolled in a class under the grant's scope, and their guardians (a teacher's class). */
	classLearners: {
		test: (g, r) => g.scopeType === 'class' && (r.classPaths ?? []).some((cp) => cp.startsWith(g.scopePath)),
		sql: (g, c) =>
			g.scopeType !== 'class'
				? sql`false`
				: sql`(${learnersOfClassesUnder(g.scopePath, need(c.personId, 'personId'))} or exists (select 1 from guardianships gd where gd.guardian_id = ${need(c.personId, 'personId')} and ${learnersOfClassesUnder(g.scopePath, sql`gd.learner_id`)}))`
	},
	/** The principal's own record. */
	self: {
		test: (_g, r, p) => r.personId === p.personId,
		sql: (_g, c, p) => sql`${need(c.personId, 'personId')} = ${p.personId}`
	},
	/** A class's subject taught by the principal, in a class under the grant (TT22 Điều 19: only they enter its scores). */
	assignedTeacher: {
		test: (g, r, p) => r.teacherId !== undefined && r.teacherId === p.personId && r.path.startsWith(g.scopePath),
		sql: (g, c, p) => sql`(${need(c.teacherId, 'teacherId')} = ${p.personId} and ${like(c.path, g.scopePath)})`
	},
	/** What the principal wrote, under the grant's scope (lesson plans). */
	author: {
		test: (g, r, p) => r.authorId !== undefined && r.authorId === p.personId && r.path.startsWith(g.scopePath),
		sql: (g, c, p) => sql`(${need(c.authorId, 'authorId')} = ${p.personId} and ${like(c.path, g.scopePath)})`
	},
	/** Records under a class the grant is on (a teacher's or homeroom teacher's class), never a school-wide grant. */
	classGranted: {
		test: (g, r) => g.scopeType === 'class' && r.path.startsWith(g.scopePath),
		sql: (g, c) => (g.scopeType === 'class' ? like(c.path, g.scopePath) : sql`false`)
	},
	/** What the principal made, wherever it is shared (library items shared above their school). */
	ownWork: {
		test: (_g, r, p) => r.authorId !== undefined && r.authorId === p.personId,
		sql: (_g, c, p) => sql`${need(c.authorId, 'authorId')} = ${p.personId}`
	},
	/** What its author shared with colleagues, under the grant's scope. */
	sharedWithin: {
		test: (g, r) => r.shared === true && r.path.startsWith(g.scopePath),
		sql: (g, c) => sql`(${need(c.shared, 'shared')} and ${like(c.path, g.scopePath)})`
	},
	/** Records of a class the principal is enrolled in (a learner's assignments); the path is the class's. */
	enrolledSelf: {
		test: (g, r, p) => r.path.startsWith(g.scopePath) && (r.enrolledIds ?? []).includes(p.personId),
		sql: (g, c, p) => sql`(${like(c.path, g.scopePath)} and exists (select 1 from enrolments e join classes cl on cl.id = e.class_id where e.learner_id = ${p.personId} and cl.path = ${c.path}))`
	},
	/** Records of a class one of the principal's children is enrolled in (a parent's view of assignments). */
	enrolledChild: {
		test: (_g, r, p) => (r.enrolledIds ?? []).some((id) => p.childIds.includes(id)),
		sql: (_g, c, p) =>
			p.childIds.length
				? sql`exists (select 1 from enrolments e join classes cl on cl.id = e.class_id where cl.path = ${c.path} and e.learner_id in (${sql.join(p.childIds.map((id) => sql`${id}::uuid`), sql`, `)}))`
				: sql`false`
	},
	/**
	 * Records along the grant's path: under its scope, or above it — a learning place added by the
	 * city or a unit is visible to every school below, one added by a school only within it.
	 */
	alongPath: {
		test: (g, r) => r.path.startsWith(g.scopePath) || g.scopePath.startsWith(r.path),
		sql: (g, c) => sql`(${like(c.path, g.scopePath)} or starts_with(${g.scopePath}::text, ${c.path}))`
	},
	/**
	 * Events along the grant's path (as `alongPath`) whose audience includes the grant's role: a
	 * learner sees events for learners or everyone, a parent also those for parents (they register
	 * their children for learners' events).
	 */
	audienceAlongPath: {
		test: (g, r) => (r.path.startsWith(g.scopePath) || g.scopePath.startsWith(r.path)) && !!r.audience && audiencesFor(g.role).includes(r.audience),
		sql: (g, c) =>
			sql`((${like(c.path, g.scopePath)} or starts_with(${g.scopePath}::text, ${c.path})) and ${need(c.audience, 'audience')}::text in (${sql.join(audiencesFor(g.role).map((a) => sql`${a}`), sql`, `)}))`
	},
	/** Records above the grant's scope only (the city's or a unit's): for the community network. */
	above: {
		test: (g, r) => g.scopePath.startsWith(r.path),
		sql: (g, c) => sql`starts_with(${g.scopePath}::text, ${c.path})`
	},
	/**
	 * Network members schools may contact (vetted, consenting), along the grant's path: one
	 * registered at the city or a unit for every school below, one registered at a school within it.
	 */
	listedAlongPath: {
		test: (g, r) => r.listed === true && (r.path.startsWith(g.scopePath) || g.scopePath.startsWith(r.path)),
		sql: (g, c) => sql`(${need(c.listed, 'listed')} and (${like(c.path, g.scopePath)} or starts_with(${g.scopePath}::text, ${c.path})))`
	},
	/** Project work of a team the principal is a member of (a learner's own team). */
	member: {
		test: (_g, r, p) => (r.memberIds ?? []).includes(p.personId),
		sql: (_g, c, p) => sql`${p.personId}::uuid = any(${need(c.memberIds, 'memberIds')})`
	},
	/** Project work of a team a parent's child is a member of. */
	childMember: {
		test: (_g, r, p) => (r.memberIds ?? []).some((id) => p.childIds.includes(id)),
		sql: (_g, c, p) => (p.childIds.length ? sql`(${need(c.memberIds, 'memberIds')} && array[${sql.join(p.childIds.map((id) => sql`${id}::uuid`), sql`, `)}])` : sql`false`)
	},
	/** A project the principal is the outside mentor of. */
	mentorOf: {
		test: (_g, r, p) => !!r.mentorId && r.mentorId === p.personId,
		sql: (_g, c, p) => sql`${need(c.mentorId, 'mentorId')} = ${p.personId}`
	},
	/** A counselling case assigned to the principal (or their own slot and its bookings), under the grant's scope. */
	assignedCounsellor: {
		test: (g, r, p) => r.path.startsWith(g.scopePath) && (r.counsellorIds ?? []).includes(p.personId),
		sql: (g, c, p) => sql`(${p.personId}::uuid = any(${need(c.counsellorIds, 'counsellorIds')}) and ${like(c.path, g.scopePath)})`
	},
	/** A club the principal advises. */
	advisorOf: {
		test: (_g, r, p) => !!r.advisorId && r.advisorId === p.personId,
		sql: (_g, c, p) => sql`${need(c.advisorId, 'advisorId')} = ${p.personId}`
	},
	/**
	 * A club along the grant's path that is open to the grant's kind of person (a learner's grant:
	 * `learners`; a parent's: `parents`; a staff grant: `staff`) — who may ask to join.
	 */
	openAlongPath: {
		test: (g, r) => (r.path.startsWith(g.scopePath) || g.scopePath.startsWith(r.path)) && (r.openTo ?? []).includes(audienceOfRole(g.role)),
		sql: (g, c) => sql`((${like(c.path, g.scopePath)} or starts_with(${g.scopePath}::text, ${c.path})) and ${audienceOfRole(g.role)} = any(${need(c.openTo, 'openTo')}))`
	},
	/** A teachers' forum space (a school's, the city's) along the grant's path. */
	staffSpaceAlongPath: {
		test: (g, r) => r.audience === 'staff' && (r.path.startsWith(g.scopePath) || g.scopePath.startsWith(r.path)),
		sql: (g, c) => sql`(${need(c.audience, 'audience')} = 'staff' and (${like(c.path, g.scopePath)} or starts_with(${g.scopePath}::text, ${c.path})))`
	},
	/** A teachers' forum space under the grant's scope (the city officer moderates the city's). */
	staffSpaceWithin: {
		test: (g, r) => r.audience === 'staff' && r.path.startsWith(g.scopePath),
		sql: (g, c) => sql`(${need(c.audience, 'audience')} = 'staff' and ${like(c.path, g.scopePath)})`
	},
	/** A forum space the principal moderates by name (a club's advisor, a committee's chair). */
	moderatorOf: {
		test: (_g, r, p) => (r.moderatorIds ?? []).includes(p.personId),
		sql: (_g, c, p) => sql`${p.personId}::uuid = any(${need(c.moderatorIds, 'moderatorIds')})`
	},
	/** Records of a class or school where one of the principal's children is enrolled (a parent committee). */
	childEnrolledWithin: {
		test: (_g, r, p) => (r.enrolledIds ?? []).some((id) => p.childIds.includes(id)),
		sql: (_g, c, p) =>
			p.childIds.length
				? sql`exists (select 1 from enrolments e join classes cl on cl.id = e.class_id where starts_with(cl.path, ${c.path}) and e.learner_id in (${sql.join(p.childIds.map((id) => sql`${id}::uuid`), sql`, `)}))`
				: sql`false`
	},
	/** A parent's own children. */
	ownChildren: {
		test: (_g, r, p) => r.personId !== undefined && p.childIds.includes(r.personId),
		sql: (_g, c, p) => (p.childIds.length ? sql`${need(c.personId, 'personId')} in (${sql.join(p.childIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`)
	}
} satisfies Record<string, Matcher>;
export type ScopeName = keyof typeof scopes;

interface Rule {
	roles: readonly Role[];
	actions: readonly Action[];
	kinds: readonly Kind[];
	scope: ScopeName;
}
const rules: Rule[] = [];
function allow(roles: Role | readonly Role[], actions: Action | readonly Action[], kinds: Kind | readonly Kind[], scope: ScopeName) {
	rules.push({ roles: [roles].flat() as Role[], actions: [actions].flat() as Action[], kinds: [kinds].flat() as Kind[], scope });
}

const ALL_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
const ALL_KINDS: Kind[] = [
	'org_unit',
	'school',
	'school_year',
	'class',
	'subject',
	'enrolment',
	'person',
	'role_grant',
	'account',
	'audit',
	'import',
	'settings',
	'teaching_assignment',
	'grade',
	'grade_lock',
	'grade_change',
	'conduct',
	'attendance',
	'lesson_plan',
	'question',
	'lesson',
	'lesson_class',
	'learner_work',
	'library_item',
	'assignment',
	'submission',
	'learning_place',
	'project',
	'project_team',
	'project_feedback',
	'outbox',
	'notification_preference',
	'counselling_case',
	'counselling_assignment',
	'counselling_stats',
	'counselling_slot',
	'counselling_booking',
	'conversation',
	'message_report',
	'contact_book',
	'network_member',
	'network_vetting',
	'engagement',
	'club',
	'club_membership',
	'club_content',
	'club_activity',
	'forum_space',
	'forum_thread',
	'parent_committee',
	'committee_announcement',
	'event',
	'event_registration',
	'meeting',
	'pilot_model',
	'pilot_site',
	'training_course',
	'training_enrolment',
	'survey',
	'survey_response',
	'budget',
	'program_report',
	'program_dashboard',
	'publication'
];
const STRUCTURE: Kind[] = ['org_unit', 'school', 'school_year', 'class', 'subject', 'enrolment'];
const SCHOOL_STAFF: Role[] = ['teacher', 'homeroom_teacher', 'subject_group_head', 'counsellor'];
const EVERYONE = ['learner', 'parent', 'teacher', 'homeroom_teacher', 'subject_group_head', 'school_leader', 'counsellor', 'unit_officer', 'city_officer', 'mentor', 'alumnus', 'partner_contact', 'system_admin'] as const;

// The installation. Assessments are entered only by the teachers the regulation names
// (TT22 Điều 19), so administrators read them but never write them.
const TEACHER_WRITTEN: Kind[] = ['grade', 'conduct', 'attendance', 'lesson_plan', 'question', 'lesson', 'lesson_class', 'learner_work', 'assignment', 'submission', 'project', 'project_team', 'project_feedback', 'contact_book', 'club', 'club_membership', 'club_content', 'club_activity', 'forum_space', 'forum_thread', 'parent_committee', 'committee_announcement'];
// A person's own notification choices are theirs alone, not even an administrator's to read.
const PERSONAL: Kind[] = ['notification_preference'];
// Counselling is confidential (TT 31/2017): a case, who it is assigned to and who booked a
// counsellor are not the installation's to read, so the administrator's grant leaves them out.
export const CONFIDENTIAL: Kind[] = ['counselling_case', 'counselling_assignment', 'counselling_booking'];
// Conversations are private to their members, and meetings to their organiser and invitees;
// reports are reviewed by the school's leaders. Administrators run the installation and read none.
const PRIVATE: Kind[] = ['conversation', 'message_report', 'meeting'];
// A school's survey answers and periodic reports are its leader's word, and the budget is the
// program office's: the installation reads them and changes none.
const ANSWERED_BY_THEIR_OWNERS: Kind[] = ['survey_response', 'program_report', 'budget'];
const NOT_THE_ADMINS: Kind[] = [...TEACHER_WRITTEN, ...PERSONAL, ...CONFIDENTIAL, ...PRIVATE, ...ANSWERED_BY_THEIR_OWNERS];
allow('system_admin', ALL_ACTIONS, ALL_KINDS.filter((k) => !NOT_THE_ADMINS.includes(k)), 'anywhere');
allow('system_admin', 'read', [...TEACHER_WRITTEN, ...ANSWERED_BY_THEIR_OWNERS], 'anywhere');

// Everyone sees their own person record and account.
allow(EVERYONE, 'read', ['person', 'account'], 'self');
allow(EVERYONE, 'update', 'account', 'self');
// Notification preferences, quiet hours, digest and push subscriptions: one's own. The outbox
// (and its dead-letter view) only for system administrators, through the rule above.
allow(EVERYONE, ['read', 'update'], 'notification_preference', 'self');

// City department / program office: the tree and schools, colleagues (not learners nor families), the audit.
allow('city_officer', ['read', 'create', 'update'], ['org_unit', 'school'], 'within');
allow('city_officer', 'read', ['school_year', 'class', 'subject', 'audit'], 'within');
allow('city_officer', 'read', 'person', 'colleaguesWithin');
allow('city_officer', 'create', 'role_grant', 'within');

// Management-unit officer: the schools of their unit.
allow('unit_officer', 'read', ['org_unit', 'school', 'school_year', 'class', 'subject', 'audit'], 'within');
allow('unit_officer', ['create', 'update'], 'school', 'within');
allow('unit_officer', 'read', 'person', 'colleaguesWithin');
allow('unit_officer', 'create', 'role_grant', 'within');

// School leader: their whole school.
allow('school_leader', ALL_ACTIONS, [...STRUCTURE.filter((k) => k !== 'org_unit'), 'person', 'role_grant', 'import'], 'within');
allow('school_leader', ['read', 'update'], 'account', 'within');
allow('school_leader', 'read', 'audit', 'within');
allow('school_leader', 'read', 'org_unit', 'within');

// Teachers, homeroom teachers, subject-group heads, counsellors: the school's structure and
// colleagues; learners (and their parents) only of the classes they are granted on.
allow(SCHOOL_STAFF, 'read', ['school', 'school_year', 'class', 'subject'], 'within');
allow(SCHOOL_STAFF, 'read', 'person', 'colleaguesWithin');
allow(SCHOOL_STAFF, 'read', ['person', 'enrolment'], 'classLearners');
allow('counsellor', 'read', 'person', 'within');

// Parents: their children; learners: themselves; both see their school.
allow('parent', 'read', 'person', 'ownChildren');
allow(['parent', 'learner'], 'read', 'school', 'within');

// Settings (the resource is the scope a value is set at): officers and leaders change them within
// their own scope (setting and clearing are both `update`); whoever reads the school reads its settings.
allow(['city_officer', 'unit_officer', 'school_leader'], ['read', 'update'], 'settings', 'within');
allow([...SCHOOL_STAFF, 'parent', 'learner'], 'read', 'settings', 'within');

// Gradebook. Only the assigned subject teacher writes a subject's scores and asks for changes after
// locking; the homeroom teacher reads the whole class and assesses conduct and attendance; the
// school leader assigns teachers, locks terms and decides change requests. Parents and learners
// read their own (resource personId = the learner).
allow('school_leader', ALL_ACTIONS, ['teaching_assignment', 'grade_lock', 'grade_change'], 'within');
allow('school_leader', 'read', ['grade', 'conduct', 'attendance'], 'within');
allow(SCHOOL_STAFF, 'read', 'teaching_assignment', 'within');
allow('teacher', ['read', 'update'], 'grade', 'assignedTeacher');
allow('teacher', ['create', 'read'], 'grade_change', 'assignedTeacher');
allow('homeroom_teacher', 'read', ['grade', 'conduct', 'attendance'], 'within');
allow('homeroom_teacher', ['create', 'update'], ['conduct', 'attendance'], 'within');
allow('parent', 'read', ['grade', 'conduct', 'attendance'], 'ownChildren');
allow('learner', 'read', ['grade', 'conduct', 'attendance'], 'self');

// Lesson plans (kế hoạch bài dạy). The author writes their own; colleagues of the school read
// (and copy) shared ones; the subject-group head reviews their group's (a plan's path is its
// subject group's); the school leader approves within the school. Which review step each may
// take is the state machine's (learning/workflow.ts); `update` here only says they may act.
allow('teacher', ['create', 'read', 'update'], 'lesson_plan', 'author');
allow(SCHOOL_STAFF, 'read', 'lesson_plan', 'sharedWithin');
allow('subject_group_head', ['read', 'update'], 'lesson_plan', 'within');
allow('school_leader', ['read', 'update'], 'lesson_plan', 'within');

// E-learning. The question bank and lessons live in a subject group (or the school) like lesson
// plans: their author writes them, the school's staff read and reuse them. A teacher gives a lesson
// to the classes they are granted on. A learner's work (progress, quiz attempts; the resource is
// the class path and personId = the learner) is theirs, their parents' to read, and their class
// teachers' to read and grade.
allow('teacher', ['create', 'read', 'update', 'delete'], ['question', 'lesson'], 'author');
allow([...SCHOOL_STAFF, 'school_leader'], 'read', ['question', 'lesson'], 'within');
allow('teacher', ['create', 'read', 'update', 'delete'], 'lesson_class', 'classGranted');
allow(['homeroom_teacher', 'school_leader'], 'read', 'lesson_class', 'within');
allow('learner', ['create', 'read', 'update'], 'learner_work', 'self');
allow('parent', 'read', 'learner_work', 'ownChildren');
allow('teacher', ['read', 'update'], 'learner_work', 'classGranted');
allow(['homeroom_teacher', 'school_leader'], 'read', 'learner_work', 'within');

// Learning places (địa điểm học tập trải nghiệm). Added by a school's staff (seen within the
// school) or by unit and city officers (seen by everyone below); read along the path by the
// school's staff, learners and parents and by officers; the community network sees the city's and
// units' places only. Whoever added a place edits it, as do the leader and officers over it.
const COMMUNITY: Role[] = ['mentor', 'alumnus', 'partner_contact'];
allow([...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer'], 'create', 'learning_place', 'within');
allow([...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer', 'learner', 'parent'], 'read', 'learning_place', 'alongPath');
allow(COMMUNITY, 'read', 'learning_place', 'above');
allow([...SCHOOL_STAFF, 'unit_officer', 'city_officer'], 'update', 'learning_place', 'author');
allow(['school_leader', 'unit_officer', 'city_officer'], 'update', 'learning_place', 'within');

// Projects (học theo dự án); the resource is the class's path, with the teams' members and the
// outside mentor. The class's teachers run them; the homeroom teacher and the school leader read
// everything; a learner reads their own team's work and posts its evidence and final product; a
// parent reads their child's team's; the outside mentor reads only the projects they mentor and
// gives feedback there (no messages to learners: feedback is seen by the team and its teachers).
allow('teacher', ['create', 'read', 'update'], 'project', 'classGranted');
allow('teacher', 'read', 'project_team', 'classGranted');
allow('teacher', 'create', 'project_feedback', 'classGranted');
allow(['homeroom_teacher', 'school_leader'], 'read', ['project', 'project_team'], 'within');
allow('school_leader', 'create', 'project_feedback', 'within');
allow('learner', 'read', ['project', 'project_team'], 'member');
allow('learner', 'update', 'project_team', 'member');
allow('parent', 'read', ['project', 'project_team'], 'childMember');
allow(COMMUNITY, 'read', ['project', 'project_team'], 'mentorOf');
allow(COMMUNITY, 'create', 'project_feedback', 'mentorOf');

// Events and seminars (sự kiện, hội thảo, tọa đàm, ngày trải nghiệm). The resource is where the
// event is organised (a school's, a unit's or the city's path) with its audience. A school's staff
// and leader organise within the school, unit and city officers at their level; staff and officers
// read every event along their path, learners and parents those along it for their audience
// (`audienceAlongPath`). The organiser changes their event (cancels it, lists registrations,
// records attendance), as do the leader and officers over it. A registration's resource is the
// event's path with personId = the registrant: one registers oneself, a parent their child.
const ORGANISERS: Role[] = [...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer'];
allow(ORGANISERS, 'create', 'event', 'within');
allow(ORGANISERS, 'read', 'event', 'alongPath');
allow(['learner', 'parent'], 'read', 'event', 'audienceAlongPath');
allow([...SCHOOL_STAFF, 'unit_officer', 'city_officer'], 'update', 'event', 'author');
allow(['school_leader', 'unit_officer', 'city_officer'], 'update', 'event', 'within');
allow([...ORGANISERS, 'learner', 'parent'], ['create', 'read', 'update', 'delete'], 'event_registration', 'self');
allow('parent', ['create', 'read', 'update', 'delete'], 'event_registration', 'ownChildren');

// Online meetings (họp trực tuyến). The resource is the meeting's path with authorId = its
// organiser and memberIds = its invitees: only they see it — not even the school leader or an
// administrator. A teacher creates meetings for the classes they are granted on, a homeroom
// teacher for their class, the leader in the school, officers at their level.
allow('teacher', 'create', 'meeting', 'classGranted');
allow(['homeroom_teacher', 'school_leader', 'unit_officer', 'city_officer'], 'create', 'meeting', 'within');
allow(['teacher', 'homeroom_teacher', 'school_leader', 'unit_officer', 'city_officer'], ['read', 'update'], 'meeting', 'ownWork');
allow(EVERYONE, 'read', 'meeting', 'member');

/**
 * Separation of duties (four eyes): nobody decides a change request they made themselves, even a
 * school leader who may otherwise decide every request of the school. A product decision, as the
 * whole post-lock workflow is (no regulation prescribes it).
 */
export function decidesOwnRequest(p: Principal | null, request: { requestedBy: string }): boolean {
	return Boolean(p) && request.requestedBy === p!.personId;
}

// The content library: staff and officers read what is shared at or above their scope (and
// officers what lies within theirs); teachers and officers publish from where they work; the
// author edits or withdraws their own.
const LIBRARY_READERS: Role[] = [...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer'];
allow(LIBRARY_READERS, 'read', 'library_item', 'alongPath');
allow(['teacher', 'subject_group_head', 'school_leader', 'unit_officer', 'city_officer'], 'create', 'library_item', 'within');
allow(LIBRARY_READERS, ['update', 'delete'], 'library_item', 'ownWork');

// Assignments (bài tập) and submissions. The class's subject teacher (the teaching assignment,
// resource teacherId) sets, changes and grades them; the homeroom teacher and the school leader
// read; learners of the class see its assignments and hand in their own work; parents see their
// children's. A record's path is the class's; a submission's personId is its learner.
allow('teacher', ALL_ACTIONS, 'assignment', 'assignedTeacher');
allow('teacher', ['read', 'update'], 'submission', 'assignedTeacher');
allow(['homeroom_teacher', 'school_leader'], 'read', ['assignment', 'submission'], 'within');
allow('learner', 'read', 'assignment', 'enrolledSelf');
allow('learner', ['create', 'read'], 'submission', 'self'); // handing in (again) is `create`; `update` is grading
allow('parent', 'read', 'assignment', 'enrolledChild');
allow('parent', 'read', 'submission', 'ownChildren');

// School counselling (tư vấn học đường, TT 31/2017/TT-BGDĐT). A case's content — its subject and
// messages — is read only by its requester (resource personId = the requester: a learner, or a
// parent asking about their child) and the counsellors assigned to it (counsellorIds); never by the
// school leader, the homeroom teacher or the administrator. The leader (and the school's
// counsellors) see the queue — category, status, date, who is assigned, and the requester only
// when not anonymous — assign counsellors and read the statistics (counts, small ones hidden).
// Counsellors publish slots; the school's learners and parents see and book them; a booking is
// the booker's and the slot's counsellor's.
allow(['learner', 'parent'], 'create', 'counselling_case', 'within');
allow(['learner', 'parent'], ['read', 'update'], 'counselling_case', 'self');
allow('counsellor', ['read', 'update'], 'counselling_case', 'assignedCounsellor');
allow(['school_leader', 'counsellor'], ['read', 'create'], 'counselling_assignment', 'within');
allow(['school_leader', 'counsellor'], 'read', 'counselling_stats', 'within');
allow('counsellor', 'create', 'counselling_slot', 'within');
allow('counsellor', ['update', 'delete'], 'counselling_slot', 'assignedCounsellor');
allow(['counsellor', 'learner', 'parent'], 'read', 'counselling_slot', 'within');
allow(['learner', 'parent'], 'create', 'counselling_booking', 'within');
allow(['learner', 'parent'], ['read', 'update'], 'counselling_booking', 'self');
allow('counsellor', ['read', 'update'], 'counselling_booking', 'assignedCounsellor');

/**
 * Who may move a counselling case to a status: its assigned counsellors to any; its requester only
 * closes it (they are done), never reopens or marks it in progress.
 */
export function mayMoveCase(p: Principal | null, resource: Resource, to: 'open' | 'in_progress' | 'closed'): boolean {
	if (!p || !can(p, 'update', 'counselling_case', resource)) return false;
	return (resource.counsellorIds ?? []).includes(p.personId) || to === 'closed';
}

// Messaging (liên lạc). A conversation's resource is its path (the school's for a direct one, the
// class's for an announcement or a project channel) with its members; reading and posting (`update`)
// means being a member. Who may start a direct conversation with whom is `mayStartConversation`
// below; announcements and project channels are created by the class's teachers (and the homeroom
// teacher). A member reports a message; the school's leaders review reports and hide messages.
const MESSAGING_ROLES: Role[] = ['learner', 'parent', ...SCHOOL_STAFF, 'school_leader', ...COMMUNITY];
allow(MESSAGING_ROLES, ['read', 'update'], 'conversation', 'member');
allow(['teacher', 'homeroom_teacher'], 'create', 'conversation', 'classGranted');
allow(MESSAGING_ROLES, 'create', 'message_report', 'member');
allow('school_leader', ['read', 'update'], 'message_report', 'within');

// The contact book (sổ liên lạc điện tử); the resource is the class's path and personId = the
// learner. The homeroom teacher writes it; the class's teachers and the school leader read it; the
// parent reads their child's and acknowledges or replies (`update`); the learner reads their own.
allow('homeroom_teacher', ['create', 'read'], 'contact_book', 'within');
allow('teacher', 'read', 'contact_book', 'classGranted');
allow('school_leader', 'read', 'contact_book', 'within');
allow('parent', ['read', 'update'], 'contact_book', 'ownChildren');
allow('learner', 'read', 'contact_book', 'self');

/** One side of a possible conversation, as `mayStartConversation` needs it. */
export interface Party {
	personId: string;
	kind: 'learner' | 'staff' | 'guardian' | 'community';
	grants: readonly { role: Role; scopeType: ScopeType; scopePath: string; schoolId: string | null }[];
	/** A learner's classes (paths), or a parent's children's classes. */
	classPaths: readonly string[];
}

const STAFF_ROLES: readonly Role[] = [...SCHOOL_STAFF, 'school_leader'];
const CLASS_TEACHING: readonly Role[] = ['teacher', 'homeroom_teacher'];
const schoolsAsStaff = (x: Party) => new Set(x.grants.filter((g) => STAFF_ROLES.includes(g.role) && g.schoolId).map((g) => g.schoolId!));
const isStaff = (x: Party) => x.kind === 'staff' && schoolsAsStaff(x).size > 0;
const isCommunity = (x: Party) => x.kind === 'community' || x.grants.some((g) => COMMUNITY.includes(g.role));
/** `a` teaches (or is homeroom teacher of) a class that `b` — a learner or a parent — belongs to. */
const teachesFamilyOf = (a: Party, b: Party) =>
	(b.kind === 'learner' || b.kind === 'guardian') &&
	a.grants.some((g) => CLASS_TEACHING.includes(g.role) && g.scopeType === 'class' && b.classPaths.some((cp) => cp.startsWith(g.scopePath)));
/** `a` leads a school `b` belongs to (as staff, learner or parent). */
const leadsSchoolOf = (a: Party, b: Party) =>
	a.grants.some(
		(g) => g.role === 'school_leader' && (b.classPaths.some((cp) => cp.startsWith(g.scopePath)) || b.grants.some((h) => h.schoolId !== null && h.schoolId === g.schoolId && h.scopePath.startsWith(g.scopePath)))
	);

/**
 * May `me` start a direct conversation with `target`? A product rule for child safety, symmetric:
 * - a teacher or homeroom teacher of a class ↔ its learners and their parents;
 * - a school leader ↔ anyone of the school; staff ↔ staff of the same school;
 * - community members (mentor, alumnus, partner contact) ↔ school staff only;
 * - never a learner ↔ a community member (a mentor reaches learners only in a project channel a
 *   teacher set up and stays in), never parent ↔ parent, learner ↔ learner, nor oneself;
 * - officers and administrators are not in school messaging.
 */
export function mayStartConversation(me: Party, target: Party): boolean {
	if (me.personId === target.personId) return false;
	const pair = (k1: Party['kind'], k2: Party['kind']) => (me.kind === k1 && target.kind === k2) || (me.kind === k2 && target.kind === k1);
	if ((me.kind === 'learner' && isCommunity(target)) || (target.kind === 'learner' && isCommunity(me))) return false;
	if (pair('learner', 'learner') || pair('guardian', 'guardian') || pair('learner', 'guardian')) return false;
	const either = (f: (a: Party, b: Party) => boolean) => f(me, target) || f(target, me);
	if (either(teachesFamilyOf)) return true;
	if (either(leadsSchoolOf)) return true;
	if (isStaff(me) && isStaff(target)) {
		const mine = schoolsAsStaff(me);
		if ([...schoolsAsStaff(target)].some((s) => mine.has(s))) return true;
	}
	if ((isCommunity(me) && isStaff(target)) || (isCommunity(target) && isStaff(me))) return true;
	return false;
}

// The community network (mạng lưới cộng đồng). A member's path is where they registered or were
// invited (the city, a unit, a school); officers and school leaders vet the members within their
// scope (vetting grants the member's role there). School staff, leaders and officers see members
// who are vetted and consent to be contacted, along their path; never the others. A vetted member
// reads and edits their own profile (`self`; before vetting, without any role, through
// `ownNetworkProfile` below). An engagement's path is the requesting school's and its personId the
// member's: the school's staff and leader request and read them, the requester or the leader
// records the outcome, officers read them, and the member reads and answers their own.
const NETWORK_VETTERS: Role[] = ['city_officer', 'unit_officer', 'school_leader'];
const NETWORK_SEARCHERS: Role[] = [...SCHOOL_STAFF, ...NETWORK_VETTERS];
allow(NETWORK_SEARCHERS, 'read', 'network_member', 'listedAlongPath');
allow(NETWORK_VETTERS, ['read', 'create', 'update'], ['network_member', 'network_vetting'], 'within');
allow(COMMUNITY, ['read', 'update'], 'network_member', 'self');
allow([...SCHOOL_STAFF, 'school_leader'], ['create', 'read'], 'engagement', 'within');
allow(SCHOOL_STAFF, 'update', 'engagement', 'author');
allow('school_leader', 'update', 'engagement', 'within');
allow(['unit_officer', 'city_officer'], 'read', 'engagement', 'within');
allow(COMMUNITY, ['read', 'update'], 'engagement', 'self');

/**
 * A network member's own profile, whatever its status: they read it and change what they offer
 * and their consent to be contacted even while pending (when they hold no role at all, so no rule
 * above can match). Never their vetting: that is someone else's decision (`decidesOwnVetting`).
 */
export function ownNetworkProfile(p: Principal | null, member: { personId: string }): boolean {
	return Boolean(p) && member.personId === p!.personId;
}

/** Nobody vets, rejects or suspends their own network profile, even an officer who vets everyone else. */
export const decidesOwnVetting = ownNetworkProfile;

/**
 * Contact details (email, phone) of a network member: the member; the vetters over them; and
 * school staff, leaders and officers working within the member's vetting path (a city-registered
 * member's for the whole city, a school-registered member's for that school only).
 */
export function seesNetworkContact(p: Principal | null, member: { path: string; personId: string; listed: boolean }): boolean {
	if (!p) return false;
	if (ownNetworkProfile(p, member) || can(p, 'update', 'network_member', member)) return true;
	return member.listed && p.grants.some((g) => NETWORK_SEARCHERS.includes(g.role) && g.scopePath.startsWith(member.path));
}

/** The member answers a request made to them (accept or decline); nobody else does. */
export function answersEngagement(p: Principal | null, engagement: Resource): boolean {
	return Boolean(p) && engagement.personId === p!.personId && can(p, 'update', 'engagement', engagement);
}

/** The school records how an engagement went (or cancels it): the requester or the leader, never the member. */
export function recordsEngagementOutcome(p: Principal | null, engagement: Resource): boolean {
	return Boolean(p) && engagement.personId !== p!.personId && can(p, 'update', 'engagement', engagement);
}

// Clubs (câu lạc bộ) at a school, a unit or the city (the resource is the club's path, advisor,
// open_to and approved members). Everyone along the path reads its public face — description,
// news (`club_content`) and showcase; the leader or officer at its level creates it and names the
// advisor; the advisor and the leaders and officers over it decide requests and post; learners,
// staff or parents it is open to ask to join (`club_membership` create; personId = the asker);
// members (learners, parents, staff) and its managers see members, activities and attendance (`club_activity`).
const CLUB_READERS: Role[] = [...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer', 'learner', 'parent'];
const CLUB_MANAGERS: Role[] = ['school_leader', 'unit_officer', 'city_officer'];
const CLUB_MEMBER_ROLES: Role[] = ['learner', 'parent', ...SCHOOL_STAFF, 'school_leader'];
allow(CLUB_READERS, 'read', ['club', 'club_content'], 'alongPath');
allow(CLUB_MANAGERS, ['create', 'update'], ['club', 'club_content', 'club_activity'], 'within');
allow(CLUB_MANAGERS, ['read', 'update'], ['club_membership', 'club_activity'], 'within');
allow(SCHOOL_STAFF, ['update'], ['club', 'club_content', 'club_activity'], 'advisorOf');
allow(SCHOOL_STAFF, ['create'], ['club_content', 'club_activity'], 'advisorOf');
allow(SCHOOL_STAFF, ['read', 'update'], ['club_membership', 'club_activity'], 'advisorOf');
allow(['learner', ...SCHOOL_STAFF, 'school_leader', 'parent'], 'create', 'club_membership', 'openAlongPath');
allow(EVERYONE, 'read', 'club_membership', 'self');
allow('parent', 'read', 'club_membership', 'ownChildren');
allow(CLUB_MEMBER_ROLES, 'read', 'club_activity', 'member');

// Forums (diễn đàn). A teachers' space — a school's (its staff and leader) or the city's (every
// teacher, leader and officer) — is never open to learners, parents or the community network.
// A club's space is its members' and advisor's, a committee's its parents', committee members'
// and homeroom teacher's (`memberIds`). Reading a space lets one post (`forum_thread` create);
// moderating (pin, lock, hide) is `update`: the space's named moderators, the school leader
// within the school, the city officer on the teachers' spaces under them.
allow([...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer'], ['read'], 'forum_space', 'staffSpaceAlongPath');
allow([...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer'], ['create'], 'forum_thread', 'staffSpaceAlongPath');
const FORUM_MEMBERS: Role[] = ['learner', 'parent', ...SCHOOL_STAFF, 'school_leader', 'unit_officer', 'city_officer'];
allow(FORUM_MEMBERS, 'read', 'forum_space', 'member');
allow(FORUM_MEMBERS, 'create', 'forum_thread', 'member');
allow(FORUM_MEMBERS, ['read', 'update'], 'forum_space', 'moderatorOf');
allow(FORUM_MEMBERS, 'create', 'forum_thread', 'moderatorOf');
allow('school_leader', ['read', 'update'], 'forum_space', 'within');
allow('school_leader', 'create', 'forum_thread', 'within');
allow('city_officer', 'update', 'forum_space', 'staffSpaceWithin');

// Parent representative committees (Ban đại diện cha mẹ học sinh, Thông tư 55/2011 Điều 3–4):
// the class's committee named by its homeroom teacher, the school's by the school leader. The
// parents of the class (or school) read it (`enrolledIds` = its learners) and its announcements;
// its members (`memberIds`) announce to them.
allow('homeroom_teacher', ['create', 'read', 'update'], 'parent_committee', 'classGranted');
allow('homeroom_teacher', 'create', 'committee_announcement', 'classGranted');
allow('school_leader', ['create', 'read', 'update'], ['parent_committee', 'committee_announcement'], 'within');
allow('parent', 'read', 'parent_committee', 'childEnrolledWithin');
allow('parent', 'read', 'parent_committee', 'member');
allow('parent', 'create', 'committee_announcement', 'member');

// ── Programs (the city program office's work, issue 7). Each part keeps to its own block. ──
// The program office is the city officer; a management-unit officer sees and runs only their
// unit's schools; a school leader takes part for their school.
const PROGRAM_OFFICERS: Role[] = ['city_officer', 'unit_officer'];
const PROGRAM_STAFF: Role[] = [...SCHOOL_STAFF, 'school_leader', ...PROGRAM_OFFICERS];

// Pilot models (mô hình thí điểm): the office defines them; a pilot site is one school running
// one model, with its phases, milestones and evidence (its path is the school's).
allow(PROGRAM_STAFF, 'read', 'pilot_model', 'alongPath');
allow('city_officer', ['create', 'update', 'delete'], 'pilot_model', 'within');
allow(PROGRAM_STAFF, 'read', 'pilot_site', 'within');
allow('city_officer', ALL_ACTIONS, 'pilot_site', 'within');
allow(['unit_officer', 'school_leader'], 'update', 'pilot_site', 'within');

// Training (bồi dưỡng, tập huấn): courses with sessions, materials and quotas, run by officers
// at their level; enrolments carry the trainee's path (their school, or their unit for officers).
allow(PROGRAM_STAFF, 'read', 'training_course', 'alongPath');
allow(['learner', 'parent'], 'read', 'training_course', 'audienceAlongPath');
allow(PROGRAM_OFFICERS, ['create', 'update', 'delete'], 'training_course', 'within');
allow(PROGRAM_OFFICERS, ALL_ACTIONS, 'training_enrolment', 'within');
allow('school_leader', ['create', 'read', 'delete'], 'training_enrolment', 'within');
allow(EVERYONE, ['read', 'update'], 'training_enrolment', 'self');

// Surveys (khảo sát): officers build and send them under their scope; a response belongs to the
// school that answers (its path), filled by its leader and read by the officers over it.
allow(PROGRAM_OFFICERS, ALL_ACTIONS, 'survey', 'within');
allow(PROGRAM_OFFICERS, 'read', 'survey_response', 'within');
allow('school_leader', ['read', 'create', 'update'], 'survey_response', 'within');

// Budget (kinh phí): the program office's plan, commitments and spending.
allow('city_officer', ALL_ACTIONS, 'budget', 'within');

// Periodic reports (báo cáo định kỳ) go up the tree: a school's leader writes the school's, an
// officer their unit's or the city's, and reads those below; accepting or returning one is an
// update by the officer over it.
allow('school_leader', ['read', 'create', 'update'], 'program_report', 'within');
allow(PROGRAM_OFFICERS, ['read', 'create', 'update'], 'program_report', 'within');
allow(['school_leader', ...PROGRAM_OFFICERS], 'read', 'program_dashboard', 'within');

/** The officer whose role speaks for the reporting organisation (a school's report: its leader). */
const REPORT_OWNER_ROLE: Record<'school' | 'unit' | 'city', Role> = { school: 'school_leader', unit: 'unit_officer', city: 'city_officer' };
const parentOrgPath = (path: string): string | null => {
	const parts = path.split('/').filter(Boolean);
	return parts.length > 1 ? '/' + parts.slice(0, -1).join('/') + '/' : null;
};
/** Writes and submits the report: the reporting organisation's own officer (a grant on exactly its path). */
export function ownsReport(p: Principal | null, report: { path: string; level: 'school' | 'unit' | 'city' }): boolean {
	if (!p || !can(p, 'update', 'program_report', { path: report.path })) return false;
	return p.grants.some((g) => g.role === REPORT_OWNER_ROLE[report.level] && g.scopePath === report.path);
}
/**
 * Accepts or returns the report: an officer of the organisation just above (a school's management
 * unit, a unit's parent — the city). The city's own report has no receiver in Sen.
 */
export function receivesReport(p: Principal | null, report: { path: string; level: 'school' | 'unit' | 'city' }): boolean {
	if (!p || report.level === 'city' || !can(p, 'update', 'program_report', { path: report.path })) return false;
	const parent = parentOrgPath(report.path);
	return parent !== null && p.grants.some((g) => PROGRAM_OFFICERS.includes(g.role) && g.scopePath === parent);
}

// Publications (công bố, hướng dẫn): the office publishes to an audience along its path.
allow(PROGRAM_OFFICERS, ['create', 'update', 'delete'], 'publication', 'within');
allow(PROGRAM_OFFICERS, 'read', 'publication', 'within');
allow(EVERYONE, 'read', 'publication', 'audienceAlongPath');

/** The roles a publication's audience is made of (its "Đã đọc X/Y" counts the people holding one under its path). */
export function publicationAudienceRoles(audience: string): Role[] {
	return EVERYONE.filter((r) => audiencesFor(r).includes(audience));
}
// ── end of programs ──

export function can(p: Principal | null, action: Action, kind: Kind, resource: Resource): boolean {
	if (!p) return false;
	for (const rule of rules) {
		if (!rule.kinds.includes(kind) || !rule.actions.includes(action)) continue;
		for (const g of p.grants) {
			if (rule.roles.includes(g.role) && scopes[rule.scope].test(g, resource, p)) return true;
		}
	}
	return false;
}

/** May the principal do this to any record of the kind at all (for showing a menu or a button)? */
export function mayEver(p: Principal | null, action: Action, kind: Kind): boolean {
	if (!p) return false;
	return rules.some((r) => r.kinds.includes(kind) && r.actions.includes(action) && p.grants.some((g) => r.roles.includes(g.role)));
}

/**
 * A SQL condition selecting exactly the rows `can` would allow; `sql\`false\`` when none.
 * Every list query ANDs it into its WHERE.
 */
export function scopeCondition(p: Principal | null, action: Action, kind: Kind, cols: ScopeColumns): SQL {
	if (!p) return sql`false`;
	const parts: SQL[] = [];
	for (const rule of rules) {
		if (!rule.kinds.includes(kind) || !rule.actions.includes(action)) continue;
		for (const g of p.grants) {
			if (!rule.roles.includes(g.role)) continue;
			if (rule.scope === 'anywhere') return sql`true`;
			parts.push(scopes[rule.scope].sql(g, cols, p));
		}
	}
	return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Which roles a principal may grant, and only on scopes inside one of their own grants. */
const GRANTABLE: Partial<Record<Role, readonly Role[]>> = {
	system_admin: EVERYONE,
	city_officer: ['unit_officer', 'city_officer', 'school_leader', 'mentor', 'alumnus', 'partner_contact'],
	unit_officer: ['school_leader'],
	school_leader: ['learner', 'parent', 'teacher', 'homeroom_teacher', 'subject_group_head', 'school_leader', 'counsellor']
};

export function mayGrant(p: Principal | null, role: Role, scopePath: string): boolean {
	if (!p) return false;
	return p.grants.some((g) => (GRANTABLE[g.role] ?? []).includes(role) && (g.role === 'system_admin' || scopePath.startsWith(g.scopePath)));
}
