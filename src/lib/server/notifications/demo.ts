/**
 * A little demo data for the notification service: a couple of notifications for the demo parent
 * and teacher (so the header's badge and /notifications show something), and one dead email in
 * the outbox for the administrator's dead-letter view. Dated in the demo year's September.
 */
import type { Executor } from '../db/client';
import { outbox } from '../platform/schema';
import { notifications } from './schema';

export async function seedNotificationsDemo(tx: Executor, people: { parent: string; teacher: string }, startYear: number): Promise<void> {
	const at = (day: number, hour: number) => new Date(Date.UTC(startYear, 8, day, hour - 7));
	await tx.insert(notifications).values([
		{ personId: people.parent, kind: 'general', title: 'Chào mừng đến với Sen', body: 'Chọn cách nhận thông báo: email, SMS, thông báo đẩy, giờ yên lặng và email tổng hợp.', link: '/account/notifications', key: 'demo:welcome', createdAt: at(5, 8) },
		{ personId: people.parent, kind: 'general', title: 'Họp phụ huynh đầu năm học', body: 'Thứ Bảy 14/9, 8:00 tại phòng học lớp 6A1.', link: '/', key: 'demo:meeting', createdAt: at(6, 9) },
		{ personId: people.teacher, kind: 'general', title: 'Chào mừng đến với Sen', body: 'Chọn cách nhận thông báo trong Cài đặt thông báo.', link: '/account/notifications', key: 'demo:welcome', createdAt: at(5, 8) }
	]);
	await tx.insert(outbox).values({
		channel: 'email',
		recipient: 'phuhuynh.cu@sen.invalid',
		subject: 'Thông báo họp phụ huynh lớp 6A1',
		body: 'Kính gửi quý phụ huynh, …',
		key: 'demo:dead-email',
		createdAt: at(6, 9),
		attempts: 5,
		lastAttemptAt: at(6, 13),
		lastError: '550 5.1.1 <phuhuynh.cu@sen.invalid>: Recipient address rejected',
		deadAt: at(6, 13)
	});
}
