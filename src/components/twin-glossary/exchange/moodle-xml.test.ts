import { expect } from '@open-wc/testing';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { ExchangeRefusal, planImport } from './import-plan.js';
import { parseMoodleXml, writeMoodleXml } from './moodle-xml.js';
import { storedEnvelope } from '../../../test-support/stored-envelope.js';

const envelope = storedEnvelope;
const entry = (id: string, fields: Partial<GlossaryEntry>) => ({ ...envelope, id, translations: {}, ...fields }) as GlossaryEntry;

const harbour = entry('e1', {
  category: 'Places & ports',
  tags: ['sea', 'travel'],
  translations: {
    en: { term: 'harbour', definition: 'A sheltered place\nwhere ships stay.\n', example: 'The ferry left\nthe harbour.', aliases: ['port', 'haven'] },
    es: { term: 'puerto', definition: '\nLugar abrigado <para> barcos & botes.' },
    fr: { term: 'port', example: 'Le port de Marseille.' },
    it: { term: 'porto', aliases: ['darsena'] },
  },
});
const hostile = entry('e2', {
  translations: {
    en: { term: '<script>alert(1)</script>', definition: '<img src=x onerror="window.pwned=1"> </span><span lang="xx" class="multilang">', example: 'javascript:alert(1)' },
  },
});
const italianOnly = entry('e3', { translations: { it: { term: 'campanile', definition: 'Torre campanaria.' } } });

/** Only the content fields, as plain data. */
const content = ({ category, tags, translations }: GlossaryEntry) => JSON.parse(JSON.stringify({ category, tags, translations }));

/** A glossary as a real Moodle (4.x) exports it: monolingual, HTML definitions escaped as text. */
const MOODLE_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<GLOSSARY>
  <INFO>
    <NAME>Vocabulario del viaje</NAME>
    <INTRO>&lt;p&gt;Palabras para la movilidad.&lt;/p&gt;</INTRO>
    <INTROFORMAT>1</INTROFORMAT>
    <ALLOWDUPLICATEDENTRIES>0</ALLOWDUPLICATEDENTRIES>
    <DISPLAYFORMAT>dictionary</DISPLAYFORMAT>
    <SHOWSPECIAL>1</SHOWSPECIAL>
    <SHOWALPHABET>1</SHOWALPHABET>
    <SHOWALL>1</SHOWALL>
    <ALLOWCOMMENTS>0</ALLOWCOMMENTS>
    <USEDYNALINK>0</USEDYNALINK>
    <DEFAULTAPPROVAL>1</DEFAULTAPPROVAL>
    <GLOBALGLOSSARY>0</GLOBALGLOSSARY>
    <ENTBYPAGE>10</ENTBYPAGE>
    <ENTRIES>
      <ENTRY>
        <CONCEPT>estación </CONCEPT>
        <DEFINITION>&lt;p dir="ltr" style="text-align: left;"&gt;Lugar donde paran los &lt;strong&gt;trenes&lt;/strong&gt;
 y los autobuses.&lt;/p&gt;
&lt;p&gt;Segunda línea&lt;br&gt;con salto.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src="x" onerror="window.pwned=1"&gt;</DEFINITION>
        <FORMAT>1</FORMAT>
        <USEDYNALINK>0</USEDYNALINK>
        <CASESENSITIVE>0</CASESENSITIVE>
        <FULLMATCH>0</FULLMATCH>
        <TEACHERENTRY>1</TEACHERENTRY>
        <ALIASES>
          <ALIAS>
            <NAME>estación de tren</NAME>
          </ALIAS>
          <ALIAS>
            <NAME>parada</NAME>
          </ALIAS>
        </ALIASES>
        <CATEGORIES>
          <CATEGORY>
            <NAME>Transporte</NAME>
            <USEDYNALINK>0</USEDYNALINK>
          </CATEGORY>
          <CATEGORY>
            <NAME>Ciudad</NAME>
            <USEDYNALINK>0</USEDYNALINK>
          </CATEGORY>
        </CATEGORIES>
        <ENTRYFILES></ENTRYFILES>
        <TAGS>
          <TAG>viaje</TAG>
        </TAGS>
      </ENTRY>
      <ENTRY>
        <CONCEPT>billete</CONCEPT>
        <DEFINITION>Documento que permite viajar.</DEFINITION>
        <FORMAT>0</FORMAT>
        <USEDYNALINK>0</USEDYNALINK>
        <CASESENSITIVE>0</CASESENSITIVE>
        <FULLMATCH>0</FULLMATCH>
        <TEACHERENTRY>0</TEACHERENTRY>
      </ENTRY>
      <ENTRY>
        <CONCEPT>museum</CONCEPT>
        <DEFINITION>&lt;span lang="en" class="multilang"&gt;A building with collections.&lt;/span&gt;&lt;span lang="pt_br" class="multilang"&gt;Um edifício com coleções.&lt;/span&gt;</DEFINITION>
        <FORMAT>1</FORMAT>
      </ENTRY>
    </ENTRIES>
  </INFO>
