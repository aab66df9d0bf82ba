import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { HomeRedirect, PublicOnly, RequireAuth, RequireGuid, RequireRole } from './route-guards';
import { PublicLayout } from './public-layout';
import { ShellLayout } from './shell-layout';
import { NotFoundPage } from './status-pages';

// Every page is its own chunk: the initial download is the shell only.
const SignInPage = lazy(() =>
  import('@/features/platform/components/sign-in-page').then((m) => ({ default: m.SignInPage })),
);
const RegisterPage = lazy(() =>
  import('@/features/platform/components/register-page').then((m) => ({ default: m.RegisterPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('@/features/platform/components/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('@/features/platform/components/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const VerifyEmailPage = lazy(() =>
  import('@/features/platform/components/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })),
);
// The profile is Platform's; its notification preferences section is Community's, joined here.
const ProfilePage = lazy(() =>
  Promise.all([import('@/features/platform/components/profile-page'), import('@/features/notifications/components/notification-preferences')]).then(
    ([profile, preferences]) => ({ default: () => <profile.ProfilePage extra={<preferences.NotificationPreferences />} /> }),
  ),
);
// The homes are the cohorts feature's; their panels are the other modules', joined here: "à rendre" / "à corriger"
// (Assessment), "à venir" (Community's agenda with FollowUp's next steps), "à suivre" and the mentor's learners (FollowUp),
// the trainer's courses (Courses).
const LearnerHome = lazy(() =>
  Promise.all([
    import('@/features/cohorts/components/learner-home'),
    import('@/features/assessment/components/to-do-panel'),
    import('@/features/calendar/components/upcoming-panel'),
  ]).then(([home, toDo, upcoming]) => ({ default: () => <home.LearnerHome toDo={<toDo.ToDoPanel />} upcoming={<upcoming.UpcomingPanel />} /> })),
);
const MentorHome = lazy(() =>
  Promise.all([
    import('@/features/cohorts/components/mentor-home'),
    import('@/features/assessment/components/to-grade-panel'),
    import('@/features/follow-up/components/attention-panel'),
    import('@/features/follow-up/components/mentored-learners-panel'),
  ]).then(([home, toGrade, attention, learners]) => ({
    default: () => <home.MentorHome toGrade={<toGrade.ToGradePanel />} toFollow={<attention.AttentionPanel />} learners={<learners.MentoredLearnersPanel />} />,
  })),
);
const TrainerHome = lazy(() =>
  Promise.all([
    import('@/features/cohorts/components/trainer-home'),
    import('@/features/assessment/components/to-grade-panel'),
    import('@/features/follow-up/components/attention-panel'),
    import('@/features/courses/components/my-courses-panel'),
  ]).then(([home, toGrade, attention, courses]) => ({
    default: () => <home.TrainerHome toGrade={<toGrade.ToGradePanel />} toFollow={<attention.AttentionPanel />} courses={<courses.MyCoursesPanel />} />,
  })),
);
const AssignmentsPage = lazy(() =>
  import('@/features/assessment/components/assignments-page').then((m) => ({ default: m.AssignmentsPage })),
);
const AssignmentPage = lazy(() =>
  import('@/features/assessment/components/assignment-page').then((m) => ({ default: m.AssignmentPage })),
);
const CreateAssignmentPage = lazy(() =>
  import('@/features/assessment/components/assignment-editor-page').then((m) => ({ default: m.CreateAssignmentPage })),
);
const EditAssignmentPage = lazy(() =>
  import('@/features/assessment/components/assignment-editor-page').then((m) => ({ default: m.EditAssignmentPage })),
);
const SubmissionsPage = lazy(() =>
  import('@/features/assessment/components/submissions-page').then((m) => ({ default: m.SubmissionsPage })),
);
const GradingPage = lazy(() =>
  import('@/features/assessment/components/grading-page').then((m) => ({ default: m.GradingPage })),
);
const ConversationsPage = lazy(() =>
  import('@/features/notifications/components/conversations-page').then((m) => ({ default: m.ConversationsPage })),
);
const ConversationPage = lazy(() =>
  import('@/features/notifications/components/conversation-page').then((m) => ({ default: m.ConversationPage })),
);
const GradebookPage = lazy(() =>
  import('@/features/assessment/components/gradebook-page').then((m) => ({ default: m.GradebookPage })),
);
const GradebookPolicyPage = lazy(() =>
  import('@/features/assessment/components/gradebook-policy-page').then((m) => ({ default: m.GradebookPolicyPage })),
);
const CompetencyHeatmapPage = lazy(() =>
  import('@/features/assessment/components/competency-heatmap-page').then((m) => ({ default: m.CompetencyHeatmapPage })),
);
const MyGradesPage = lazy(() =>
  import('@/features/assessment/components/my-grades-page').then((m) => ({ default: m.MyGradesPage })),
);
const MyAgendaPage = lazy(() => import('@/features/calendar/components/my-agenda-page').then((m) => ({ default: m.MyAgendaPage })));
const MyCertificatesPage = lazy(() =>
  import('@/features/certificates/components/my-certificates-page').then((m) => ({ default: m.MyCertificatesPage })),
);
const MyFollowUpPage = lazy(() => import('@/features/follow-up/components/my-follow-up-page').then((m) => ({ default: m.MyFollowUpPage })));
const LearnerFollowUpPage = lazy(() =>
  import('@/features/follow-up/components/learner-follow-up-page').then((m) => ({ default: m.LearnerFollowUpPage })),
);
const CohortCalendarPage = lazy(() =>
  import('@/features/calendar/components/cohort-calendar-page').then((m) => ({ default: m.CohortCalendarPage })),
);
const ForumPage = lazy(() => import('@/features/forum/components/forum-page').then((m) => ({ default: m.ForumPage })));
const ThreadPage = lazy(() => import('@/features/forum/components/thread-page').then((m) => ({ default: m.ThreadPage })));
const SessionsPage = lazy(() => import('@/features/sessions/components/sessions-page').then((m) => ({ default: m.SessionsPage })));
const SessionPage = lazy(() => import('@/features/sessions/components/session-page').then((m) => ({ default: m.SessionPage })));
const AttendancePage = lazy(() => import('@/features/sessions/components/attendance-page').then((m) => ({ default: m.AttendancePage })));
const CohortAttendancePage = lazy(() =>
  import('@/features/sessions/components/cohort-attendance-page').then((m) => ({ default: m.CohortAttendancePage })),
);
const CohortSkillsPage = lazy(() =>
  import('@/features/skills/components/cohort-skills-page').then((m) => ({ default: m.CohortSkillsPage })),
);
const OrganizationSkillsPage = lazy(() =>
  import('@/features/skills/components/organization-skills-page').then((m) => ({ default: m.OrganizationSkillsPage })),
);
const CertificationPage = lazy(() =>
  import('@/features/certification/components/certification-page').then((m) => ({ default: m.CertificationPage })),
);
const FollowUpPage = lazy(() => import('@/features/follow-up/components/follow-up-page').then((m) => ({ default: m.FollowUpPage })));
const MyCertificationPage = lazy(() =>
  import('@/features/certification/components/my-certification-page').then((m) => ({ default: m.MyCertificationPage })),
);
const CheckInPage = lazy(() => import('@/features/sessions/components/check-in-page').then((m) => ({ default: m.CheckInPage })));
const CheckInCodePage = lazy(() => import('@/features/sessions/components/check-in-code-page').then((m) => ({ default: m.CheckInCodePage })));
// Public: the page the certificates' QR codes open, for anyone, signed in or not.
const VerifyPage = lazy(() => import('@/features/verification/components/verify-page').then((m) => ({ default: m.VerifyPage })));
// Public: the shareable page of a cohort open to applications.
const PublicCohortPage = lazy(() =>
  import('@/features/cohorts/components/public-cohort-page').then((m) => ({ default: m.PublicCohortPage })),
);
const OpenCohortsPage = lazy(() =>
  import('@/features/cohorts/components/open-cohorts-page').then((m) => ({ default: m.OpenCohortsPage })),
);
const ApplyPage = lazy(() =>
  import('@/features/cohorts/components/apply-page').then((m) => ({ default: m.ApplyPage })),
);
const MyApplicationsPage = lazy(() =>
  import('@/features/cohorts/components/my-applications-page').then((m) => ({ default: m.MyApplicationsPage })),
);
const CohortsPage = lazy(() =>
  import('@/features/cohorts/components/cohorts-page').then((m) => ({ default: m.CohortsPage })),
);
const CreateCohortPage = lazy(() =>
  import('@/features/cohorts/components/create-cohort-page').then((m) => ({ default: m.CreateCohortPage })),
);
const CohortPage = lazy(() =>
  import('@/features/cohorts/components/cohort-page').then((m) => ({ default: m.CohortPage })),
);
// The admin screens (Platform); the org admin's home shows Cohorts' partner requests panel, joined here.
const OrganizationMembersPage = lazy(() =>
  import('@/features/platform/components/organization-members-page').then((m) => ({ default: m.OrganizationMembersPage })),
);
// The org admin's API clients and webhooks (Integrations).
const ApiClientsPage = lazy(() => import('@/features/integrations/components/api-clients-page').then((m) => ({ default: m.ApiClientsPage })));
const WebhooksPage = lazy(() => import('@/features/integrations/components/webhooks-page').then((m) => ({ default: m.WebhooksPage })));
const WebhookDetailPage = lazy(() =>
  import('@/features/integrations/components/webhook-detail-page').then((m) => ({ default: m.WebhookDetailPage })),
);
const AdminOrganizationsPage = lazy(() =>
  import('@/features/platform/components/admin-organizations-page').then((m) => ({ default: m.AdminOrganizationsPage })),
);
const AdminUsersPage = lazy(() => import('@/features/platform/components/admin-users-page').then((m) => ({ default: m.AdminUsersPage })));
const AdminSystemPage = lazy(() => import('@/features/platform/components/admin-system-page').then((m) => ({ default: m.AdminSystemPage })));
const PartnershipsPage = lazy(() =>
  import('@/features/cohorts/components/partnerships-page').then((m) => ({ default: m.PartnershipsPage })),
);
const InvitationPage = lazy(() =>
  import('@/features/cohorts/components/invitation-page').then((m) => ({ default: m.InvitationPage })),
);
const CreateCoursePage = lazy(() =>
  import('@/features/courses/components/create-course-page').then((m) => ({ default: m.CreateCoursePage })),
);
const CoursesPage = lazy(() =>
  import('@/features/courses/components/courses-page').then((m) => ({ default: m.CoursesPage })),
);
const CourseEditorPage = lazy(() =>
  import('@/features/courses/components/course-editor-page').then((m) => ({ default: m.CourseEditorPage })),
);
const CohortCoursePage = lazy(() =>
  import('@/features/courses/components/cohort-course-page').then((m) => ({ default: m.CohortCoursePage })),
);
const CohortProgressPage = lazy(() =>
  import('@/features/courses/components/cohort-progress-page').then((m) => ({ default: m.CohortProgressPage })),
);
const PlatformAdminHome = lazy(() =>
  import('@/features/platform/components/platform-admin-home').then((m) => ({ default: m.PlatformAdminHome })),
);
const OrganizationHome = lazy(() =>
  Promise.all([import('@/features/platform/components/organization-home'), import('@/features/cohorts/components/partnerships-page')]).then(
    ([home, partnerships]) => ({
      default: () => (
        <home.OrganizationHome
          partnerRequests={(organizationId, name) => <partnerships.PendingPartnerships organizationId={organizationId} name={name} />}
        />
      ),
    }),
  ),
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
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
    ],
  },
  {
    element: <PublicLayout />,
    children: [
      { path: '/verify', element: <VerifyPage /> },
      { path: '/verify/:code', element: <VerifyPage /> },
      { path: '/c/:cohortId', element: <RequireGuid param="cohortId"><PublicCohortPage /></RequireGuid> },
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
      {
        path: 'organization/members',
        element: (
          <RequireRole roles={['orgAdmin']}>
            <OrganizationMembersPage />
          </RequireRole>
        ),
      },
      {
        path: 'organization/api-clients',
        element: (
          <RequireRole roles={['orgAdmin']}>
            <ApiClientsPage />
          </RequireRole>
        ),
      },
      {
        path: 'organization/webhooks',
        element: (
          <RequireRole roles={['orgAdmin']}>
            <WebhooksPage />
          </RequireRole>
        ),
      },
      {
        path: 'organization/webhooks/:webhookId',
        element: (
          <RequireRole roles={['orgAdmin']}>
            <RequireGuid param="webhookId">
              <WebhookDetailPage />
            </RequireGuid>
          </RequireRole>
        ),
      },
      {
        path: 'admin/organizations',
        element: (
          <RequireRole roles={['platformAdmin']}>
            <AdminOrganizationsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={['platformAdmin']}>
            <AdminUsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/system',
        element: (
          <RequireRole roles={['platformAdmin']}>
            <AdminSystemPage />
          </RequireRole>
        ),
      },
      { path: 'open-cohorts', element: <OpenCohortsPage /> },
      { path: 'applications', element: <MyApplicationsPage /> },
      {
        path: 'cohorts',
        element: (
          <RequireRole roles={['trainer', 'mentor', 'orgAdmin']}>
            <CohortsPage />
          </RequireRole>
        ),
      },
      {
        path: 'partnerships',
        element: (
          <RequireRole roles={['orgAdmin']}>
            <PartnershipsPage />
          </RequireRole>
        ),
      },
      {
        path: 'cohorts/new',
        element: (
          <RequireRole roles={['trainer', 'orgAdmin']}>
            <CreateCohortPage />
          </RequireRole>
        ),
      },
      {
        path: 'cohorts/:cohortId',
        element: (
          <RequireGuid param="cohortId">
            <CohortPage />
          </RequireGuid>
        ),
      },
      {
        path: 'cohorts/:cohortId/course',
        element: (
          <RequireGuid param="cohortId">
            <CohortCoursePage />
          </RequireGuid>
        ),
      },
      {
        path: 'cohorts/:cohortId/progress',
        element: (
          <RequireGuid param="cohortId">
            <CohortProgressPage />
          </RequireGuid>
        ),
      },
      {
        path: 'cohorts/:cohortId/assignments',
        element: (
          <RequireGuid param="cohortId">
            <AssignmentsPage />
          </RequireGuid>
        ),
      },
      {
        path: 'cohorts/:cohortId/assignments/new',
        element: (
          <RequireGuid param="cohortId">
            <CreateAssignmentPage />
          </RequireGuid>
        ),
      },
      { path: 'cohorts/:cohortId/gradebook', element: <RequireGuid param="cohortId"><GradebookPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/sessions', element: <RequireGuid param="cohortId"><SessionsPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/attendance', element: <RequireGuid param="cohortId"><CohortAttendancePage /></RequireGuid> },
      { path: 'cohorts/:cohortId/skills', element: <RequireGuid param="cohortId"><CohortSkillsPage /></RequireGuid> },
      { path: 'organizations/:organizationId/skills', element: <RequireGuid param="organizationId"><OrganizationSkillsPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/certification', element: <RequireGuid param="cohortId"><CertificationPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/certification/me', element: <RequireGuid param="cohortId"><MyCertificationPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/follow-up', element: <RequireGuid param="cohortId"><FollowUpPage /></RequireGuid> },
      { path: 'sessions/:sessionId', element: <RequireGuid param="sessionId"><SessionPage /></RequireGuid> },
      { path: 'sessions/:sessionId/attendance', element: <RequireGuid param="sessionId"><AttendancePage /></RequireGuid> },
      { path: 'sessions/:sessionId/check-in', element: <RequireGuid param="sessionId"><CheckInPage /></RequireGuid> },
      { path: 'sessions/:sessionId/code', element: <RequireGuid param="sessionId"><CheckInCodePage /></RequireGuid> },
      { path: 'cohorts/:cohortId/gradebook/policy', element: <RequireGuid param="cohortId"><GradebookPolicyPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/competencies', element: <RequireGuid param="cohortId"><CompetencyHeatmapPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/grades', element: <RequireGuid param="cohortId"><MyGradesPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/forum', element: <RequireGuid param="cohortId"><ForumPage /></RequireGuid> },
      { path: 'cohorts/:cohortId/calendar', element: <RequireGuid param="cohortId"><CohortCalendarPage /></RequireGuid> },
      { path: 'agenda', element: <MyAgendaPage /> },
      { path: 'me/certificates', element: <MyCertificatesPage /> },
      { path: 'me/follow-up', element: <MyFollowUpPage /> },
      {
        path: 'cohorts/:cohortId/follow-up/learners/:learnerId',
        element: (
          <RequireGuid param="cohortId">
            <RequireGuid param="learnerId">
              <LearnerFollowUpPage />
            </RequireGuid>
          </RequireGuid>
        ),
      },
      { path: 'threads/:threadId', element: <RequireGuid param="threadId"><ThreadPage /></RequireGuid> },
      { path: 'assignments/:assignmentId', element: <RequireGuid param="assignmentId"><AssignmentPage /></RequireGuid> },
      { path: 'assignments/:assignmentId/edit', element: <RequireGuid param="assignmentId"><EditAssignmentPage /></RequireGuid> },
      { path: 'assignments/:assignmentId/submissions', element: <RequireGuid param="assignmentId"><SubmissionsPage /></RequireGuid> },
      { path: 'assignments/:assignmentId/grading', element: <RequireGuid param="assignmentId"><GradingPage /></RequireGuid> },
      {
        path: 'cohorts/:cohortId/apply',
        element: (
          <RequireGuid param="cohortId">
            <ApplyPage />
          </RequireGuid>
        ),
      },
      {
        path: 'courses',
        element: (
          <RequireRole roles={['trainer', 'orgAdmin']}>
            <CoursesPage />
          </RequireRole>
        ),
      },
      {
        path: 'courses/:courseId/edit',
        element: (
          <RequireGuid param="courseId">
            <CourseEditorPage />
          </RequireGuid>
        ),
      },
      {
        path: 'courses/new',
        element: (
          <RequireRole roles={['trainer', 'orgAdmin']}>
            <CreateCoursePage />
          </RequireRole>
        ),
      },
      { path: 'invitations/:token', element: <InvitationPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'cohorts/:cohortId/conversations', element: <RequireGuid param="cohortId"><ConversationsPage /></RequireGuid> },
      { path: 'conversations/:conversationId', element: <RequireGuid param="conversationId"><ConversationPage /></RequireGuid> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
