import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { common } from './locales/fr/common';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export const LANGUAGE_KEY = 'spoc.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Saved choice first; otherwise French when the browser prefers French, English for everyone else. */
export function detectLanguage(
  saved: string | null = readSaved(),
  navigatorLanguage: string | undefined = globalThis.navigator?.language,
): Language {
  if (isLanguage(saved)) return saved;
  return navigatorLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function applyToDocument(language: string) {
  if (globalThis.document) globalThis.document.documentElement.lang = language;
}

export const i18n = i18next.createInstance();

// Every namespace but French `common` (the shell's, and the fallback of every page's first frame) is a chunk of its own,
// fetched with the first page that asks for it (react-i18next suspends that page meanwhile): all of them in the initial
// JS kept it over its budget.
const chunks = import.meta.glob<Record<string, object>>(['./locales/*/*.ts', '!./locales/fr/common.ts']);

/** A namespace's texts in a language: `followUp` is the `followUp` export of `locales/{language}/follow-up.ts`. */
export async function loadNamespace(language: string, namespace: string) {
  const file = namespace.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const load = chunks[`./locales/${language}/${file}.ts`];
  if (!load) throw new Error(`No texts for ${language}/${namespace}`);
  return (await load())[namespace];
}

/** Ready to render once it resolves: the language's `common` is loaded (French's is already there). */
export async function initI18n(language: Language = detectLanguage()) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyToDocument);
    await i18n
      .use(initReactI18next)
      .use(resourcesToBackend(loadNamespace))
      .init({
        // One namespace per feature (see fr.ts); `common` is the default.
        resources: { fr: { common } },
        partialBundledLanguages: true,
        ns: ['common'],
        defaultNS: 'common',
        lng: language,
        fallbackLng: 'fr',
        supportedLngs: languages,
        interpolation: { escapeValue: false },
        initAsync: false,
        returnNull: false,
      });
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
  applyToDocument(language);
  return i18n;
}

/** Switches the UI language and remembers the choice. */
export async function setLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not persisted when storage is unavailable.
  }
  // Loads the language's texts of every namespace used so far before the pages switch.
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}