</GLOSSARY>
`;

describe('Moodle glossary XML', () => {
  it('writes one ENTRY per concept: the first language as CONCEPT, the others as aliases, every language in multilang spans', () => {
    const xml = new DOMParser().parseFromString(writeMoodleXml([harbour], ['en', 'es', 'fr', 'it'], 'Our <glossary>'), 'application/xml');
    expect(xml.querySelector('parsererror')).to.equal(null);
    expect(xml.querySelector('INFO > NAME')!.textContent).to.equal('Our <glossary>');
    const [entryElement] = xml.querySelectorAll('ENTRIES > ENTRY');
    expect(entryElement.querySelector('CONCEPT')!.textContent).to.equal('harbour');
    expect([...entryElement.querySelectorAll('ALIAS > NAME')].map((name) => name.textContent)).to.deep.equal(['port', 'haven', 'puerto', 'porto']);
    expect(entryElement.querySelector('CATEGORY > NAME')!.textContent).to.equal('Places & ports');
    expect(entryElement.querySelector('FORMAT')!.textContent).to.equal('1');
    const definition = entryElement.querySelector('DEFINITION')!.textContent!;
    // Moodle's multilang filter: consecutive spans, none nested.
    expect(definition.match(/<span lang="(en|es|fr|it)" class="multilang">/g)).to.have.length(4);
    expect(definition.split('</span>').slice(0, -1).every((part) => part.split('<span').length === 2)).to.equal(true);
  });

  it('reads its own export back exactly, in every language', () => {
    const parsed = parseMoodleXml(writeMoodleXml([harbour, hostile, italianOnly], ['en', 'es', 'fr', 'it'], 'g'), 'en');
    expect(parsed.usesFallbackLang).to.equal(false);
    expect(parsed.rows.map((row) => row.row)).to.deep.equal([1, 2, 3]);
    expect(parsed.rows.map((row) => row.fields)).to.deep.equal([content(harbour), content(hostile), content(italianOnly)]);
  });

  it('keeps hostile text as text: nothing from the file runs or loads', async () => {
    const [row] = parseMoodleXml(writeMoodleXml([hostile], ['en'], 'g'), 'en').rows;
    expect((row.fields.translations as GlossaryEntry['translations']).en.term).to.equal('<script>alert(1)</script>');
    const plain = parseMoodleXml(MOODLE_EXPORT, 'es');
    // An image that fails to load here, started after the parse: once its error handler ran, the
    // file's <img src=x onerror> would have run too, had the parse made it live.
    await new Promise((resolve) => Object.assign(new Image(), { onerror: resolve, src: 'x' }));
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    expect(JSON.stringify(plain.rows)).not.to.contain('alert(1)');
  });

  it('imports a real Moodle export: concept, HTML as plain text, aliases, first category, tags, in the chosen language', () => {
    const parsed = parseMoodleXml(MOODLE_EXPORT, 'es');
    expect(parsed.usesFallbackLang).to.equal(true);
    expect(parsed.rows.map((row) => row.fields)).to.deep.equal([
      {
        translations: {
          es: {
            term: 'estación',
            aliases: ['estación de tren', 'parada'],
            definition: 'Lugar donde paran los trenes y los autobuses.\n\nSegunda línea\ncon salto.',
          },
        },
        category: 'Transporte',
        tags: ['viaje'],
      },
      { translations: { es: { term: 'billete', definition: 'Documento que permite viajar.' } } },
      // Hand-written multilang: the concept is a term in the chosen language only; the other
      // languages' texts stay in its definition, labelled (never a Spanish "term" in Portuguese).
      { translations: { es: { term: 'museum', definition: '(en) A building with collections.\n\n(pt-br) Um edifício com coleções.' } } },
    ]);
    expect(parseMoodleXml(MOODLE_EXPORT, 'en').rows[2].fields).to.deep.equal({
      translations: { en: { term: 'museum', definition: 'A building with collections.\n\n(pt-br) Um edifício com coleções.' } },
    });
    expect(parseMoodleXml(MOODLE_EXPORT, 'it').rows[1].fields).to.deep.equal({
      translations: { it: { term: 'billete', definition: 'Documento que permite viajar.' } },
    });
    const plan = planImport(parsed.rows, []);
    expect(plan.ready.length).to.equal(3);
    expect(plan.problems).to.deep.equal([]);
  });

  it('refuses broken XML with its line, and XML that is not a Moodle glossary', () => {
    const refusal = (text: string) => {
      try {
        parseMoodleXml(text, 'en');
      } catch (error) {
        expect(error).to.be.instanceOf(ExchangeRefusal);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal('<?xml version="1.0"?>\n<GLOSSARY><INFO>\n<ENTRIES><ENTRY></ENTRIES>')).to.match(/not valid XML \(error on line 3\)/);
    expect(refusal('<QUIZ><QUESTION/></QUIZ>')).to.match(/Not a Moodle glossary export/);
    expect(refusal('<GLOSSARY><INFO><NAME>Empty</NAME></INFO></GLOSSARY>')).to.match(/no <GLOSSARY> with <ENTRIES>/);
  });
});
