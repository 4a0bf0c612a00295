import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createIndexedDBAdapter } from '../../../sdk/adapters/indexeddb/indexeddb-adapter.js';
import { createStore } from '../../../sdk/store/create-store.js';
import { BOARD_IMAGE_LIMITS } from './board-media-limits.js';
import { PhotoError, preparePhoto } from './prepare-photo.js';

/** A photo-like picture: a sky-to-ground gradient with a red left half, so rotation and aspect can be checked. */
async function picture(width: number, height: number, type = 'image/jpeg', { transparent = false } = {}): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#3b6fb6');
  gradient.addColorStop(1, '#5d7a3a');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#f00';
  context.fillRect(0, 0, width / 2, height);
  if (transparent) context.clearRect(0, 0, width, height / 4);
  return canvas.convertToBlob({ type, quality: 0.95 });
}

async function sizeOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/** RGBA of one pixel of a decoded picture. */
async function pixel(blob: Blob, x: number, y: number) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return [...context.getImageData(x, y, 1, 1).data];
}

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
/** Compared here, not by chai: its diff of half a megabyte of bytes would take long. */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
const contains = (haystack: Uint8Array, text: string) => new TextDecoder('latin1').decode(haystack).includes(text);

/**
 * The JPEG with an EXIF segment right after its start marker, as a phone writes it: orientation 6
 * (rotate 90° clockwise to show) and a GPS position.
 */
async function withExif(jpeg: Blob): Promise<Blob> {
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // big-endian TIFF header, first IFD at 8
    ...[0, 2], // two entries
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0], // Orientation, SHORT, 1, value 6
    ...[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38], // GPSInfo IFD, LONG, 1, at 38
    ...[0, 0, 0, 0], // no next IFD
    ...[0, 1], // the GPS IFD: one entry
    ...[0, 1, 0, 2, 0, 0, 0, 2, 0x4e, 0, 0, 0], // GPSLatitudeRef "N"
    ...[0, 0, 0, 0],
  ];
  const payload = [...new TextEncoder().encode('Exif\0\0'), ...tiff];
  const length = payload.length + 2;
  const original = await bytes(jpeg);
  return new Blob([original.slice(0, 2), new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]), original.slice(2)], { type: 'image/jpeg' });
}

async function rejection(promise: Promise<unknown>): Promise<PhotoError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PhotoError);
    return error as PhotoError;
  }
  throw new Error('expected a rejection');
}

