import { expect } from '@open-wc/testing';
import type { TwinUser } from '../../sdk/policy/roles.js';
import type { JournalEntry } from '../../sdk/schemas/journal.js';
import type { JournalNote } from '../../sdk/schemas/journal-note.js';
import type { JournalPrompt } from '../../sdk/schemas/journal-prompt.js';
import { expectAccessible } from '../../test-support/axe.js';
import { teacher } from '../../test-support/glossary-fixture.js';
import { clickIn, editorOf, entryViewOf, journalRoot, journalWith } from '../../test-support/journal-fixture.js';
import { until } from '../../test-support/record-list.js';
import { untilStored } from '../../test-support/tracker-fixture.js';

const kasia: TwinUser = { id: 'pupil-kasia', name: 'Kasia Nowak', role: 'pupil', school: 'SP 12 Gdynia', mobile: true };
const marco: TwinUser = { id: 'pupil-marco', name: 'Marco Rossi', role: 'pupil', school: 'Liceo Galilei', mobile: false };
const ROSTER = JSON.stringify([
  { id: kasia.id, name: kasia.name, school: kasia.school, mobile: true },
  { id: marco.id, name: marco.name, school: marco.school, mobile: false },
]);

async function dialogForm(journal: Element) {
  await until(() => journalRoot(journal).querySelector('dialog[open] form'), 'the dialog form');
  return journalRoot(journal).querySelector<HTMLFormElement>('dialog[open] form')!;
}

function set(form: HTMLFormElement, name: string, value: string) {
  const field = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  field.value = value;
}

