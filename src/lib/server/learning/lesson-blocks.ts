/**
 * The blocks a lesson is made of. Pure: no database, no HTTP. Links must be https (or a path on
 * Sen itself); nothing from the learner's browser runs in Sen's origin: embedded content is shown
 * in a sandboxed frame.
 */
import { z } from 'zod';

const url = z
	.string()
	.trim()
	.max(2000)
	.refine((u) => /^https:\/\/[^\s]+$/i.test(u) || /^\/[^/\\][^\s]*$/.test(u), { message: 'https' });

export const BLOCK_KINDS = ['text', 'image', 'video', 'embed', 'quiz', 'file', 'package'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** A block as the teacher writes it (the id is given by Sen). */
export const blockInputSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('text'), title: z.string().trim().max(300).default(''), body: z.string().trim().min(1).max(50_000) }),
	z.object({ kind: z.literal('image'), title: z.string().trim().max(300).default(''), url, alt: z.string().trim().min(1).max(500) }),
	z.object({ kind: z.literal('video'), title: z.string().trim().max(300).default(''), url }),
	/** An HTML5/H5P activity hosted elsewhere (https), shown in a sandboxed frame. */
	z.object({ kind: z.literal('embed'), title: z.string().trim().min(1).max(300), url }),
	z.object({ kind: z.literal('quiz'), title: z.string().trim().max(300).default(''), quizId: z.uuid() })
]);
export type BlockInput = z.infer<typeof blockInputSchema>;
/** A file uploaded to the lesson (a document, slides, a video file): made by the upload, never typed in. */
export interface FileBlock {
	/** `file`: a document or media file; `package`: an HTML5 or H5P package (fileId is then the package's id). */
	kind: 'file' | 'package';
	title: string;
	fileId: string;
	name: string;
	contentType: string;
	packageId?: string;
}
export type LessonBlock = (BlockInput | FileBlock) & { id: string };

/** A YouTube link as its privacy-enhanced embed address, else null (the video is then a plain link or file). */
export function youtubeEmbed(url: string): string | null {
	const m = url.match(/^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([A-Za-z0-9_-]{11})/);
	return m ? `https://www.youtube-nocookie.com/embed/${m[1]}` : null;
}

/** Whether a video address is a file the browser can play itself. */
export const isVideoFile = (url: string) => /\.(mp4|webm|ogg)(\?.*)?$/i.test(url);

/** The share of a lesson's blocks done, 0..100 (an empty lesson is not done). */
export function progressPercent(blocks: readonly { id: string }[], done: ReadonlySet<string>): number {
	if (!blocks.length) return 0;
	return Math.round((100 * blocks.filter((b) => done.has(b.id)).length) / blocks.length);
}
