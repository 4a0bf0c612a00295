import type { StorybookConfig } from '@storybook/web-components-vite';

// Offline by design: no addons (the built-in toolbars, controls, actions and viewport suffice),
// no telemetry, no "what's new" or crash-report requests.
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/*.stories.ts'],
  addons: [],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    // Dev server: the renderer loads lit-html unbundled, so a pre-bundled copy of lit would be a
    // second lit-html on the page ("Multiple versions of Lit loaded"). Serve lit unbundled too.
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@lit/localize'],
    },
    // Storybook's own preview runtime is one ~900 kB chunk: not a finding about Twinkit, so no warning.
    build: { ...viteConfig.build, chunkSizeWarningLimit: 1200 },
  }),
};

export default config;
