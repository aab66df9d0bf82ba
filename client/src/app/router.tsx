import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { HomeRedirect, PublicOnly, RequireAuth, RequireRole } from './route-guards';
import { PublicLayout } from './public-layout';
import { ShellLayout } from './shell-layout';
import { NotFoundPage } from './status-pages';

// Every page is its own chunk: the initial download is the shell only.
const SignInPage = lazy(() =>
  import('../features/platform/components/sign-in-page').then((m) => ({ default: m.SignInPage })),
);
const RegisterPage = lazy(() =>
  import('../features/platform/components/register-page').then((m) => ({ default: m.RegisterPage })),
);
const ProfilePage = lazy(() =>
  import('../features/platform/components/profile-page').then((m) => ({ default: m.ProfilePage })),
);
const LearnerHome = lazy(() =>
  import('../features/platform/components/role-homes').then((m) => ({ default: m.LearnerHome })),
);
const MentorHome = lazy(() =>
  import('../features/platform/components/role-homes').then((m) => ({ default: m.MentorHome })),
);
const TrainerHome = lazy(() =>
  import('../features/platform/components/role-homes').then((m) => ({ default: m.TrainerHome })),
);
const PlatformAdminHome = lazy(() =>
  import('../features/platform/components/platform-admin-home').then((m) => ({ default: m.PlatformAdminHome })),
);
const OrganizationHome = lazy(() =>
  import('../features/platform/components/organization-home').then((m) => ({ default: m.OrganizationHome })),
);

export const routes: RouteObject[] = [
  {
    element: (
      <PublicOnly>
        <PublicLayout />
      </PublicOnly>
    ),
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ShellLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'learner',
        element: (
          <RequireRole roles={['learner']}>
            <LearnerHome />
          </RequireRole>
        ),
      },
      {
        path: 'mentor',
        element: (
          <RequireRole roles={['mentor']}>
            <MentorHome />
          </RequireRole>
        ),
      },
      {
        path: 'trainer',
        element: (
          <RequireRole roles={['trainer']}>
            <TrainerHome />
          </RequireRole>
        ),
      },
      {
        path: 'organization',
        element: (
          <RequireRole roles={['orgAdmin']}>
            <OrganizationHome />
          </RequireRole>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireRole roles={['platformAdmin']}>
            <PlatformAdminHome />
          </RequireRole>
        ),
      },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