describe('preparePhoto', () => {
  it('resizes a 12-megapixel JPEG to 2048 px, aspect kept, with a 480 px thumbnail', async () => {
    const file = await picture(4000, 3000);
    const result = await preparePhoto(file);
    expect(result.resized).to.equal(true);
    expect(result.type).to.equal('image/jpeg');
    expect(result.image.type).to.equal('image/jpeg');
    expect([result.width, result.height]).to.deep.equal([2048, 1536]);
    expect(await sizeOf(result.image)).to.deep.equal({ width: 2048, height: 1536 });
    expect(await sizeOf(result.thumbnail)).to.deep.equal({ width: 480, height: 360 });
    expect(result.thumbnail.type).to.equal('image/jpeg');
    expect(result.image.size).to.be.below(file.size);
    expect(result.thumbnail.size).to.be.below(result.image.size);
  });

  it('keeps a portrait photo upright: 2048 px high', async () => {
    const result = await preparePhoto(await picture(3000, 4000));
    expect([result.width, result.height]).to.deep.equal([1536, 2048]);
    expect(await sizeOf(result.image)).to.deep.equal({ width: 1536, height: 2048 });
    expect(await sizeOf(result.thumbnail)).to.deep.equal({ width: 360, height: 480 });
  });

  it('applies the EXIF rotation of a phone photo and drops its metadata (GPS)', async () => {
    const file = await withExif(await picture(800, 600));
    expect(contains(await bytes(file), 'Exif')).to.equal(true);
    expect(await sizeOf(file)).to.deep.equal({ width: 600, height: 800 }, 'the browser reads the rotation');
    const result = await preparePhoto(file);
    expect(result.resized).to.equal(true, 'a JPEG is always re-encoded, even within the limits');
    expect([result.width, result.height]).to.deep.equal([600, 800]);
    expect(await sizeOf(result.image)).to.deep.equal({ width: 600, height: 800 });
    expect(contains(await bytes(result.image), 'Exif')).to.equal(false);
    // Turned a quarter clockwise: the red left half is now the top half.
    const [red] = await pixel(result.image, 300, 100);
    const [notRed] = await pixel(result.image, 300, 700);
    expect(red).to.be.above(200);
    expect(notRed).to.be.below(150);
  });

  it('keeps a small PNG as it is, and still makes a thumbnail (WebP when transparent)', async () => {
    const file = await picture(640, 400, 'image/png', { transparent: true });
    const result = await preparePhoto(file);
    expect(result.resized).to.equal(false);
    expect(result.image).to.equal(file);
    expect(result.type).to.equal('image/png');
    expect([result.width, result.height]).to.deep.equal([640, 400]);
    expect(result.thumbnail.type).to.equal('image/webp');
    expect(await sizeOf(result.thumbnail)).to.deep.equal({ width: 480, height: 300 });
    expect((await pixel(result.thumbnail, 10, 10))[3]).to.equal(0, 'the transparent strip stays transparent');
  });

  it('keeps a GIF within the limits (an animation stays animated)', async () => {
    const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (c) => c.charCodeAt(0));
    const file = new Blob([gif], { type: 'image/gif' });
    const result = await preparePhoto(file);
    expect(result.resized).to.equal(false);
    expect(result.type).to.equal('image/gif');
    expect(await sizeOf(result.thumbnail)).to.deep.equal({ width: 1, height: 1 });
  });

  it('resizes a large transparent PNG to WebP, alpha kept', async () => {
    const result = await preparePhoto(await picture(3000, 2000, 'image/png', { transparent: true }));
    expect(result.resized).to.equal(true);
    expect(result.type).to.equal('image/webp');
    expect([result.width, result.height]).to.deep.equal([2048, 1365]);
    expect((await pixel(result.image, 20, 20))[3]).to.equal(0);
    expect((await pixel(result.image, 20, 1000))[3]).to.equal(255);
  });

  it('turns a large opaque PNG (a screenshot) into a JPEG', async () => {
    const result = await preparePhoto(await picture(2560, 1600, 'image/png'));
    expect(result.type).to.equal('image/jpeg');
    expect([result.width, result.height]).to.deep.equal([2048, 1280]);
  });

  it('follows the options', async () => {
    const result = await preparePhoto(await picture(1200, 900), { maxEdge: 1000, thumbnailEdge: 100, quality: 0.5 });
    expect([result.width, result.height]).to.deep.equal([1000, 750]);
    expect(await sizeOf(result.thumbnail)).to.deep.equal({ width: 100, height: 75 });
  });

  it('refuses what is not a picture it can read, with a code to localize', async () => {
    const random = crypto.getRandomValues(new Uint8Array(4096));
    for (const file of [new Blob([random], { type: 'image/jpeg' }), new File(['just some text'], 'photo.jpg', { type: 'image/jpeg' })]) {
      const error = await rejection(preparePhoto(file));
      expect(error.code).to.equal('unreadable');
      expect(error.message).to.match(/not a picture Twinkit can read/);
    }
    // Right first bytes, broken content: refused by the decoder.
    const broken = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random]);
    expect((await rejection(preparePhoto(broken))).code).to.equal('unreadable');
  });

  it('refuses a file over 25 MB without reading it', async () => {
    const huge = new Blob([new Uint8Array(25 * 1024 * 1024 + 1)], { type: 'image/jpeg' });
    expect((await rejection(preparePhoto(huge))).code).to.equal('too-large');
  });

  it('stores the picture and its thumbnail through the store in IndexedDB and reads them back', async () => {
    const databaseName = `twinkit-board-photo-${Date.now()}`;
    const store = createStore({ adapter: createIndexedDBAdapter({ databaseName }), space: 'board-photo', user: { id: 'pupil-1', name: 'Ana', role: 'pupil' } });
    try {
      const result = await preparePhoto(await picture(4000, 3000));
      const image = await store.putAttachment(result.image, BOARD_IMAGE_LIMITS);
      const thumbnail = await store.putAttachment(result.thumbnail, BOARD_IMAGE_LIMITS);
      expect(image).to.include({ type: 'image/jpeg', size: result.image.size });
      const stored = await store.getAttachment(image.id);
      expect(same(await bytes(stored), await bytes(result.image))).to.equal(true, 'the same bytes');
      expect(await sizeOf(stored)).to.deep.equal({ width: 2048, height: 1536 });
      expect(await sizeOf(await store.getAttachment(thumbnail.id))).to.deep.equal({ width: 480, height: 360 });
    } finally {
      await store.adapter.close();
      await deleteDB(databaseName);
    }
  });
});
