// Seeded memory adapters for the <twin-glossary> stories. Each is registered by name, like an
// integrator's adapter, and filled through the SDK (createStore + createMany) as the real partner
// schools would fill it: every record is validated and signed by its author. One backing per
// space id, seeded once: re-rendering a story (changing a control) keeps what the reader added.
import { createStore, registerAdapter, type GlossaryEntry, type SpaceSettings, type StorageAdapter, type TwinStore, type TwinUser } from '../../src/index.js';
import { createMemoryAdapter, MemoryBacking } from '../../src/sdk/adapters/memory/index.js';

// ---- people of the project ----------------------------------------------------------------------

/** Three partner schools of a coastal Erasmus+ project, and their members. */
export const SCHOOLS = {
  spain: 'IES Mar Menor (Cartagena)',
  italy: 'Liceo Scientifico Bari',
  france: 'Lycée de la Mer (Sète)',
} as const;

export const lucia: TwinUser = { id: 'teacher-lucia', name: 'Lucía Martínez', role: 'teacher', school: SCHOOLS.spain };
export const giulia: TwinUser = { id: 'teacher-giulia', name: 'Giulia Esposito', role: 'teacher', school: SCHOOLS.italy };
export const claire: TwinUser = { id: 'teacher-claire', name: 'Claire Dubois', role: 'teacher', school: SCHOOLS.france };
export const pablo: TwinUser = { id: 'pupil-pablo', name: 'Pablo Sánchez', role: 'pupil', school: SCHOOLS.spain };
export const marco: TwinUser = { id: 'pupil-marco', name: 'Marco Rossi', role: 'pupil', school: SCHOOLS.italy };
export const lea: TwinUser = { id: 'pupil-lea', name: 'Léa Martin', role: 'pupil', school: SCHOOLS.france };
export const observer: TwinUser = { id: 'guest-council', name: 'Cartagena city council', role: 'observer' };

type Fields = Record<string, unknown>;
const entry = (translations: GlossaryEntry['translations'], extra: { category?: string; tags?: string[] } = {}): Fields => ({ translations, ...extra });

// ---- a dozen real entries -------------------------------------------------------------------------

/** By the Spanish school: Mar Menor lagoon, salt pans, jellyfish. */
const fromSpain: Fields[] = [
  entry(
    {
      en: { term: 'Tide', definition: 'The daily rise and fall of the sea, caused by the pull of the Moon and the Sun.', example: 'At low tide we counted crabs in the rock pools.', aliases: ['tides', 'high water', 'low water'] },
      es: { term: 'Marea', definition: 'Subida y bajada diaria del nivel del mar, causada por la atracción de la Luna y el Sol.', example: 'Con la marea baja contamos cangrejos en las pozas.', aliases: ['pleamar', 'bajamar'] },
      fr: { term: 'Marée', definition: 'Montée et descente quotidiennes de la mer, dues à l’attraction de la Lune et du Soleil.', example: 'À marée basse, nous avons compté les crabes.' },
      it: { term: 'Marea', definition: 'L’innalzamento e l’abbassamento quotidiano del mare, causati da Luna e Sole.' },
    },
    { category: 'Sea', tags: ['physics'] },
  ),
  entry(
    {
      en: { term: 'Salt pan', definition: 'A shallow pond where sea water evaporates in the sun and leaves salt behind.', example: 'The salt pans of San Pedro del Pinatar are full of flamingos.', aliases: ['saltern', 'salt works'] },
      es: { term: 'Salina', definition: 'Estanque poco profundo donde el agua del mar se evapora al sol y deja la sal.', example: 'Las salinas de San Pedro del Pinatar están llenas de flamencos.' },
      it: { term: 'Salina', definition: 'Vasca poco profonda dove l’acqua di mare evapora e lascia il sale.' },
    },
    { category: 'Coast', tags: ['industry', 'birds'] },
  ),
  entry(
    {
      en: { term: 'Eutrophication', definition: 'Too many nutrients (from farm fertilisers) make algae grow so fast that the water runs out of oxygen.', example: 'In 2019 eutrophication killed tonnes of fish in the Mar Menor.' },
      es: { term: 'Eutrofización', definition: 'El exceso de nutrientes (de los abonos agrícolas) hace crecer tanto las algas que el agua se queda sin oxígeno.', example: 'En 2019 la eutrofización mató toneladas de peces en el Mar Menor.', aliases: ['sopa verde'] },
      fr: { term: 'Eutrophisation', definition: 'Trop de nutriments font proliférer les algues et l’eau manque d’oxygène.' },
      it: { term: 'Eutrofizzazione' },
    },
    { category: 'Ecology', tags: ['pollution', 'agriculture'] },
  ),
  entry(
    {
      es: { term: 'Calima', definition: 'Polvo del Sáhara en suspensión que vuelve el cielo amarillento y ensucia los coches.', example: 'Con la calima no se veía el cabo de Palos.' },
    },
    { category: 'Weather' },
  ),
  entry(
    {
      en: { term: 'Jellyfish', definition: 'A soft, see-through sea animal with stinging tentacles.', aliases: ['medusa'] },
      es: { term: 'Medusa', definition: 'Animal marino blando y transparente con tentáculos urticantes.', aliases: ['aguamala'] },
      fr: { term: 'Méduse' },
      it: { term: 'Medusa', aliases: ['Cassiopea mediterranea'] },
    },
    { category: 'Sea life' },
  ),
];

