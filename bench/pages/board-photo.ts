/**
 * The board photo benchmark page (`npm run bench`, board photo rows): a pupil's 12-megapixel phone
 * photo resized and stored, against two baselines in the same page and run:
 *
 * - `twinkit`: `preparePhoto` (2048 px JPEG + 480 px thumbnail) then `store.putAttachment` of both,
 *   through a store on the IndexedDB adapter, as `<twin-board>` does.
 * - `raw`: the original file put as it is (no resize) with idb, in the adapter's `attachments`
 *   layout: what storing costs without any image work.
 * - `peer`: what most upload widgets do: an `<img>` decoding an object URL, drawn on an
 *   HTMLCanvasElement at 2048 px (default smoothing), `toBlob` as JPEG 0.85, the same for a 480 px
 *   thumbnail, both put with idb.
 *
 * bench/run.mjs calls `make()` once (the photo is made in the page, not timed), then `run()` per
 * contender and repetition. Every figure is measured here with performance.now(); node only
 * computes medians.
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { BOARD_IMAGE_LIMITS, BOARD_IMAGE_QUALITY } from '../../src/components/twin-board/media/board-media-limits.js';
import { preparePhoto } from '../../src/components/twin-board/media/prepare-photo.js';
import { createIndexedDBAdapter } from '../../src/sdk/adapters/indexeddb/index.js';
import { createStore } from '../../src/sdk/store/create-store.js';
import { fail, gc, sleep } from './ui-harness.js';

export type PhotoContender = 'twinkit' | 'raw' | 'peer';

export interface PhotoConfig {
  width: number;
  height: number;
  /** Per-pixel noise amplitude (0 to 255): a camera's grain, so the JPEG compresses like a photo. */
  noise: number;
  seed: number;
}

export interface PhotoRun {
  contender: PhotoContender;
  /** The whole work: resize (if any) and store. */
  ms: number;
  /** Of which the resize and encoding (0 for raw). */
  prepareMs: number;
  /** Bytes stored: the picture, and the thumbnail (0 for raw). */
  imageBytes: number;
  thumbnailBytes: number;
  width: number;
  height: number;
}

const SPACE = 'bench-board';
const PUPIL = { id: 'pupil-1', name: 'Ana', role: 'pupil' as const };
const MAX_EDGE = 2048;
const THUMBNAIL_EDGE = 480;

let photo: Blob | undefined;
let databases = 0;
const runTag = Math.random().toString(36).slice(2, 8);
const freshName = (contender: string) => `twinkit-bench-photo-${runTag}-${contender}-${++databases}`;

/** A PRNG with a seed (mulberry32): the same photo every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A landscape-like picture: sky and ground gradients, soft shapes, and grain; encoded as a phone would (JPEG 0.92). */
async function make(config: PhotoConfig) {
  const start = performance.now();
  const { width, height } = config;
  const random = prng(config.seed);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d') ?? fail('no 2D canvas');
  const land = context.createLinearGradient(0, 0, 0, height);
  land.addColorStop(0, '#3b6fb6');
  land.addColorStop(0.55, '#cfe3f5');
  land.addColorStop(0.56, '#5d7a3a');
  land.addColorStop(1, '#2f3d1c');
  context.fillStyle = land;
  context.fillRect(0, 0, width, height);
  for (let i = 0; i < 60; i++) {
    const [x, y, r] = [random() * width, random() * height, 50 + random() * 400];
    const blob = context.createRadialGradient(x, y, 0, x, y, r);
    blob.addColorStop(0, `hsl(${random() * 360} 60% ${30 + random() * 50}% / 0.8)`);
    blob.addColorStop(1, 'hsl(0 0% 50% / 0)');
    context.fillStyle = blob;
    context.fillRect(x - r, y - r, 2 * r, 2 * r);
  }
  const pixels = context.getImageData(0, 0, width, height);
  const data = pixels.data;
  for (let i = 0; i < data.length; i += 4) {
    const grain = ((random() - 0.5) * config.noise) | 0;
    data[i] += grain;
    data[i + 1] += grain;
    data[i + 2] += grain;
  }
  context.putImageData(pixels, 0, 0);
  photo = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  return { bytes: photo.size, width, height, makeMs: performance.now() - start };
}

