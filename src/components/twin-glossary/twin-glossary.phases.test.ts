import { expect } from '@open-wc/testing';
import { expectAccessible } from '../../test-support/axe.js';
import { glossaryEntry, glossaryWith, openEntry, root, rowTexts, teacher } from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';

describe('<twin-glossary>: phases by name', () => {
  it('filters and shows an entry’s phase by its name: the plan’s, a removed one’s, a default one’s, never its id', async () => {
    const world = await glossaryWith({ user: teacher });
    await world.store.createAll([
      { collection: 'phase', id: 'ph-harbour', fields: { name: 'Harbour week', order: 1 } },
      { collection: 'phase', id: 'ph-old', fields: { name: 'Old plan', order: 2, archived: true } },
    ]);
    await world.store.createMany('glossary', [
      glossaryEntry({ en: { term: 'Breakwater' } }, { phase: 'ph-harbour' }),
      glossaryEntry({ en: { term: 'Ferry' } }, { phase: 'ph-old' }),
      glossaryEntry({ en: { term: 'Passport' } }, { phase: 'preparation' }),
      glossaryEntry({ en: { term: 'Tide' } }, { phase: 'zz-gone' }),
    ]);
    await until(() => rowTexts(world.glossary).length === 4, 'the entries');

    const select = [...root(world.glossary).querySelectorAll('.filters label')].find((label) => label.textContent!.includes('Phase'))!.querySelector('select')!;
    await until(() => [...select.options].some((option) => option.textContent === 'Harbour week'), 'the phase names');
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['All phases', 'Harbour week', 'Old plan', 'Preparation', 'A phase no longer in the plan']);

    for (const [term, name] of [['Breakwater', 'Harbour week'], ['Ferry', 'Old plan'], ['Passport', 'Preparation']]) {
      const entry = await openEntry(world.glossary, term);
      await until(() => root(entry).querySelector('.meta')?.textContent?.includes(name), `the phase of ${term}`);
      const terms = [...root(entry).querySelectorAll('.meta dt')];
      const phase = terms.find((dt) => dt.textContent === 'Phase')!.nextElementSibling!;
      expect(phase.textContent).to.equal(name);
      if (term === 'Breakwater') await expectAccessible(world.glossary);
      root(world.glossary).querySelector('dialog')!.close();
      await until(() => !root(world.glossary).querySelector('dialog[open]'), 'the dialog closed');
    }
    expect(root(world.glossary).textContent).not.to.include('ph-');
    await expectAccessible(world.glossary);
  });
});