/** By the Italian school: harbour, breakwater, fishing. */
const fromItaly: Fields[] = [
  entry(
    {
      en: { term: 'Breakwater', definition: 'A wall built out into the sea to protect a harbour from the waves.', example: 'The old breakwater of Bari is 1.5 km long.', aliases: ['mole', 'jetty'] },
      es: { term: 'Rompeolas', definition: 'Muro construido en el mar para proteger un puerto de las olas.', aliases: ['escollera', 'espigón'] },
      it: { term: 'Frangiflutti', definition: 'Muro costruito in mare per proteggere un porto dalle onde.', example: 'Il vecchio frangiflutti di Bari è lungo un chilometro e mezzo.', aliases: ['molo foraneo'] },
    },
    { category: 'Harbour' },
  ),
  entry(
    {
      en: { term: 'Fishing net', definition: 'A net of knotted rope used to catch fish.' },
      es: { term: 'Red de pesca' },
      it: { term: 'Rete da pesca', definition: 'Rete di corda annodata usata per catturare i pesci.', example: 'I pescatori di San Nicola riparano le reti sul molo.' },
    },
    { category: 'Fishing' },
  ),
  entry(
    {
      en: { term: 'Lighthouse', definition: 'A tower with a bright light that guides ships at night.', example: 'The Punta San Cataldo lighthouse has flashed since 1869.' },
      es: { term: 'Faro', definition: 'Torre con una luz potente que guía a los barcos de noche.' },
      fr: { term: 'Phare', definition: 'Tour munie d’une lumière puissante qui guide les navires la nuit.' },
      it: { term: 'Faro', definition: 'Torre con una luce potente che guida le navi di notte.' },
    },
    { category: 'Harbour', tags: ['history'] },
  ),
  entry(
    {
      en: { term: 'Host family', definition: 'The family a visiting pupil lives with during the mobility.', example: 'My host family in Bari took me to see the fish market.' },
      es: { term: 'Familia de acogida', definition: 'La familia con la que vive el alumno durante la movilidad.' },
      fr: { term: 'Famille d’accueil' },
      it: { term: 'Famiglia ospitante', definition: 'La famiglia che ospita lo studente durante la mobilità.' },
    },
    { category: 'Mobility', tags: ['Erasmus+'] },
  ),
];

