/** File signatures: the type of a file is read from its first bytes, never trusted from its name. */
const SIGNATURES: { type: string; offset?: number; bytes: (number | null)[] }[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { type: 'audio/wav', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x41, 0x56, 0x45] },
  { type: 'audio/ogg', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { type: 'audio/mpeg', bytes: [0x49, 0x44, 0x33] },
  { type: 'audio/mpeg', bytes: [0xff, 0xfb] },
  { type: 'video/webm', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { type: 'video/mp4', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // PK\x03\x04: a zip archive, and so every office document (.docx, .pptx, .xlsx, .odt), which is one.
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

export async function sniffType(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  const match = SIGNATURES.find(({ offset = 0, bytes }) => bytes.every((byte, i) => byte === null || head[offset + i] === byte));
  return match?.type;
}
