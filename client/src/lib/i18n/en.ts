import type { Translation } from './fr';
import { common } from './locales/en/common';
import { platform } from './locales/en/platform';
import { cohorts } from './locales/en/cohorts';
import { courses } from './locales/en/courses';
import { assessment } from './locales/en/assessment';
import { forum } from './locales/en/forum';
import { notifications } from './locales/en/notifications';
import { calendar } from './locales/en/calendar';
import { sessions } from './locales/en/sessions';
import { certification } from './locales/en/certification';
import { verify } from './locales/en/verify';
import { certificates } from './locales/en/certificates';
import { skills } from './locales/en/skills';
import { followUp } from './locales/en/follow-up';
import { journal } from './locales/en/journal';
import { homes } from './locales/en/homes';
import { integrations } from './locales/en/integrations';

/** English texts: the same namespaces and keys as French, checked by the compiler. */
export const en: Translation = { common, platform, cohorts, courses, assessment, forum, notifications, calendar, sessions, certification, verify, certificates, skills, followUp, journal, homes, integrations };
