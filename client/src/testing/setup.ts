import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fr } from '@/lib/i18n/fr';
import { i18n, initI18n } from '@/lib/i18n/i18n';

const inBrowser = typeof window !== 'undefined';

// Pages are lazy chunks: the first import of one in a run can take more than the default second.
configure({ asyncUtilTimeout: 4000 });

// jsdom lacks these browser APIs that Mantine uses.
if (inBrowser && !window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
if (inBrowser && !('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}
if (inBrowser && !('fonts' in document)) {
  // Mantine's autosize Textarea listens to font loading.
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}
if (inBrowser) {
  window.HTMLElement.prototype.scrollIntoView ??= () => undefined;
  // Every namespace at once: the pages under test render without waiting for their texts (no Suspense around them here).
  await initI18n('fr');
  await i18n.loadNamespaces(Object.keys(fr));
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });
}
