/**
 * Deterministic data for the glossary UI benchmark: realistic entries of a school glossary in
 * English, Spanish, French and Italian. Terms are a concept, alone or with a qualifier ("coastal
 * erosion", "erosión costera", "érosion côtière"...), so a search for "marée", "sea lev" or
 * "puerto" finds what a pupil would expect. Definitions are 60 to 240 characters, some entries
 * have an example or an alias, and some languages are missing (waiting for a partner's
 * translation). Generated from a fixed seed with the benchmark's PRNG.
 */
import { prng } from './data.js';

export const GLOSSARY_LANGUAGES = ['en', 'es', 'fr', 'it'] as const;
type Lang = (typeof GLOSSARY_LANGUAGES)[number];
type Words = readonly [en: string, es: string, fr: string, it: string];

export interface GlossaryBenchFields {
  translations: Partial<Record<Lang, { term: string; definition: string; example?: string; aliases?: string[] }>>;
  category: string;
  tags: string[];
  [field: string]: unknown;
}

const CONCEPTS: readonly Words[] = [
  ['tide', 'marea', 'marée', 'marea'],
  ['sea level', 'nivel del mar', 'niveau de la mer', 'livello del mare'],
  ['harbour', 'puerto', 'port', 'porto'],
  ['glacier', 'glaciar', 'glacier', 'ghiacciaio'],
  ['river', 'río', 'rivière', 'fiume'],
  ['estuary', 'estuario', 'estuaire', 'estuario'],
  ['wave', 'ola', 'vague', 'onda'],
  ['current', 'corriente', 'courant', 'corrente'],
  ['beach', 'playa', 'plage', 'spiaggia'],
  ['cliff', 'acantilado', 'falaise', 'scogliera'],
  ['island', 'isla', 'île', 'isola'],
  ['lake', 'lago', 'lac', 'lago'],
  ['rain', 'lluvia', 'pluie', 'pioggia'],
  ['drought', 'sequía', 'sécheresse', 'siccità'],
  ['flood', 'inundación', 'inondation', 'alluvione'],
  ['storm', 'tormenta', 'tempête', 'tempesta'],
  ['wind', 'viento', 'vent', 'vento'],
  ['cloud', 'nube', 'nuage', 'nuvola'],
  ['forest', 'bosque', 'forêt', 'foresta'],
  ['soil', 'suelo', 'sol', 'suolo'],
  ['seed', 'semilla', 'graine', 'seme'],
  ['harvest', 'cosecha', 'récolte', 'raccolto'],
  ['compost', 'compost', 'compost', 'compost'],
  ['waste', 'residuo', 'déchet', 'rifiuto'],
  ['recycling', 'reciclaje', 'recyclage', 'riciclaggio'],
  ['plastic', 'plástico', 'plastique', 'plastica'],
  ['energy', 'energía', 'énergie', 'energia'],
  ['solar panel', 'panel solar', 'panneau solaire', 'pannello solare'],
  ['wind turbine', 'aerogenerador', 'éolienne', 'turbina eolica'],
  ['power station', 'central eléctrica', 'centrale électrique', 'centrale elettrica'],
  ['fuel', 'combustible', 'carburant', 'combustibile'],
  ['emission', 'emisión', 'émission', 'emissione'],
  ['greenhouse gas', 'gas de efecto invernadero', 'gaz à effet de serre', 'gas serra'],
  ['climate', 'clima', 'climat', 'clima'],
  ['temperature', 'temperatura', 'température', 'temperatura'],
  ['season', 'estación', 'saison', 'stagione'],
  ['ice', 'hielo', 'glace', 'ghiaccio'],
  ['snow', 'nieve', 'neige', 'neve'],
  ['mountain', 'montaña', 'montagne', 'montagna'],
  ['valley', 'valle', 'vallée', 'valle'],
  ['desert', 'desierto', 'désert', 'deserto'],
  ['wetland', 'humedal', 'zone humide', 'zona umida'],
  ['coral reef', 'arrecife de coral', 'récif corallien', 'barriera corallina'],
  ['fish', 'pez', 'poisson', 'pesce'],
  ['bird', 'ave', 'oiseau', 'uccello'],
  ['bee', 'abeja', 'abeille', 'ape'],
  ['habitat', 'hábitat', 'habitat', 'habitat'],
  ['species', 'especie', 'espèce', 'specie'],
  ['biodiversity', 'biodiversidad', 'biodiversité', 'biodiversità'],
  ['food chain', 'cadena alimentaria', 'chaîne alimentaire', 'catena alimentare'],
  ['water cycle', 'ciclo del agua', "cycle de l'eau", "ciclo dell'acqua"],
  ['groundwater', 'agua subterránea', 'nappe phréatique', 'falda acquifera'],
  ['dam', 'presa', 'barrage', 'diga'],
  ['bridge', 'puente', 'pont', 'ponte'],
  ['road', 'carretera', 'route', 'strada'],
  ['railway', 'ferrocarril', 'chemin de fer', 'ferrovia'],
  ['bicycle lane', 'carril bici', 'piste cyclable', 'pista ciclabile'],
  ['market', 'mercado', 'marché', 'mercato'],
  ['town hall', 'ayuntamiento', 'mairie', 'municipio'],
  ['citizen', 'ciudadano', 'citoyen', 'cittadino'],
  ['election', 'elección', 'élection', 'elezione'],
  ['law', 'ley', 'loi', 'legge'],
  ['right', 'derecho', 'droit', 'diritto'],
  ['border', 'frontera', 'frontière', 'confine'],
  ['language', 'idioma', 'langue', 'lingua'],
  ['dialect', 'dialecto', 'dialecte', 'dialetto'],
  ['festival', 'fiesta', 'fête', 'festa'],
  ['tradition', 'tradición', 'tradition', 'tradizione'],
  ['castle', 'castillo', 'château', 'castello'],
  ['cathedral', 'catedral', 'cathédrale', 'cattedrale'],
  ['museum', 'museo', 'musée', 'museo'],
  ['painting', 'pintura', 'peinture', 'pittura'],
  ['sculpture', 'escultura', 'sculpture', 'scultura'],
  ['song', 'canción', 'chanson', 'canzone'],
  ['dance', 'baile', 'danse', 'danza'],
  ['recipe', 'receta', 'recette', 'ricetta'],
  ['bread', 'pan', 'pain', 'pane'],
  ['cheese', 'queso', 'fromage', 'formaggio'],
  ['olive oil', 'aceite de oliva', "huile d'olive", "olio d'oliva"],
  ['vineyard', 'viñedo', 'vignoble', 'vigneto'],
  ['farm', 'granja', 'ferme', 'fattoria'],
  ['fisherman', 'pescador', 'pêcheur', 'pescatore'],
  ['lighthouse', 'faro', 'phare', 'faro'],
  ['shipwreck', 'naufragio', 'naufrage', 'naufragio'],
  ['map', 'mapa', 'carte', 'mappa'],
  ['compass', 'brújula', 'boussole', 'bussola'],
  ['volcano', 'volcán', 'volcan', 'vulcano'],
  ['earthquake', 'terremoto', 'tremblement de terre', 'terremoto'],
  ['erosion', 'erosión', 'érosion', 'erosione'],
  ['pollution', 'contaminación', 'pollution', 'inquinamento'],
  ['noise', 'ruido', 'bruit', 'rumore'],
  ['air quality', 'calidad del aire', "qualité de l'air", "qualità dell'aria"],
  ['public transport', 'transporte público', 'transports en commun', 'trasporto pubblico'],
  ['school garden', 'huerto escolar', 'jardin scolaire', 'orto scolastico'],
  ['exchange', 'intercambio', 'échange', 'scambio'],
  ['friendship', 'amistad', 'amitié', 'amicizia'],
  ['neighbourhood', 'barrio', 'quartier', 'quartiere'],
  ['square', 'plaza', 'place', 'piazza'],
  ['fountain', 'fuente', 'fontaine', 'fontana'],
  ['street', 'calle', 'rue', 'via'],
];