/** By the French school: seagrass, dunes, the learning agreement, and a paste from a website. */
const fromFrance: Fields[] = [
  entry(
    {
      en: { term: 'Seagrass meadow', definition: 'An underwater field of Posidonia, a flowering plant that shelters young fish and keeps beaches from washing away.', aliases: ['Posidonia meadow'] },
      es: { term: 'Pradera de posidonia', definition: 'Campo submarino de posidonia, una planta con flor que protege a los peces jóvenes y a las playas.' },
      fr: { term: 'Herbier de posidonie', definition: 'Prairie sous-marine de posidonie, une plante à fleurs qui abrite les jeunes poissons et protège les plages.', example: 'Au large de Sète, l’herbier recule chaque année.', aliases: ['herbier'] },
      it: { term: 'Prateria di posidonia' },
    },
    { category: 'Ecology', tags: ['protected'] },
  ),
  entry(
    {
      en: { term: 'Dune', definition: 'A hill of sand piled up by the wind behind a beach.' },
      fr: { term: 'Dune', definition: 'Colline de sable formée par le vent en arrière de la plage.', example: 'Les ganivelles protègent la dune du piétinement.' },
      it: { term: 'Duna' },
    },
    { category: 'Coast' },
  ),
  entry(
    {
      en: { term: 'Learning agreement', definition: 'The signed plan of what a pupil will learn during a mobility, agreed by both schools before the trip.' },
      es: { term: 'Acuerdo de aprendizaje', definition: 'El plan firmado de lo que aprenderá el alumno durante la movilidad.' },
      fr: { term: 'Contrat pédagogique', definition: 'Le plan signé de ce que l’élève apprendra pendant la mobilité, validé par les deux établissements.', aliases: ['learning agreement'] },
      it: { term: 'Accordo di apprendimento' },
    },
    { category: 'Mobility', tags: ['Erasmus+', 'paperwork'] },
  ),
  // Pasted from a website: markup must show as text, never run.
  entry(
    {
      en: { term: '<img src=x onerror=alert(1)>', definition: '<script>alert("xss")</script> Pasted from a website: this must appear as plain text.', example: '<b>not bold</b>' },
    },
    { category: '<i>Test</i>' },
  ),
];

/** Three pupils' drafts, waiting for a teacher when moderation is on for pupils. */
export const pupilDrafts: { user: TwinUser; entry: Fields }[] = [
  {
    user: pablo,
    entry: entry(
      { es: { term: 'Caballito de mar', definition: 'Pez pequeño con cabeza de caballo; en el Mar Menor casi desapareció.' }, en: { term: 'Seahorse' } },
      { category: 'Sea life' },
    ),
  },
  {
    user: marco,
    entry: entry({ it: { term: 'Scoglio', definition: 'Roccia che emerge dal mare vicino alla costa.' }, en: { term: 'Reef rock' } }, { category: 'Coast' }),
  },
  {
    user: lea,
    entry: entry(
      { fr: { term: 'Étang de Thau', definition: 'Grande lagune salée près de Sète, célèbre pour ses huîtres.' }, en: { term: 'Thau lagoon', definition: 'A large salt-water lagoon near Sète, famous for its oysters.' } },
      { category: 'Coast', tags: ['oysters'] },
    ),
  },
];

/** Comments and "helpful" marks on the Tide entry, from the three schools. */
const tideFeedback: { user: TwinUser; body?: string }[] = [
  { user: giulia, body: 'In Bari the tide is only about 30 cm: could we add a photo from Sète, where it is bigger?' },
  { user: lea, body: 'En français on dit aussi « le flux et le reflux ». I can add it as an alias.' },
  { user: marco, body: 'Helpful for the biology presentation, grazie!' },
  { user: pablo },
];

// ---- 10 000 generated entries ---------------------------------------------------------------------

