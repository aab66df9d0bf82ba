import 'i18next';
import type { Translation } from './fr';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Translation;
  }
}