/** English puts the qualifier first; Spanish, French and Italian after the noun. */
const QUALIFIERS: readonly Words[] = [
  ['coastal', 'costero', 'côtier', 'costiero'],
  ['local', 'local', 'local', 'locale'],
  ['urban', 'urbano', 'urbain', 'urbano'],
  ['rural', 'rural', 'rural', 'rurale'],
  ['ancient', 'antiguo', 'ancien', 'antico'],
  ['modern', 'moderno', 'moderne', 'moderno'],
  ['seasonal', 'estacional', 'saisonnier', 'stagionale'],
  ['daily', 'diario', 'quotidien', 'quotidiano'],
  ['annual', 'anual', 'annuel', 'annuale'],
  ['natural', 'natural', 'naturel', 'naturale'],
  ['artificial', 'artificial', 'artificiel', 'artificiale'],
  ['public', 'público', 'public', 'pubblico'],
  ['private', 'privado', 'privé', 'privato'],
  ['European', 'europeo', 'européen', 'europeo'],
  ['Mediterranean', 'mediterráneo', 'méditerranéen', 'mediterraneo'],
  ['Atlantic', 'atlántico', 'atlantique', 'atlantico'],
  ['Alpine', 'alpino', 'alpin', 'alpino'],
  ['northern', 'del norte', 'du nord', 'del nord'],
  ['southern', 'del sur', 'du sud', 'del sud'],
  ['eastern', 'del este', "de l'est", "dell'est"],
  ['western', 'del oeste', "de l'ouest", "dell'ovest"],
  ['high', 'alto', 'haut', 'alto'],
  ['low', 'bajo', 'bas', 'basso'],
  ['small', 'pequeño', 'petit', 'piccolo'],
  ['large', 'grande', 'grand', 'grande'],
  ['green', 'verde', 'vert', 'verde'],
  ['blue', 'azul', 'bleu', 'blu'],
  ['clean', 'limpio', 'propre', 'pulito'],
  ['polluted', 'contaminado', 'pollué', 'inquinato'],
  ['protected', 'protegido', 'protégé', 'protetto'],
  ['renewable', 'renovable', 'renouvelable', 'rinnovabile'],
  ['sustainable', 'sostenible', 'durable', 'sostenibile'],
  ['traditional', 'tradicional', 'traditionnel', 'tradizionale'],
  ['historic', 'histórico', 'historique', 'storico'],
  ['cultural', 'cultural', 'culturel', 'culturale'],
  ['national', 'nacional', 'national', 'nazionale'],
  ['regional', 'regional', 'régional', 'regionale'],
  ['municipal', 'municipal', 'municipal', 'comunale'],
  ['school', 'escolar', 'scolaire', 'scolastico'],
  ['digital', 'digital', 'numérique', 'digitale'],
  ['shared', 'compartido', 'partagé', 'condiviso'],
  ['temporary', 'temporal', 'temporaire', 'temporaneo'],
  ['permanent', 'permanente', 'permanent', 'permanente'],
  ['rising', 'creciente', 'montant', 'crescente'],
  ['falling', 'descendente', 'descendant', 'calante'],
  ['winter', 'invernal', 'hivernal', 'invernale'],
  ['summer', 'estival', 'estival', 'estivo'],
  ['spring', 'primaveral', 'printanier', 'primaverile'],
  ['autumn', 'otoñal', 'automnal', 'autunnale'],
  ['night', 'nocturno', 'nocturne', 'notturno'],
  ['morning', 'matinal', 'matinal', 'mattutino'],
  ['fresh', 'fresco', 'frais', 'fresco'],
  ['salt', 'salado', 'salé', 'salato'],
  ['frozen', 'helado', 'gelé', 'ghiacciato'],
  ['dry', 'seco', 'sec', 'secco'],
  ['wet', 'húmedo', 'humide', 'umido'],
  ['warm', 'cálido', 'chaud', 'caldo'],
  ['cold', 'frío', 'froid', 'freddo'],
  ['wild', 'salvaje', 'sauvage', 'selvatico'],
  ['domestic', 'doméstico', 'domestique', 'domestico'],
  ['underground', 'subterráneo', 'souterrain', 'sotterraneo'],
  ['floating', 'flotante', 'flottant', 'galleggiante'],
  ['hidden', 'oculto', 'caché', 'nascosto'],
  ['visible', 'visible', 'visible', 'visibile'],
  ['open', 'abierto', 'ouvert', 'aperto'],
  ['closed', 'cerrado', 'fermé', 'chiuso'],
  ['new', 'nuevo', 'nouveau', 'nuovo'],
  ['old', 'viejo', 'vieux', 'vecchio'],
  ['main', 'principal', 'principal', 'principale'],
  ['secondary', 'secundario', 'secondaire', 'secondario'],
  ['industrial', 'industrial', 'industriel', 'industriale'],
  ['agricultural', 'agrícola', 'agricole', 'agricolo'],
  ['marine', 'marino', 'marin', 'marino'],
  ['river', 'fluvial', 'fluvial', 'fluviale'],
  ['volcanic', 'volcánico', 'volcanique', 'vulcanico'],
  ['tropical', 'tropical', 'tropical', 'tropicale'],
  ['polar', 'polar', 'polaire', 'polare'],
  ['global', 'global', 'mondial', 'globale'],
  ['extreme', 'extremo', 'extrême', 'estremo'],
  ['average', 'medio', 'moyen', 'medio'],
  ['minimum', 'mínimo', 'minimum', 'minimo'],
  ['maximum', 'máximo', 'maximum', 'massimo'],
  ['safe', 'seguro', 'sûr', 'sicuro'],
  ['dangerous', 'peligroso', 'dangereux', 'pericoloso'],
  ['quiet', 'tranquilo', 'calme', 'tranquillo'],
  ['noisy', 'ruidoso', 'bruyant', 'rumoroso'],
  ['slow', 'lento', 'lent', 'lento'],
  ['fast', 'rápido', 'rapide', 'veloce'],
  ['common', 'común', 'commun', 'comune'],
  ['rare', 'raro', 'rare', 'raro'],
  ['famous', 'famoso', 'célèbre', 'famoso'],
  ['forgotten', 'olvidado', 'oublié', 'dimenticato'],
  ['restored', 'restaurado', 'restauré', 'restaurato'],
  ['damaged', 'dañado', 'endommagé', 'danneggiato'],
  ['measured', 'medido', 'mesuré', 'misurato'],
  ['estimated', 'estimado', 'estimé', 'stimato'],
  ['observed', 'observado', 'observé', 'osservato'],
  ['predicted', 'previsto', 'prévu', 'previsto'],
  ['collective', 'colectivo', 'collectif', 'collettivo'],
  ['individual', 'individual', 'individuel', 'individuale'],
];