describe('<twin-journal>: prompts, the teacher’s overview, notes, portfolios and data', () => {
  it('a teacher schedules prompts by week; a wrong schedule is refused; the pupil sees them due, answers, and they are done', async () => {
    const world = await journalWith({ user: teacher });
    clickIn(journalRoot(world.journal), 'Prompts');
    await until(() => journalRoot(world.journal).textContent!.includes('Add a prompt set'), 'the prompts view');
    clickIn(journalRoot(world.journal), 'Add a prompt set');
    let form = await dialogForm(world.journal);
    set(form, 'title', 'Mobility week');
    set(form, 'prompts', 'What did I learn today?\nWhat surprised me?');
    set(form, 'from', '2027-03-14');
    set(form, 'to', '2027-03-08');
    clickIn(form, 'Save the prompt set');
    await until(() => form.querySelector('.form-problem')?.textContent, 'the refusal');
    expect(form.querySelector('.form-problem')!.textContent).to.include('ends before it starts');
    expect((await world.store.list('journal-prompt')).records.length, 'nothing saved').to.equal(0);
    set(form, 'from', '2027-03-08');
    set(form, 'to', '2027-03-14');
    clickIn(form, 'Save the prompt set');
    await until(() => journalRoot(world.journal).querySelector('.sets li'), 'the prompt set listed');

    const pupilView = await journalWith({ user: kasia, backing: world.backing, space: world.spaceId });
    await until(() => journalRoot(pupilView.journal).querySelector('.prompts'), 'the prompts due');
    const due = journalRoot(pupilView.journal).querySelector('.prompts')!;
    expect(due.textContent).to.include('Mobility week').and.include('Due');
    await expectAccessible(pupilView.journal);
    clickIn(due, /Answer/);
    await until(() => editorOf(pupilView.journal)?.shadowRoot?.querySelector('form'), 'the editor with the questions');
    const editor = editorOf(pupilView.journal)!.shadowRoot!;
    const answer = [...editor.querySelectorAll('label')].find((label) => label.textContent!.includes('What surprised me?'))!.querySelector('textarea')!;
    answer.value = 'The sea is not salty at all!';
    answer.dispatchEvent(new Event('input'));
    clickIn(editor, 'Save');
    await until(() => entryViewOf(pupilView.journal)?.shadowRoot?.querySelector('.answers'), 'the saved answers');
    expect(entryViewOf(pupilView.journal)!.shadowRoot!.querySelector('.answers')!.textContent).to.include('What surprised me?').and.include('The sea is not salty at all!');
    const [set1] = (await world.store.list<JournalPrompt>('journal-prompt')).records;
    const [entry] = (await pupilView.store.list<JournalEntry>('journal')).records;
    expect(entry.promptSet).to.equal(set1.id);
    journalRoot(pupilView.journal).querySelector('dialog')!.close();
    await until(() => journalRoot(pupilView.journal).querySelector('.prompts .badge.done'), 'done');
  });

  it("the overview shows pupils by week, who needs a nudge; a teacher opens a pupil's journal and leaves a private note", async () => {
    const world = await journalWith({ user: teacher, pupils: ROSTER });
    await world.storeFor(kasia).create('journal', { date: '2027-03-09', title: 'Ferry', visibility: 'private' });
    await world.storeFor(kasia).create('journal', { date: '2027-03-10', title: 'Harbour', visibility: 'space' });
    await until(() => journalRoot(world.journal).querySelectorAll('table.overview tbody tr').length === 2, 'two pupils');
    await until(() => journalRoot(world.journal).querySelector('table.overview')!.textContent!.includes('2 written'), 'both entries counted');
    const rows = [...journalRoot(world.journal).querySelectorAll('table.overview tbody tr')];
    const kasiaRow = rows.find((row) => row.textContent!.includes('Kasia'))!;
    const marcoRow = rows.find((row) => row.textContent!.includes('Marco'))!;
    expect(kasiaRow.textContent).to.include('2 written');
    expect(marcoRow.textContent).to.include('Needs a nudge');
    expect(kasiaRow.textContent).to.not.include('Needs a nudge');
    await expectAccessible(world.journal);

    clickIn(kasiaRow, 'Kasia Nowak');
    await until(() => journalRoot(world.journal).textContent!.includes('Journal of Kasia Nowak'), "Kasia's journal");
    expect([...journalRoot(world.journal).querySelectorAll('.entry-title')].map((t) => t.textContent)).to.have.members(['Ferry', 'Harbour']);
    const note = journalRoot(world.journal).querySelector<HTMLFormElement>('.notes form')!;
    note.querySelector('textarea')!.value = 'Lovely detail about the ferry. Add a photo next time?';
    clickIn(note, 'Send the note');
    await untilStored(async () => (await world.storeFor(kasia).list<JournalNote>('journal-note')).records.length === 1, 'the note for Kasia');
    expect((await world.storeFor(marco).list('journal-note')).records.length, 'not for Marco, even through the store').to.equal(0);

    const hers = await journalWith({ user: kasia, backing: world.backing, space: world.spaceId });
    await until(() => journalRoot(hers.journal).querySelector('.notes'), 'her notes');
    expect(journalRoot(hers.journal).querySelector('.notes')!.textContent).to.include('Add a photo next time?');
  });

  it("prints a pupil's portfolio as a self-contained document, her entries' text sanitised", async () => {
    const world = await journalWith({ user: teacher, pupils: ROSTER });
    await world.storeFor(kasia).create('journal', { date: '2027-03-10', title: '<b>Harbour</b> day', visibility: 'space', body: '<p>We saw <strong>ships</strong> and <a href="https://example.org">a museum</a>.</p>' });
    await until(() => journalRoot(world.journal).querySelector('table.overview'), 'the overview');
    clickIn(journalRoot(world.journal), 'Kasia Nowak');
    await until(() => journalRoot(world.journal).querySelector('details.person'), 'the pupil');
    journalRoot(world.journal).querySelector<HTMLDetailsElement>('details.person')!.open = true;
    clickIn(journalRoot(world.journal), 'Print the portfolio');
    await until(() => journalRoot(world.journal).querySelector('iframe.print'), 'the print frame');
    const frame = journalRoot(world.journal).querySelector<HTMLIFrameElement>('iframe.print')!;
    expect(frame.getAttribute('sandbox')).to.not.include('allow-scripts');
    const doc = new DOMParser().parseFromString(frame.srcdoc, 'text/html');
    expect(doc.body.textContent).to.include('<b>Harbour</b> day').and.include('ships');
    expect(doc.querySelector('strong')!.textContent).to.equal('ships');
    expect(doc.querySelector('b'), 'the title stays text').to.equal(null);
    expect(doc.querySelector('script')).to.equal(null);
  });

  it('a pupil downloads all her data and erases it; what others wrote stays', async () => {
    const world = await journalWith({ user: kasia });
    await world.store.create('journal', { date: '2027-03-10', title: 'Mine', visibility: 'space' });
    await world.store.create('glossary', { translations: { en: { term: 'pier' } } });
    await world.storeFor(marco).create('journal', { date: '2027-03-10', title: 'Marco’s', visibility: 'space' });
    await until(() => journalRoot(world.journal).querySelector('details.person'), 'her data section');
    journalRoot(world.journal).querySelector<HTMLDetailsElement>('details.person')!.open = true;
    const saved: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (saved.push(blob as Blob), original(blob as Blob));
    try {
      clickIn(journalRoot(world.journal), 'Download all data (JSON)');
      await until(() => saved.length === 1, 'the download');
    } finally {
      URL.createObjectURL = original;
    }
    const data = JSON.parse(await saved[0].text());
    expect(data.records.journal.map((e: JournalEntry) => e.title)).to.deep.equal(['Mine']);
    expect(data.records.glossary.length).to.equal(1);

    clickIn(journalRoot(world.journal), 'Erase all data…');
    await until(() => journalRoot(world.journal).querySelector('dialog[open] button.danger'), 'the confirmation');
    clickIn(journalRoot(world.journal).querySelector('dialog[open]')!, 'Erase');
    await untilStored(async () => (await world.storeFor(teacher).list('journal')).records.length === 1, 'erased');
    const left = await world.storeFor(teacher).list<JournalEntry>('journal');
    expect(left.records.map((e) => e.title)).to.deep.equal(['Marco’s']);
    expect((await world.storeFor(teacher).list('glossary')).records.length).to.equal(0);
  });

  it('speaks Spanish inside a Spanish page', async () => {
    const world = await journalWith({ user: kasia, lang: 'es' });
    await until(() => journalRoot(world.journal).textContent!.includes('Escribir una entrada'), 'the Spanish UI');
    const editor = await startEntryEs(world.journal);
    expect(editor.shadowRoot!.textContent).to.include('Quién puede leerla');
    await expectAccessible(world.journal);
  });
});

async function startEntryEs(journal: Element) {
  clickIn(journalRoot(journal), 'Escribir una entrada');
  await until(() => editorOf(journal)?.shadowRoot?.querySelector('form'), 'the editor');
  return editorOf(journal)!;
}