/** [en, es, fr, it, category] */
const NOUNS: [string, string, string, string, string][] = [
  ['Tide pool', 'Poza de marea', 'Cuvette de marée', 'Pozza di marea', 'Coast'],
  ['Sandbank', 'Banco de arena', 'Banc de sable', 'Banco di sabbia', 'Coast'],
  ['Cliff', 'Acantilado', 'Falaise', 'Scogliera', 'Coast'],
  ['Cove', 'Cala', 'Crique', 'Caletta', 'Coast'],
  ['Lagoon', 'Laguna', 'Lagune', 'Laguna', 'Coast'],
  ['Estuary', 'Estuario', 'Estuaire', 'Estuario', 'Coast'],
  ['Pier', 'Muelle', 'Jetée', 'Molo', 'Harbour'],
  ['Buoy', 'Boya', 'Bouée', 'Boa', 'Harbour'],
  ['Anchor', 'Ancla', 'Ancre', 'Ancora', 'Harbour'],
  ['Slipway', 'Rampa', 'Cale de halage', 'Scivolo', 'Harbour'],
  ['Trawler', 'Arrastrero', 'Chalutier', 'Peschereccio', 'Fishing'],
  ['Fish market', 'Lonja', 'Criée', 'Mercato del pesce', 'Fishing'],
  ['Lobster pot', 'Nasa', 'Casier', 'Nassa', 'Fishing'],
  ['Octopus', 'Pulpo', 'Poulpe', 'Polpo', 'Sea life'],
  ['Sea urchin', 'Erizo de mar', 'Oursin', 'Riccio di mare', 'Sea life'],
  ['Starfish', 'Estrella de mar', 'Étoile de mer', 'Stella marina', 'Sea life'],
  ['Oyster', 'Ostra', 'Huître', 'Ostrica', 'Sea life'],
  ['Mussel', 'Mejillón', 'Moule', 'Cozza', 'Sea life'],
  ['Cuttlefish', 'Sepia', 'Seiche', 'Seppia', 'Sea life'],
  ['Flamingo', 'Flamenco', 'Flamant', 'Fenicottero', 'Birds'],
  ['Seagull', 'Gaviota', 'Mouette', 'Gabbiano', 'Birds'],
  ['Cormorant', 'Cormorán', 'Cormoran', 'Cormorano', 'Birds'],
  ['Current', 'Corriente', 'Courant', 'Corrente', 'Sea'],
  ['Wave', 'Ola', 'Vague', 'Onda', 'Sea'],
  ['Swell', 'Mar de fondo', 'Houle', 'Mareggiata', 'Sea'],
  ['Salinity', 'Salinidad', 'Salinité', 'Salinità', 'Sea'],
  ['Storm surge', 'Marejada ciclónica', 'Onde de tempête', 'Mareggiata di tempesta', 'Weather'],
  ['Sea breeze', 'Brisa marina', 'Brise de mer', 'Brezza marina', 'Weather'],
  ['Mistral', 'Mistral', 'Mistral', 'Maestrale', 'Weather'],
  ['Sirocco', 'Siroco', 'Sirocco', 'Scirocco', 'Weather'],
  ['Plankton', 'Plancton', 'Plancton', 'Plancton', 'Ecology'],
  ['Coral', 'Coral', 'Corail', 'Corallo', 'Ecology'],
  ['Marine reserve', 'Reserva marina', 'Réserve marine', 'Riserva marina', 'Ecology'],
  ['Oil spill', 'Vertido de petróleo', 'Marée noire', 'Fuoriuscita di petrolio', 'Ecology'],
  ['Beach clean-up', 'Limpieza de playa', 'Nettoyage de plage', 'Pulizia della spiaggia', 'Ecology'],
  ['Boarding pass', 'Tarjeta de embarque', 'Carte d’embarquement', 'Carta d’imbarco', 'Mobility'],
  ['Partner school', 'Centro socio', 'Établissement partenaire', 'Scuola partner', 'Mobility'],
  ['Certificate of attendance', 'Certificado de asistencia', 'Attestation de présence', 'Attestato di frequenza', 'Mobility'],
  ['Ferry', 'Transbordador', 'Ferry', 'Traghetto', 'Harbour'],
  ['Sailing boat', 'Velero', 'Voilier', 'Barca a vela', 'Harbour'],
];
const PLACES = ['Cartagena', 'Bari', 'Sète', 'La Manga', 'Polignano', 'Agde', 'Cabo de Palos', 'Monopoli', 'Frontignan', 'Mazarrón', 'Trani', 'Marseillan', 'Águilas', 'Molfetta', 'Palavas', 'Portmán', 'Brindisi', 'Bouzigues', 'Lo Pagán', 'Otranto', 'Balaruc', 'Torrevieja', 'Gallipoli', 'Mèze', 'Santa Pola'];

/** A small deterministic PRNG (mulberry32), so the 10 000 entries are the same on every load. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` deterministic entries in en, es, fr and it: every concept × place × survey point, with
 * some languages left out (about one entry in six lacks French, one in nine Italian) so that
 * "help wanted" shows, and definitions on most.
 */
export function generatedEntries(count: number): Fields[] {
  const random = prng(20260302);
  const out: Fields[] = [];
  for (let i = 0; i < count; i++) {
    const [en, es, fr, it, category] = NOUNS[i % NOUNS.length];
    const place = PLACES[Math.floor(i / NOUNS.length) % PLACES.length];
    const point = Math.floor(i / (NOUNS.length * PLACES.length)) + 1;
    const translations: GlossaryEntry['translations'] = { en: { term: `${en}, ${place} ${point}` }, es: { term: `${es}, ${place} ${point}` } };
    if (random() < 0.8) {
      translations.en.definition = `Survey note ${i + 1}: ${en.toLowerCase()} observed at ${place}, point ${point}.`;
      translations.es.definition = `Nota de campo ${i + 1}: ${es.toLowerCase()} en ${place}, punto ${point}.`;
    }
    if (random() > 1 / 6) translations.fr = { term: `${fr}, ${place} ${point}` };
    if (random() > 1 / 9) translations.it = { term: `${it}, ${place} ${point}` };
    out.push(entry(translations, { category }));
  }
  return out;
}

