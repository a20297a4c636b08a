import { z } from 'zod';

export const loginInput = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });
export const changePasswordInput = z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) });
export const resetRequestInput = z.object({ username: z.string().trim().min(1).max(200) });
export const resetCompleteInput = z.object({ token: z.string().min(10).max(200), newPassword: z.string().min(1).max(200) });
export const adminResetInput = z.object({ newPassword: z.string().min(1).max(200) });
export const tokenInput = z.object({ name: z.string().trim().min(1).max(100) });
