/**
 * A small, valid PDF made on the spot for the demo board's file post: one A4 page of text in
 * Helvetica (a font every PDF reader has), with a cross-reference table whose offsets are counted
 * from the bytes themselves. Text only in ASCII, so one character is one byte.
 */

/** Escapes text for a PDF string literal. */
const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;

/** A one-page PDF: a title, then lines of text. */
export function simplePdf(title: string, lines: readonly string[]): Uint8Array<ArrayBuffer> {
  if (/[^\x20-\x7e]/.test(title + lines.join(''))) throw new Error('simplePdf writes plain ASCII text only.');
  const text = [
    'BT',
    '/F2 20 Tf',
    '56 780 Td',
    `${pdfString(title)} Tj`,
    '/F1 12 Tf',
    '0 -34 Td',
    '16 TL',
    ...lines.map((line) => `${pdfString(line)} '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (Twinkit demo) >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** The fieldwork worksheet the teacher shares on the board. */
export function fieldworkWorksheet(): Blob {
  return new Blob(
    [
      simplePdf('Fieldwork worksheet: waves at the pier', [
        'Coasts We Share - mobility in Gdynia, 8 to 14 March 2027',
        '',
        'Work in your mixed team (one pupil from each school).',
        '',
        '1. Every hour from 9:00 to 13:00, read the wave height on the pole.',
        '2. Write down the wind: direction and strength (calm, light, strong).',
        '3. Take one photo of the sea each time, from the same place.',
        '4. Post your table and photos on the board, in the Fieldwork section.',
        '',
        'Time      Wave height (cm)      Wind',
        '9:00      ________________      ____________',
        '10:00     ________________      ____________',
        '11:00     ________________      ____________',
        '12:00     ________________      ____________',
        '13:00     ________________      ____________',
        '',
        'Back home: compare with the tide tables of Cartagena and Bari.',
      ]),
    ],
    { type: 'application/pdf' },
  );
}
