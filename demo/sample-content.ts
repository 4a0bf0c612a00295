import type { TwinStore } from '../src/sdk/store/create-store.js';
import type { BatchResult, TwinRecord } from '../src/sdk/store/store-types.js';

/** A project's first content, as a teacher would set it up before the mobility. */
export async function seedSampleContent(store: TwinStore): Promise<void> {
  const failed = (results: BatchResult<TwinRecord>[]) => results.find((result) => !result.ok);
  const phases = await store.createMany('phase', [
    { name: 'Preparation', order: 1, startsOn: '2026-10-01', endsOn: '2027-02-28' },
    { name: 'Mobility in Gdynia', order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14' },
    { name: 'Reflection', order: 3, startsOn: '2027-03-15', endsOn: '2027-04-30' },
    { name: 'Dissemination', order: 4, startsOn: '2027-05-01', endsOn: '2027-06-20' },
  ]);
  const entry = (category: string, en: string, es: string, pl: string, it: string) => ({
    category,
    translations: { en: { term: en }, es: { term: es }, pl: { term: pl }, it: { term: it } },
  });
  const entries = await store.createMany('glossary', [
    entry('Coast', 'harbour', 'puerto', 'port', 'porto'),
    entry('Coast', 'lighthouse', 'faro', 'latarnia morska', 'faro'),
    entry('Fishing', 'fishing net', 'red de pesca', 'sieć rybacka', 'rete da pesca'),
    entry('Climate', 'sea level rise', 'subida del nivel del mar', 'wzrost poziomu morza', 'innalzamento del livello del mare'),
    entry('Tourism', 'seasonal work', 'trabajo de temporada', 'praca sezonowa', 'lavoro stagionale'),
  ].map((item) => ({ ...item, phase: 'preparation' })));
  const failure = failed(phases) ?? failed(entries);
  if (failure && !failure.ok) throw failure.error;
}
