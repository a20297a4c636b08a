import * as i from './elearning-inputs';
import * as lib from './library-inputs';
import { downloadQueryDoc } from './assignment-inputs';

/** The e-learning routes as /api/v1/openapi.json lists them. */
export const elearningRouteDocs = [
	{ method: 'get', path: '/questions', summary: 'The question bank within scope (the school’s staff), by subject, topic (diacritics ignored), cognitive level or kind; with the key', tag: 'learning', query: i.questionsQuery },
	{ method: 'post', path: '/questions', summary: 'Add a question: single or multiple choice, true/false, short answer, numeric, matching or essay, tagged by topic and level (nhận biết … vận dụng cao). Audited.', tag: 'learning', body: i.questionInput, status: 201 },
	{ method: 'get', path: '/questions/template.xlsx', summary: 'The .xlsx template for importing questions (STT | Loại câu hỏi | Mức độ | Chủ đề | Câu hỏi | A–F | Đáp án | Điểm), with an example of each kind', tag: 'learning' },
	{ method: 'post', path: '/questions/import', summary: 'Import questions into a subject’s bank (multipart field file): the .xlsx template, or a Moodle GIFT text file (.gift, .txt; $CATEGORY sets the topic); all or nothing: 400 with every problem by cell, question or line. Audited. Send the Origin header of this server.', tag: 'learning', query: i.questionImportQuery, multipart: true, status: 201 },
	{ method: 'get', path: '/questions/{id}', summary: 'One question of the bank', tag: 'learning' },
	{ method: 'put', path: '/questions/{id}', summary: 'Rewrite one’s own question. Audited.', tag: 'learning', body: i.questionInput },
	{ method: 'get', path: '/lessons', summary: 'E-learning lessons within scope (the school’s staff read, authors write)', tag: 'learning', query: i.lessonsQuery },
	{ method: 'post', path: '/lessons', summary: 'Create a lesson for a subject and grade. Audited.', tag: 'learning', body: i.lessonInput, status: 201 },
	{ method: 'get', path: '/lessons/{id}', summary: 'A lesson with its blocks, its quizzes and their questions, and the classes it is given to', tag: 'learning' },
	{ method: 'patch', path: '/lessons/{id}', summary: 'Rename or re-describe one’s own lesson. Audited.', tag: 'learning', body: i.lessonPatch },
	{ method: 'post', path: '/lessons/{id}/blocks', summary: 'Append a block: text, image (https, with alt text), video (https: YouTube or a file), embedded HTML5/H5P (https, sandboxed frame), or an existing quiz of the lesson. Audited.', tag: 'learning', body: i.blockInput, status: 201 },
	{ method: 'post', path: '/lessons/{id}/files', summary: 'Upload one file to one’s own lesson as a block (multipart field `file`, optional `title`; within FILES_MAX_MB, 413 otherwise; type sniffed against the allow-list, 415 otherwise). Audited.', tag: 'learning', multipart: true, status: 201 },
	{ method: 'post', path: '/lessons/{id}/packages', summary: 'Upload an HTML5 or H5P package to one’s own lesson as a block (multipart field `file`: a .zip with index.html at its root or in its one folder, or a .h5p with h5p.json — its mainLibrary and every preloaded dependency’s folder present — and content/content.json, played by Sen’s h5p-standalone; html, js, css, json, images, media and fonts only; no unsafe path; at most 2,000 files and 200 MB unpacked). Served under a capability URL with a sandbox CSP (an opaque origin). Audited.', tag: 'learning', multipart: true, status: 201 },
	{ method: 'get', path: '/lessons/{id}/files/{fileId}', summary: 'Download a lesson’s file (streamed, attachment disposition, nosniff, sandbox CSP; images inline with ?inline=1): the school’s staff, learners of a class it is given to and their parents', tag: 'learning', query: downloadQueryDoc },
	{ method: 'delete', path: '/lessons/{id}/blocks/{blockId}', summary: 'Remove a block. Audited.', tag: 'learning', status: 204 },
	{ method: 'patch', path: '/lessons/{id}/blocks/{blockId}', summary: 'Move a block up (-1) or down (1). Audited.', tag: 'learning', body: i.blockMoveInput },
	{ method: 'post', path: '/lessons/{id}/quizzes', summary: 'A quiz from the bank (questions drawn and shuffled per attempt, time limit, attempts), appended as a block. Audited.', tag: 'learning', body: i.quizInput, status: 201 },
	{ method: 'post', path: '/lessons/{id}/classes', summary: 'Give the lesson to a class the caller teaches, open from opensAt until dueAt (again: new dates). Audited.', tag: 'learning', body: i.assignInput, status: 201 },
	{ method: 'get', path: '/lesson-classes/{id}/report', summary: 'A class’s progress on a lesson: each learner’s share of blocks done, attempts and best score, and each quiz’s item statistics (difficulty, discrimination)', tag: 'learning' },
	{ method: 'get', path: '/quizzes/{id}', summary: 'A quiz as its teachers see it: settings, questions with the key, the number of submitted attempts and item statistics (difficulty, discrimination) over all of them; whoever may read the lesson', tag: 'learning' },
	{ method: 'post', path: '/quizzes/{id}/attempts', summary: 'The learner starts (or resumes) an attempt: questions without the key, deadline from the time limit. 409 when no attempts are left or past due.', tag: 'learning', status: 201 },
	{ method: 'get', path: '/attempts/{id}', summary: 'An attempt: before submission the questions without the key; after it the answers, results and key (the learner, their parents, the class teacher)', tag: 'learning' },
	{ method: 'post', path: '/attempts/{id}/submit', summary: 'Submit once: objective questions graded at once, essays wait for the teacher; refused after the deadline (plus 2 minutes’ grace)', tag: 'learning', body: i.submitInput },
	{ method: 'post', path: '/attempts/{id}/grades', summary: 'The class teacher scores an essay answer with a comment. Audited.', tag: 'learning', body: i.essayGradeInput },
	{ method: 'get', path: '/learning', summary: 'A learner’s learning: open lessons with progress and best score, mastery per topic, and the lessons suggested next (learnerId for a parent or teacher)', tag: 'learning', query: i.learnerQuery },
	{ method: 'get', path: '/learning/lessons/{id}', summary: 'A lesson as the learner sees it: blocks with what is done, quizzes with their attempts', tag: 'learning', query: i.learnerQuery },
	{ method: 'put', path: '/learning/lessons/{id}/blocks/{blockId}/done', summary: 'The learner marks a block done (a quiz is done by submitting it)', tag: 'learning', status: 204 },
	{ method: 'get', path: '/classes/{id}/mastery', summary: 'Who in a class needs help on what: per topic, the learners below mastery (class teachers, homeroom teacher, leaders)', tag: 'learning' },
	{ method: 'get', path: '/library', summary: 'The content library the caller may read (shared in their school, unit or the city): words without diacritics, level, grade, subject, learning context and mode; newest, best rated or most reused first', tag: 'learning', query: lib.libraryQuery },
	{ method: 'post', path: '/library', summary: 'Publish an outside resource (https) or one’s own lesson to the school, the management unit or the city, with its tags. Audited.', tag: 'learning', body: lib.libraryItemInput, status: 201 },
	{ method: 'get', path: '/library/{id}', summary: 'One library item with its rating, comments and reuse count', tag: 'learning' },
	{ method: 'delete', path: '/library/{id}', summary: 'The author withdraws their item. Audited.', tag: 'learning', status: 204 },
	{ method: 'put', path: '/library/{id}/ratings', summary: 'Rate an item 1–5 with a comment (one rating per reader, changeable; not one’s own)', tag: 'learning', body: lib.ratingInput },
	{ method: 'post', path: '/library/{id}/reuse', summary: 'Reuse an item: counted; a lesson is copied with its quizzes and questions into the caller’s school (returns lessonId), an outside resource returns its url', tag: 'learning' }
] as const;
