import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createFormatters } from './format';
import { fr } from './fr';
import { detectLanguage, i18n, LANGUAGE_KEY, loadNamespace, setLanguage } from './i18n';

function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? keysOf(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('i18n', () => {
  it('defaults to French for French browsers and English for everyone else', () => {
    expect(detectLanguage(null, 'fr-FR')).toBe('fr');
    expect(detectLanguage(null, 'fr')).toBe('fr');
    expect(detectLanguage(null, 'en-GB')).toBe('en');
    expect(detectLanguage(null, 'de-DE')).toBe('en');
    expect(detectLanguage(null, undefined)).toBe('en');
  });

  it('prefers the saved choice', () => {
    expect(detectLanguage('fr', 'en-US')).toBe('fr');
    expect(detectLanguage('en', 'fr-FR')).toBe('en');
    expect(detectLanguage('klingon', 'fr-FR')).toBe('fr');
  });

  it('persists a switch and sets the document language', async () => {
    await setLanguage('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('platform:signIn.submit')).toBe('Sign in');
    await setLanguage('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(i18n.t('platform:signIn.submit')).toBe('Se connecter');
  });

  it('has the same keys in every language, none empty', async () => {
    await i18n.loadLanguages('en');
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
    for (const [namespace, texts] of Object.entries(en)) {
      for (const key of keysOf(texts)) expect(i18n.t(`${namespace}:${key}` as 'app.name', { lng: 'en' }), key).not.toBe('');
    }
  });

  it('has one namespace per feature, common by default', () => {
    expect(Object.keys(fr)).toEqual(['common', 'platform', 'cohorts', 'courses', 'assessment', 'forum', 'notifications', 'calendar', 'sessions', 'certification', 'verify', 'certificates', 'skills', 'followUp', 'journal', 'homes', 'integrations']);
    expect(i18n.t('cohorts:apply.submit', { lng: 'en' })).not.toBe('apply.submit');
    expect(i18n.t('states.loading', { lng: 'fr' })).toBe(i18n.t('common:states.loading', { lng: 'fr' }));
  });

  it('loads each namespace of each language from its own file', async () => {
    for (const namespace of Object.keys(fr) as (keyof typeof fr)[]) {
      if (namespace !== 'common') expect(await loadNamespace('fr', namespace)).toBe(fr[namespace]);
      expect(await loadNamespace('en', namespace)).toBe(en[namespace]);
    }
    await expect(loadNamespace('en', 'klingon')).rejects.toThrow('No texts for en/klingon');
  });

  it('formats numbers and plurals with Intl in the locale', () => {
    expect(i18n.t('home.orgAdmin.membersCount', { count: 1234, lng: 'fr' })).toBe('1\u202f234 membres');
    expect(i18n.t('home.orgAdmin.membersCount', { count: 1234, lng: 'en' })).toBe('1,234 members');
    expect(i18n.t('home.orgAdmin.membersCount', { count: 1, lng: 'fr' })).toBe('1 membre');
    const date = new Date('2027-02-01T09:00:00Z');
    expect(createFormatters('fr').longDate(date)).toMatch(/^lundi 1 février 2027$/);
    expect(createFormatters('en').longDate(date)).toMatch(/^Monday, February 1, 2027$/);
  });
});
