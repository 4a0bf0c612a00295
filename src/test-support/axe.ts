import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options?: RunOptions): Promise<AxeResults> };
  }
}

/** Runs axe-core (WCAG 2.2 A and AA rules) on an element and throws a readable list of violations. */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await window.axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  });
  if (results.violations.length) {
    const lines = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    throw new Error(`axe-core found ${results.violations.length} problem(s):\n  ${lines.join('\n  ')}`);
  }
}
