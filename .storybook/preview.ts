import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

const preview: Preview = {
  globalTypes: {
    // Sets `lang` on the story root; Twinkit elements inherit it unless they set their own.
    locale: {
      description: 'UI language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
        ],
        dynamicTitle: true,
      },
    },
    // Sets `color-scheme` on the story root (and the page); the stories pass it to <twin-space theme>.
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    (story, { globals }) =>
      html`<div class="story-root" lang=${globals.locale} data-theme=${globals.theme} style="color-scheme: ${globals.theme}">
        ${story()}
      </div>`,
  ],
  parameters: {
    layout: 'padded',
    // The page background follows the Theme toolbar (see preview-head.html).
    backgrounds: { disable: true },
    controls: { expanded: true },
  },
};

export default preview;
