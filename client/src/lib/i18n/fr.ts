import { common } from './locales/fr/common';
import { platform } from './locales/fr/platform';
import { cohorts } from './locales/fr/cohorts';
import { courses } from './locales/fr/courses';
import { assessment } from './locales/fr/assessment';
import { forum } from './locales/fr/forum';
import { notifications } from './locales/fr/notifications';
import { calendar } from './locales/fr/calendar';
import { sessions } from './locales/fr/sessions';
import { certification } from './locales/fr/certification';
import { verify } from './locales/fr/verify';
import { certificates } from './locales/fr/certificates';
import { skills } from './locales/fr/skills';
import { followUp } from './locales/fr/follow-up';
import { journal } from './locales/fr/journal';
import { homes } from './locales/fr/homes';
import { integrations } from './locales/fr/integrations';

/**
 * French texts: the reference locale (its shape types every other locale and every `t()` key), one i18next
 * namespace per feature: `common` (the default: shell, states, validation, problems), `platform`, `cohorts`,
 * `courses`. Outside `common` a key names its namespace: `t('cohorts:apply.title')`. The app imports only its type: each
 * namespace is a chunk loaded when a page first asks for it (i18n.ts).
 */
export const fr = { common, platform, cohorts, courses, assessment, forum, notifications, calendar, sessions, certification, verify, certificates, skills, followUp, journal, homes, integrations };

export type Translation = typeof fr;
