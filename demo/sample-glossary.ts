/** A coastal project's glossary, as partner pupils and teachers would write it before the trip. */
type T = { term: string; definition?: string; example?: string; aliases?: string[] };
interface SampleEntry {
  by: 'teacher-lucia' | 'pupil-kasia' | 'pupil-marco';
  category: string;
  translations: { en?: T; es?: T; pl?: T; it?: T };
  /** The project phase it was added in (default: preparation). */
  phase?: string;
}

export const SAMPLE_GLOSSARY: SampleEntry[] = [
  {
    by: 'teacher-lucia',
    category: 'Coast',
    translations: {
      en: { term: 'harbour', definition: 'A sheltered place on the coast where boats stay safe.', example: 'The fishing boats come back to the harbour at dawn.', aliases: ['port'] },
      es: { term: 'puerto', definition: 'Lugar protegido de la costa donde los barcos están seguros.', example: 'Los pesqueros vuelven al puerto al amanecer.' },
      pl: { term: 'port', definition: 'Osłonięte miejsce na wybrzeżu, gdzie łodzie są bezpieczne.' },
      it: { term: 'porto', definition: 'Luogo riparato della costa dove le barche stanno al sicuro.' },
    },
  },
  {
    by: 'pupil-kasia',
    category: 'Coast',
    phase: 'mobility',
    translations: {
      en: { term: 'lighthouse', definition: 'A tower with a bright light that guides ships at night.' },
      es: { term: 'faro', definition: 'Torre con una luz potente que guía a los barcos de noche.' },
      pl: { term: 'latarnia morska', definition: 'Wieża z jasnym światłem, która nocą prowadzi statki.' },
      it: { term: 'faro', definition: 'Torre con una luce forte che guida le navi di notte.' },
    },
  },
  {
    by: 'pupil-marco',
    category: 'Fishing',
    translations: {
      en: { term: 'fishing net', definition: 'A net used to catch fish.' },
      es: { term: 'red de pesca' },
      it: { term: 'rete da pesca', definition: 'Rete usata per catturare i pesci.', example: 'Mio nonno ripara le reti da pesca ogni inverno.' },
    },
  },
  {
    by: 'teacher-lucia',
    category: 'Climate',
    translations: {
      en: { term: 'sea level rise', definition: 'The slow increase of the average height of the sea, caused by warming.' },
      es: { term: 'subida del nivel del mar', definition: 'Aumento lento de la altura media del mar, causado por el calentamiento.' },
      pl: { term: 'wzrost poziomu morza' },
      it: { term: 'innalzamento del livello del mare' },
    },
  },
  {
    by: 'pupil-kasia',
    category: 'Tourism',
    translations: {
      en: { term: 'seasonal work', definition: 'A job that exists only in one part of the year, such as summer.' },
      pl: { term: 'praca sezonowa', definition: 'Praca, która istnieje tylko w części roku, na przykład latem.' },
    },
  },
  {
    by: 'pupil-marco',
    category: 'Sea',
    translations: {
      en: { term: 'tide', definition: 'The rise and fall of the sea twice a day, caused by the Moon.', aliases: ['tides'] },
      es: { term: 'marea', definition: 'Subida y bajada del mar dos veces al día, causada por la Luna.' },
      it: { term: 'marea', definition: 'Il salire e scendere del mare due volte al giorno, causato dalla Luna.' },
    },
  },
  {
    by: 'pupil-kasia',
    category: 'Sea',
    phase: 'mobility',
    translations: {
      en: { term: 'amber', definition: 'Fossil tree resin, found on Baltic beaches after storms.' },
      pl: { term: 'bursztyn', definition: 'Skamieniała żywica drzew, znajdowana na bałtyckich plażach po sztormach.', example: 'Po sztormie zbieraliśmy bursztyn na plaży w Gdyni.' },
      es: { term: 'ámbar' },
    },
  },
  {
    by: 'teacher-lucia',
    category: 'Sea',
    translations: {
      en: { term: 'salt marsh', definition: 'Coastal land flooded by salt water at high tide.' },
      es: { term: 'saladar', definition: 'Terreno costero que se inunda de agua salada con la marea alta.', aliases: ['marisma'] },
      it: { term: 'barena' },
    },
  },
  {
    by: 'pupil-marco',
    category: 'Fishing',
    translations: {
      en: { term: 'trawler', definition: 'A fishing boat that pulls a large net through the water.' },
      es: { term: 'arrastrero' },
      pl: { term: 'trawler' },
      it: { term: 'peschereccio a strascico' },
    },
  },
  {
    by: 'teacher-lucia',
    category: 'Climate',
    translations: {
      en: { term: 'coastal erosion', definition: 'The wearing away of land by waves, currents and storms.' },
      es: { term: 'erosión costera', definition: 'Desgaste de la tierra por las olas, las corrientes y los temporales.' },
      pl: { term: 'erozja wybrzeża', definition: 'Niszczenie lądu przez fale, prądy i sztormy.' },
      it: { term: 'erosione costiera', definition: "Consumo della terra da parte di onde, correnti e tempeste." },
    },
  },
  {
    by: 'pupil-kasia',
    category: 'Tourism',
    phase: 'mobility',
    translations: {
      en: { term: 'pier', definition: 'A long platform built from the shore out over the sea.' },
      pl: { term: 'molo', definition: 'Długi pomost zbudowany od brzegu w głąb morza.', example: 'Molo w Sopocie jest najdłuższe nad Bałtykiem.' },
      es: { term: 'muelle' },
      it: { term: 'molo' },
    },
  },
  {
    by: 'pupil-marco',
    category: 'Sea',
    translations: {
      en: { term: 'seagrass', definition: 'A flowering plant that grows under the sea and shelters young fish.' },
      es: { term: 'posidonia', definition: 'Planta con flores que crece bajo el mar y protege a los peces jóvenes.' },
      it: { term: 'posidonia', definition: 'Pianta con fiori che cresce sott’acqua e protegge i pesci giovani.' },
    },
  },
];

/** Comments from pupils who stay home, and entries they found helpful: [term, author, text]. */
export const SAMPLE_COMMENTS: [string, 'pupil-kasia' | 'pupil-marco' | 'teacher-lucia', string][] = [
  ['harbour', 'pupil-marco', 'In Bari we also say "porto vecchio" for the old harbour.'],
  ['amber', 'teacher-lucia', 'We will visit the amber museum in Gdańsk on day 3.'],
  ['tide', 'pupil-kasia', 'The Baltic has almost no tide! We measured it in class.'],
];

/** A pupil's entry still waiting for a teacher (the space moderates pupils' content). */
export const SAMPLE_PENDING: SampleEntry = {
  by: 'pupil-kasia',
  category: 'Sea',
  translations: { en: { term: 'jellyfish', definition: 'A soft sea animal shaped like a bell.' }, pl: { term: 'meduza' } },
};