/** Everyday words of definitions and examples, per language. */
const PROSE: Record<Lang, readonly string[]> = {
  en: (
    'the of and in water land people town school when which where part area change year used made called near along ' +
    'between every during after before from its their level place life natural human large small often usually sea ' +
    'river coast weather plants animals food city children measured seen shore north south rises falls slowly together'
  ).split(' '),
  es: (
    'el la los las de del y en agua tierra gente pueblo escuela cuando que donde parte zona cambio año usado hecho ' +
    'llamado cerca entre cada durante después antes desde su sus nivel lugar vida natural humano grande pequeño a menudo ' +
    'mar río costa tiempo plantas animales comida ciudad niños medido visto orilla norte sur sube baja despacio juntos'
  ).split(' '),
  fr: (
    'le la les de du des et en eau terre gens ville école quand qui où partie zone changement année utilisé fait ' +
    'appelé près entre chaque pendant après avant depuis son leur niveau lieu vie naturel humain grand petit souvent ' +
    'mer fleuve côte temps plantes animaux nourriture enfants mesuré vu rivage nord sud monte descend lentement ensemble'
  ).split(' '),
  it: (
    'il lo la i gli le di del e in acqua terra gente paese scuola quando che dove parte zona cambiamento anno usato fatto ' +
    'chiamato vicino tra ogni durante dopo prima da suo loro livello luogo vita naturale umano grande piccolo spesso ' +
    'mare fiume costa tempo piante animali cibo città bambini misurato visto riva nord sud sale scende lentamente insieme'
  ).split(' '),
};
const VERBS: Record<Lang, readonly string[]> = {
  en: ['is', 'means', 'describes', 'is the name for'],
  es: ['es', 'significa', 'describe', 'es el nombre de'],
  fr: ['est', 'désigne', 'décrit', 'est le nom de'],
  it: ['è', 'significa', 'descrive', 'è il nome di'],
};
const CATEGORIES = ['Environment', 'Water', 'Energy', 'Climate', 'Nature', 'Food', 'History', 'Culture', 'Citizenship', 'Cities', 'Transport', 'Geography'];
const TAGS = ['climate', 'recycling', 'river', 'solar', 'wind', 'heritage', 'diet', 'vote', 'mobility', 'ocean', 'forest', 'school', 'coast', 'mountains'];
/** Chance that an entry has no version in a language (a partner has not translated it yet). */
const MISSING: Record<Lang, number> = { en: 0.04, es: 0.1, fr: 0.14, it: 0.18 };

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

