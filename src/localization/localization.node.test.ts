import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { templates as es } from './locales/es.js';

/** Every `msg(..., { id: '...' })` in the source. */
function messageIds(dir: string, out = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'locales') messageIds(path, out);
    } else if (name.endsWith('.ts') && !name.includes('.test.')) {
      const source = readFileSync(path, 'utf8');
      for (const match of source.matchAll(/msg\([\s\S]*?\{\s*id:\s*'([^']+)'\s*,?\s*\}\s*,?\s*\)/g)) out.add(match[1]);
    }
  }
  return out;
}

describe('localization', () => {
  const ids = messageIds(new URL('..', import.meta.url).pathname);

  it('finds the messages of the source', () => {
    assert.ok(ids.size >= 10, `only ${ids.size} message ids found`);
    assert.ok(ids.has('status.no-space'));
  });

  it('has a Spanish translation for every message, and none left over', () => {
    const spanish = new Set(Object.keys(es));
    assert.deepEqual([...ids].filter((id) => !spanish.has(id)), [], 'missing in es.ts');
    assert.deepEqual([...spanish].filter((id) => !ids.has(id)), [], 'unused in es.ts');
  });

  it('keeps every placeholder of a message in its translation', () => {
    for (const [id, template] of Object.entries(es)) {
      if (typeof template === 'string') continue;
      const placeholders = (template as { values: unknown[] }).values.length;
      assert.ok(placeholders > 0, `${id} has a str template without placeholders`);
    }
  });
});
