// The caller's account: register, verify the email, reset or change the password, profile.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { paths } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth/session-context';

export type RegisterBody = NonNullable<
  paths['/api/v1/auth/register']['post']['requestBody']
>['content']['application/json'];

export function useRegister() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: RegisterBody) => unwrap(api.POST('/api/v1/auth/register', { body })),
  });
}

export function useVerifyEmail() {
  const api = useApi();
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } })),
  });
}

export function useRequestPasswordReset() {
  const api = useApi();
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
}

export function useResetPassword() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });
}

export function useChangePassword() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
  });
}

/** Saves name and language, then reloads /me so the whole shell shows the new name. */
export function useUpdateProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName: string; language: 'fr' | 'en' }) => unwrap(api.PUT('/api/v1/me', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
