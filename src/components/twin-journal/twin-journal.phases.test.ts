import { expect } from '@open-wc/testing';
import type { Phase } from '../../sdk/schemas/phase.js';
import { expectAccessible } from '../../test-support/axe.js';
import { pupil, teacher } from '../../test-support/glossary-fixture.js';
import { clickIn, journalRoot, journalWith } from '../../test-support/journal-fixture.js';
import { until } from '../../test-support/record-list.js';

const kasia = { ...pupil, mobile: true };
const prompts = [{ id: 'q1', text: 'What did I learn?' }];

describe('<twin-journal>: phases by name', () => {
  it('prompt sets scheduled by phase show the phase’s name, a removed phase’s too, never its id', async () => {
    const world = await journalWith({ user: teacher });
    const [harbour, old] = (await world.store.createAll([
      { collection: 'phase', id: 'ph-harbour', fields: { name: 'Harbour week', order: 1 } },
      { collection: 'phase', id: 'ph-old', fields: { name: 'Old plan', order: 2 } },
      { collection: 'project', id: 'settings', fields: { currentPhase: 'ph-harbour' } },
    ])) as Phase[];
    await world.store.createAll([
      { collection: 'journal-prompt', fields: { title: 'At the harbour', order: 1, prompts, schedule: { phase: harbour.id } } },
      { collection: 'journal-prompt', fields: { title: 'From the old plan', order: 2, prompts, schedule: { phase: old.id } } },
    ]);
    // Removed after the set was scheduled in it: the set keeps it, by name.
    await world.store.update('phase', old, { archived: true });

    clickIn(journalRoot(world.journal), 'Prompts');
    await until(() => journalRoot(world.journal).querySelectorAll('.sets > li').length === 2, 'the prompt sets');
    const meta = (title: string) =>
      [...journalRoot(world.journal).querySelectorAll('.sets > li')].find((item) => item.textContent!.includes(title))!.querySelector('.meta')!.textContent!.trim();
    await until(() => meta('From the old plan') === 'Old plan', 'the removed phase named');
    expect(meta('At the harbour')).to.equal('Harbour week');
    expect(journalRoot(world.journal).textContent).not.to.include('ph-');
    await expectAccessible(world.journal);

    const pupilView = await journalWith({ user: kasia, backing: world.backing, space: world.spaceId });
    await until(() => journalRoot(pupilView.journal).querySelector('.prompts .meta'), 'the prompts due');
    expect(journalRoot(pupilView.journal).querySelector('.prompts .meta')!.textContent!.trim()).to.equal('Harbour week');
    expect(journalRoot(pupilView.journal).textContent).not.to.include('ph-');
    await expectAccessible(pupilView.journal);
  });
});