// ---- adapters -----------------------------------------------------------------------------------

/** A clock that starts on 2 March 2026 and ticks a minute per write, so dates are the same on every load. */
function storyClock() {
  let minute = 0;
  return () => new Date(Date.UTC(2026, 2, 2, 9, minute++));
}

/** Everyone writes through the SDK, on one shared backing, with a fixed clock. */
export function storesOn(backing: MemoryBacking, space: string, settings: Partial<SpaceSettings> = { moderation: 'off' }, now = storyClock()): (user: TwinUser) => TwinStore {
  return (user: TwinUser) => createStore({ adapter: createMemoryAdapter({ backing }), space, user, settings, now });
}

async function createAll(store: TwinStore, collection: string, items: Fields[]) {
  const results = await store.createMany(collection, items);
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) throw new Error(`Story seed: a ${collection} record was refused: ${failed.error.message}`);
  return results.map((result) => (result.ok ? result.record : undefined)!);
}

/** The dozen coastal entries from the three schools, with comments and "helpful" marks on Tide. */
export async function seedCoast(backing: MemoryBacking, space: string, now = storyClock()) {
  const storeFor = storesOn(backing, space, { moderation: 'off' }, now);
  const [tide] = await createAll(storeFor(lucia), 'glossary', fromSpain);
  await createAll(storeFor(giulia), 'glossary', fromItaly);
  await createAll(storeFor(claire), 'glossary', fromFrance);
  for (const { user, body } of tideFeedback) {
    if (body) await storeFor(user).create('glossary-comment', { target: tide.id, body });
    await storeFor(user).create('glossary-reaction', { target: tide.id, kind: 'helpful' });
  }
}

/** Coast entries plus three pupils' drafts written under `moderation: 'pupils'` (so pending). */
async function seedPending(backing: MemoryBacking, space: string) {
  const now = storyClock();
  await seedCoast(backing, space, now);
  const storeFor = storesOn(backing, space, { moderation: 'pupils' }, now);
  for (const { user, entry: fields } of pupilDrafts) await createAll(storeFor(user), 'glossary', [fields]);
}

/** 10 000 generated entries, written in batches of 1 000 by the three teachers in turn. */
async function seedLarge(backing: MemoryBacking, space: string) {
  const storeFor = storesOn(backing, space);
  const authors = [lucia, giulia, claire].map(storeFor);
  const all = generatedEntries(10_000);
  for (let start = 0, batch = 0; start < all.length; start += 1_000, batch++) {
    await createAll(authors[batch % authors.length], 'glossary', all.slice(start, start + 1_000));
    // Let the page paint ("Loading the glossary…") and answer input between batches.
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** A factory that seeds one backing per space id, once, and hands out adapters on it. */
export function seededFactory(seed?: (backing: MemoryBacking, space: string) => Promise<void>) {
  const backings = new Map<string, Promise<MemoryBacking>>();
  return async ({ space }: { space: string }): Promise<StorageAdapter> => {
    let backing = backings.get(space);
    if (!backing) {
      const fresh = new MemoryBacking();
      const started = performance.now();
      // The seeding time shows in the browser's performance timeline (scripts/look-at-stories.mjs reports it).
      backing = (seed ? seed(fresh, space) : Promise.resolve()).then(() => (performance.measure(`story-seed ${space}`, { start: started }), fresh));
      backings.set(space, backing);
    }
    return createMemoryAdapter({ backing: await backing });
  };
}

export const GLOSSARY_ADAPTERS = ['story-glossary-empty', 'story-glossary-coast', 'story-glossary-pending', 'story-glossary-10k'] as const;

/**
 * Registers the glossary story adapters. Called by the stories, not on import: package.json's
 * `sideEffects` would let the bundler drop a bare import.
 */
export function registerGlossaryStoryAdapters(): void {
  registerAdapter('story-glossary-empty', seededFactory());
  registerAdapter('story-glossary-coast', seededFactory(seedCoast));
  registerAdapter('story-glossary-pending', seededFactory(seedPending));
  registerAdapter('story-glossary-10k', seededFactory(seedLarge));
}