const capital = (text: string) => text[0].toUpperCase() + text.slice(1);

function termOf(concept: Words, qualifier: Words | undefined, index: number): string {
  if (!qualifier) return concept[index];
  return index === 0 ? `${qualifier[0]} ${concept[0]}` : `${concept[index]} ${qualifier[index]}`;
}

/** `words` words of prose, sometimes with the concept itself in it. */
function prose(lang: Lang, words: number, random: () => number, concept: string): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(random() < 0.06 ? concept : pick(PROSE[lang], random));
  return out.join(' ');
}

function definitionOf(lang: Lang, term: string, concept: string, random: () => number): string {
  // 60 to 240 characters, most around 120.
  const target = 60 + Math.floor((random() + random() + random()) * 60);
  let text = `${capital(term)} ${pick(VERBS[lang], random)} ${prose(lang, 4, random, concept)}`;
  while (text.length < target) text += ` ${random() < 0.08 ? concept : pick(PROSE[lang], random)}`;
  return `${text.slice(0, 240).trimEnd()}.`;
}

/** `count` entries (at most 10,100 distinct terms), the same for a given seed. */
export function makeGlossaryEntries(count: number, seed: number): GlossaryBenchFields[] {
  const random = prng(seed);
  const pairs: [number, number][] = [];
  for (let c = 0; c < CONCEPTS.length; c++) {
    pairs.push([c, -1]);
    for (let q = 0; q < QUALIFIERS.length; q++) pairs.push([c, q]);
  }
  if (count > pairs.length) throw new Error(`at most ${pairs.length} distinct glossary entries`);
  // Fisher-Yates with the seeded PRNG: a random sample of distinct terms.
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  return pairs.slice(0, count).map(([c, q]) => {
    const concept = CONCEPTS[c];
    const qualifier = q < 0 ? undefined : QUALIFIERS[q];
    let languages = GLOSSARY_LANGUAGES.filter((lang) => random() >= MISSING[lang]);
    if (!languages.length) languages = ['en'];
    const translations: GlossaryBenchFields['translations'] = {};
    for (const lang of languages) {
      const index = GLOSSARY_LANGUAGES.indexOf(lang);
      const term = termOf(concept, qualifier, index);
      const translation: NonNullable<GlossaryBenchFields['translations'][Lang]> = { term, definition: definitionOf(lang, term, concept[index], random) };
      if (random() < 0.25) translation.example = `${capital(prose(lang, 6 + Math.floor(random() * 9), random, term))}.`;
      if (qualifier && random() < 0.08) translation.aliases = [concept[index]];
      translations[lang] = translation;
    }
    const tags = TAGS.filter(() => random() < 0.12).slice(0, 3);
    return { translations, category: pick(CATEGORIES, random), tags };
  });
}
