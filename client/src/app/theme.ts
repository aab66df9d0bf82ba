import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons and links above WCAG AA contrast (4.5:1).
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
});

/** Mantine's default "dimmed" grey, error red and light-variant text are below 4.5:1; use darker ones. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[8] ?? '#e03131',
    // Text of "light" variants (active nav link, badges) on their tinted background.
    '--mantine-primary-color-light-color': t.colors.indigo[9] ?? '#364fc7',
    '--mantine-primary-color-light': t.colors.indigo[0] ?? '#edf2ff',
    '--mantine-primary-color-light-hover': t.colors.indigo[1] ?? '#dbe4ff',
    // Status badges, alerts and subtle buttons (light variants): text dark enough for 4.5:1 on the tinted background,
    // hovered too (Mantine hovers with shade 2, where its shade 9 text falls to 3.75:1 in red, 4:1 in blue).
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-yellow-light-color': '#744700',
    '--mantine-color-orange-light-color': '#8a3c00',
    '--mantine-color-blue-light-color': '#0b4a80',
    '--mantine-color-gray-light-color': t.colors.gray[8] ?? '#343a40',
  },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8' },
});
