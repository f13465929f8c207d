import type { ComponentType } from 'react';
import { Loading } from '@/components/ui';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { RequireAdmin, RequireAuth } from './layout/guards';
import { NotFoundPage } from './layout/NotFoundPage';
import { PublicLayout } from './layout/PublicLayout';
import { RouteError } from './layout/RouteError';

/** A page loaded on first visit: route modules default-export their page component. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

function PageLoading() {
  return (
    <div className="page-center">
      <Loading />
    </div>
  );
}

/**
 * Every page of the app. To add one: create `features/<area>/routes/<Name>Page.tsx` with a default
 * export, add `{ path, lazy: page(() => import(...)) }` below — under `RequireAdmin` when only HR may
 * open it — and, if it belongs in the menu, an entry in `layout/nav.ts`.
 */
export const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteError,
    // Shown while the first page's code loads (every page is lazy); without it the router warns on every load.
    HydrateFallback: PageLoading,
    children: [
      // An external rater's questionnaire: no account, no navigation to anything else.
      { path: 'external', lazy: page(() => import('@/features/external/routes/ExternalQuestionnairePage')) },
      {
        Component: PublicLayout,
        children: [
          { path: 'login', lazy: page(() => import('@/features/auth/routes/LoginPage')) },
          { path: 'accept-invitation', lazy: page(() => import('@/features/auth/routes/AcceptInvitationPage')) },
          // A fresh instance's first run; once used it sends everyone on to the app.
          { path: 'setup', lazy: page(() => import('@/features/setup/routes/SetupPage')) },
          { path: 'forgot-password', lazy: page(() => import('@/features/auth/routes/ForgotPasswordPage')) },
          { path: 'reset-password', lazy: page(() => import('@/features/auth/routes/ResetPasswordPage')) },
          { path: 'confirm-email', lazy: page(() => import('@/features/auth/routes/ConfirmEmailPage')) },
          // Single sign-on to an account already in use: "check your mail", then the mailed link.
          { path: 'sso-link', lazy: page(() => import('@/features/auth/routes/SsoLinkPage')) },
        ],
      },
      {
        Component: RequireAuth,
        children: [
          {
            Component: AppLayout,
            ErrorBoundary: RouteError,
            children: [
              { index: true, lazy: page(() => import('./home/HomePage')) },
              { path: 'account', lazy: page(() => import('@/features/auth/routes/AccountPage')) },
              { path: 'people', lazy: page(() => import('@/features/people/routes/PeoplePage')) },
              { path: 'people/:personId', lazy: page(() => import('@/features/people/routes/PersonPage')) },
              { path: 'feedback', lazy: page(() => import('@/features/feedback/routes/MyFeedbackPage')) },
              { path: 'feedback/:requestId', lazy: page(() => import('@/features/feedback/routes/QuestionnairePage')) },
              { path: 'requests', lazy: page(() => import('@/features/feedback/routes/RequestsPage')) },
              // Feedback anyone asks for on themselves (the API answers 403 when the organisation turned it off).
              { path: 'ask-for-feedback', lazy: page(() => import('@/features/self-requests/routes/AskForFeedbackPage')) },
              { path: 'my-requests', lazy: page(() => import('@/features/self-requests/routes/MyRequestsPage')) },
              // The subject, their manager and HR (the API decides); the rater's decline mail links here.
              { path: 'cycles/:cycleId/subjects/:subjectId/requests', lazy: page(() => import('@/features/feedback/routes/SubjectRequestsPage')) },
              { path: 'reports', lazy: page(() => import('@/features/reports/routes/ReportsPage')) },
              // Managers of a released cycle (the API decides what, if anything, shows).
              { path: 'team', lazy: page(() => import('@/features/team/routes/TeamPage')) },
              // The subject after release, their manager as the cycle allows, HR once closed (the API decides; anyone else gets not found).
              { path: 'reports/cycles/:cycleId/subjects/:subjectId', lazy: page(() => import('@/features/reports/routes/ReportPage')) },
              // The subject of a released report only (the API answers not found to anyone else).
              { path: 'reports/cycles/:cycleId/plan', lazy: page(() => import('@/features/reports/routes/PlanPage')) },
              // Plans that direct reports shared with their manager today.
              { path: 'plans/shared', lazy: page(() => import('@/features/reports/routes/SharedPlansPage')) },
              {
                Component: RequireAdmin,
                children: [
                  { path: 'people/new', lazy: page(() => import('@/features/people/routes/NewPersonPage')) },
                  { path: 'people/import', lazy: page(() => import('@/features/people/routes/ImportPeoplePage')) },
                  { path: 'admin/outbox', lazy: page(() => import('@/features/outbox/routes/OutboxPage')) },
                  { path: 'admin/audit', lazy: page(() => import('@/features/audit/routes/AuditPage')) },
                  { path: 'admin/organization', lazy: page(() => import('@/features/organization/routes/OrganizationSettingsPage')) },
                  { path: 'admin/single-sign-on', lazy: page(() => import('@/features/organization/routes/SingleSignOnPage')) },
                  { path: 'cycles', lazy: page(() => import('@/features/cycles/routes/CyclesPage')) },
                  { path: 'cycles/new', lazy: page(() => import('@/features/cycles/routes/NewCyclePage')) },
                  {
                    path: 'cycles/:cycleId',
                    lazy: page(() => import('@/features/cycles/routes/CycleLayout')),
                    children: [
                      { index: true, lazy: page(() => import('@/features/cycles/routes/CycleSubjectsPage')) },
                      { path: 'progress', lazy: page(() => import('@/features/cycles/routes/CycleProgressPage')) },
                      { path: 'settings', lazy: page(() => import('@/features/cycles/routes/CycleSettingsPage')) },
                      { path: 'heatmap', lazy: page(() => import('@/features/cycles/routes/CycleHeatmapPage')) },
                      { path: 'plans', lazy: page(() => import('@/features/cycles/routes/CyclePlansPage')) },
                    ],
                  },
                  { path: 'admin/frameworks', lazy: page(() => import('@/features/frameworks/routes/FrameworksPage')) },
                  { path: 'admin/frameworks/:frameworkId', lazy: page(() => import('@/features/frameworks/routes/FrameworkPage')) },
                  { path: 'admin/frameworks/:frameworkId/edit', lazy: page(() => import('@/features/frameworks/routes/EditFrameworkPage')) },
                ],
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
