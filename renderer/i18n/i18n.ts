/**
 * Every visible string comes from a catalogue. The document's `lang` and `dir` follow the language,
 * so Arabic lays the whole window out right to left.
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppError } from '../../shared/contract/result.js';
import type { Settings } from '../../shared/settings/settings-schema.js';
import ar from './locales/ar.json';
import en from './locales/en.json';

export const supportedLanguages = ['en', 'ar'] as const;

const pickLanguage = (preference: Settings['language']): string => {
  if (preference !== 'system') return preference;
  const system = navigator.languages.map((tag) => tag.split('-')[0]);
  return system.find((code) => (supportedLanguages as readonly string[]).includes(code ?? '')) ?? 'en';
};

export const applyLanguage = async (preference: Settings['language']): Promise<void> => {
  const language = pickLanguage(preference);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
};

export const initI18n = async (preference: Settings['language']): Promise<void> => {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
  });
  await applyLanguage(preference);
};

/**
 * A failure in the user's language. English shows the core's own message, which is the most
 * specific; other languages show the catalogue's message for the error's code.
 */
export const describeError = (error: AppError, t: TFunction): string =>
  i18next.language === 'en' ? error.message : t(`errors.${error.code}`, { defaultValue: error.message });
