import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';

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

/**
 * French, the reference and the fallback, ships in the initial JS; English is a chunk of its own, fetched when first
 * needed (it kept the initial JS over its budget).
 */
export async function loadTexts(language: Language) {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'common')) {
    const { en } = await import('./en');
    for (const [namespace, texts] of Object.entries(en)) i18n.addResourceBundle('en', namespace, texts);
  }
}

/** Ready to render once it resolves: the language's texts are loaded. French resolves at once. */
export async function initI18n(language: Language = detectLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      // One namespace per feature (see fr.ts); `common` is the default.
      resources: { fr },
      ns: Object.keys(fr),
      defaultNS: 'common',
      lng: 'fr',
      fallbackLng: 'fr',
      supportedLngs: languages,
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    i18n.on('languageChanged', applyToDocument);
  }
  await loadTexts(language);
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
  await loadTexts(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}
