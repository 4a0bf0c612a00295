import type { TwinSpace } from '../src/components/twin-space/twin-space.component.js';
import { defineElement } from '../src/components/base/define-element.js';
import { roleLabel } from '../src/localization/role-label.js';
import { matchLocale, setUiLocale, SUPPORTED_LOCALES } from '../src/localization/localization.js';
import { demoCouchOptions, demoServer } from './demo-couch.js';
import { DemoSpacePanel } from './demo-space-panel.js';
import { demoText, type DemoKey } from './demo-strings.js';
import { DEMO_USERS } from './demo-users.js';

const space = document.querySelector('twin-space') as TwinSpace;
const userSelect = document.querySelector<HTMLSelectElement>('#demo-user')!;
const langSelect = document.querySelector<HTMLSelectElement>('#demo-lang')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#demo-theme')!;
/** Set when `npm run start:couch` or `start:remote` served the page: the space then syncs with that server. */
const server = demoServer();

if (server) {
  document.querySelector('[data-text="footer"]')?.setAttribute('data-text', 'footerServer');
  const hint = Object.assign(document.createElement('p'), { className: 'hint' });
  hint.dataset.text = 'serverHint';
  document.querySelector('.controls')?.append(hint);
}

/** The visitor's choices survive a reload. */
const saved = (key: string, fallback: string) => {
  try {
    return localStorage.getItem(`twinkit-demo:${key}`) ?? fallback;
  } catch {
    return fallback;
  }
};
const save = (key: string, value: string) => {
  try {
    localStorage.setItem(`twinkit-demo:${key}`, value);
  } catch {
    // Private mode: the choice lasts for this page view.
  }
};

function signIn(id: string) {
  const user = DEMO_USERS.find((u) => u.id === id) ?? DEMO_USERS[0];
  space.setAttribute('user-id', user.id);
  space.setAttribute('user-name', user.name);
  space.setAttribute('user-role', user.role);
  if (user.school) space.setAttribute('school', user.school);
  else space.removeAttribute('school');
  space.toggleAttribute('mobile', Boolean(user.mobile));
  if (server) {
    // Each demo user signs in to the server as themselves, so its rules apply.
    space.setAttribute('adapter', server.adapter);
    space.setAttribute('adapter-options', JSON.stringify(demoCouchOptions(server.url, user.id)));
  }
  save('user', user.id);
}

async function speak(lang: string) {
  document.documentElement.lang = lang;
  await setUiLocale(lang);
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = demoText(el.dataset.text as DemoKey, lang);
  for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) el.setAttribute('aria-label', demoText(el.dataset.label as DemoKey, lang));
  document.title = `${demoText('title', lang)} · IES Mar Menor · Erasmus+`;
  const selected = userSelect.value;
  userSelect.replaceChildren(
    ...DEMO_USERS.map((user) => {
      const detail =
        user.role === 'pupil' ? `${roleLabel(user.role)}, ${demoText(user.mobile ? 'travels' : 'staysHome', lang)}` : roleLabel(user.role);
      return new Option(`${user.name} — ${detail}`, user.id);
    }),
  );
  userSelect.value = selected || saved('user', DEMO_USERS[0].id);
  save('lang', lang);
}

function paint(theme: string) {
  space.setAttribute('theme', theme);
  document.documentElement.style.colorScheme = theme;
  save('theme', theme);
}

// Every UI language, each named in itself; the page's own texts are in each of them too (demo/strings).
const nameOf = (code: string) => {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
};
langSelect.replaceChildren(...[...SUPPORTED_LOCALES].sort().map((code) => Object.assign(new Option(nameOf(code), code), { lang: code })));
langSelect.value = saved('lang', matchLocale(navigator.language));
themeSelect.value = saved('theme', matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
await speak(langSelect.value);
signIn(userSelect.value);
paint(themeSelect.value);

// Tags are defined only now, so the space starts as the chosen user (not as an anonymous one first).
await import('../src/define.js');
defineElement('demo-space-panel', DemoSpacePanel);

userSelect.addEventListener('change', () => signIn(userSelect.value));
langSelect.addEventListener('change', () => void speak(langSelect.value));
themeSelect.addEventListener('change', () => paint(themeSelect.value));