/** A raw idb database with the IndexedDB adapter's `attachments` layout. */
const openRaw = (name: string) => openDB(name, 1, { upgrade: (db) => void db.createObjectStore('attachments', { keyPath: ['space', 'id'] }) });
const put = (db: IDBPDatabase, id: string, blob: Blob) => db.put('attachments', { space: SPACE, id, blob });

async function sizeOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

const toBlob = (canvas: HTMLCanvasElement) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/jpeg', BOARD_IMAGE_QUALITY));

/** The upload widgets' way: `<img>` + HTMLCanvasElement + `toBlob`. */
async function peerResize(file: Blob) {
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const scaled = (source: CanvasImageSource, width: number, height: number, edge: number) => {
    const scale = Math.min(1, edge / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')!.drawImage(source, 0, 0, canvas.width, canvas.height);
    return canvas;
  };
  const image = scaled(img, img.naturalWidth, img.naturalHeight, MAX_EDGE);
  const thumbnail = scaled(image, image.width, image.height, THUMBNAIL_EDGE);
  return { image: await toBlob(image), thumbnail: await toBlob(thumbnail), width: image.width, height: image.height };
}

/** One timed run of one contender, in a fresh database opened before the timing; checked after it. */
async function run(contender: PhotoContender): Promise<PhotoRun> {
  const file = photo ?? fail('make() was not called');
  const name = freshName(contender);
  let result: PhotoRun;
  if (contender === 'twinkit') {
    const adapter = createIndexedDBAdapter({ databaseName: name });
    await adapter.database();
    const store = createStore({ adapter, space: SPACE, user: PUPIL });
    gc();
    await sleep(0);
    const start = performance.now();
    const prepared = await preparePhoto(file);
    const prepareMs = performance.now() - start;
    const image = await store.putAttachment(prepared.image, BOARD_IMAGE_LIMITS);
    const thumbnail = await store.putAttachment(prepared.thumbnail, BOARD_IMAGE_LIMITS);
    const ms = performance.now() - start;
    const stored = await store.getAttachment(image.id);
    if (stored.size !== prepared.image.size || (await store.getAttachment(thumbnail.id)).size !== prepared.thumbnail.size) fail('twinkit: the stored files differ');
    const size = await sizeOf(stored);
    result = { contender, ms, prepareMs, imageBytes: image.size, thumbnailBytes: thumbnail.size, ...size };
    await adapter.close();
  } else {
    const db = await openRaw(name);
    gc();
    await sleep(0);
    const start = performance.now();
    let prepareMs = 0;
    let sizes = { image: file.size, thumbnail: 0 };
    if (contender === 'raw') {
      await put(db, 'photo', file);
    } else {
      const resized = await peerResize(file);
      prepareMs = performance.now() - start;
      await put(db, 'photo', resized.image);
      await put(db, 'thumbnail', resized.thumbnail);
      sizes = { image: resized.image.size, thumbnail: resized.thumbnail.size };
    }
    const ms = performance.now() - start;
    const stored = ((await db.get('attachments', [SPACE, 'photo'])) as { blob: Blob } | undefined)?.blob ?? fail(`${contender}: nothing stored`);
    if (stored.size !== sizes.image) fail(`${contender}: the stored file differs`);
    result = { contender, ms, prepareMs, imageBytes: sizes.image, thumbnailBytes: sizes.thumbnail, ...(await sizeOf(stored)) };
    db.close();
  }
  await deleteDB(name);
  if (contender !== 'raw' && Math.max(result.width, result.height) !== MAX_EDGE) fail(`${contender}: stored ${result.width}x${result.height}, expected ${MAX_EDGE} px on the longest edge`);
  return result;
}

const api = {
  info: () => ({ userAgent: navigator.userAgent, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' }),
  make,
  run,
};
(window as unknown as { boardPhotoBench: typeof api }).boardPhotoBench = api;
document.title = 'twinkit bench: board photo ready';
