/**
 * Paints the demo's photo shapes without a canvas (Node, for `npm run start:couch`) and encodes
 * them as PNG: polygons filled by scanlines, anti-aliased (exact coverage across, 4 samples down),
 * colours and gradients as a canvas would give them. Deflate is the platform's CompressionStream.
 */
import type { Paint, Shape } from './sample-photos.js';

const DESIGN_WIDTH = 1200;
const DESIGN_HEIGHT = 800;
/** Sub-scanlines per pixel row. */
const SAMPLES = 4;

type Rgb = [number, number, number];

function rgb(color: string): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) throw new Error(`paint-pixels takes #rrggbb colours, not "${color}"`);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/** The colour at a point of the design, for this paint. */
function painter(paint: Paint): (x: number, y: number) => Rgb {
  if (typeof paint === 'string') {
    const color = rgb(paint);
    return () => color;
  }
  const stops = paint.stops.map(([offset, color]) => ({ offset, color: rgb(color) }));
  const at = (t: number): Rgb => {
    if (t <= stops[0].offset) return stops[0].color;
    for (let i = 1; i < stops.length; i++) {
      const a = stops[i - 1];
      const b = stops[i];
      if (t <= b.offset) {
        const f = (t - a.offset) / (b.offset - a.offset || 1);
        return [0, 1, 2].map((c) => a.color[c] + (b.color[c] - a.color[c]) * f) as Rgb;
      }
    }
    return stops[stops.length - 1].color;
  };
  if ('linear' in paint) {
    const [x0, y0, x1, y1] = paint.linear;
    const dx = x1 - x0;
    const dy = y1 - y0;
    const length = dx * dx + dy * dy || 1;
    return (x, y) => at(((x - x0) * dx + (y - y0) * dy) / length);
  }
  const [cx, cy, r] = paint.radial;
  return (x, y) => at(Math.hypot(x - cx, y - cy) / r);
}

/** A shape's outline as one polygon, in design units. */
function outline(shape: Shape): [number, number][] {
  if ('rect' in shape) {
    const [x, y, w, h] = shape.rect;
    return [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ];
  }
  if ('circle' in shape) {
    const [cx, cy, r] = shape.circle;
    const steps = Math.max(24, Math.ceil(r));
    return Array.from({ length: steps }, (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / steps), cy + r * Math.sin((2 * Math.PI * i) / steps)]);
  }
  return shape.poly;
}

/** RGB pixels (3 bytes each) of the shapes painted at width x height. */
export function paintPixels(shapes: readonly Shape[], width: number, height: number): Uint8Array<ArrayBuffer> {
  const pixels = new Uint8Array(width * height * 3).fill(255);
  const sx = width / DESIGN_WIDTH;
  const sy = height / DESIGN_HEIGHT;
  const coverage = new Float32Array(width + 1);
  for (const shape of shapes) {
    const points = outline(shape).map(([x, y]) => [x * sx, y * sy] as const);
    const colorAt = painter(shape.fill);
    const alpha = shape.alpha ?? 1;
    const ys = points.map(([, y]) => y);
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(height - 1, Math.ceil(Math.max(...ys)));
    for (let row = top; row <= bottom; row++) {
      let from = width;
      let to = 0;
      for (let s = 0; s < SAMPLES; s++) {
        const y = row + (s + 0.5) / SAMPLES;
        const crossings: number[] = [];
        for (let i = 0; i < points.length; i++) {
          const [x0, y0] = points[i];
          const [x1, y1] = points[(i + 1) % points.length];
          if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) crossings.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
        }
        crossings.sort((a, b) => a - b);
        for (let i = 0; i + 1 < crossings.length; i += 2) {
          const a = Math.max(0, Math.min(width, crossings[i]));
          const b = Math.max(0, Math.min(width, crossings[i + 1]));
          if (b <= a) continue;
          const ia = Math.floor(a);
          const ib = Math.floor(b);
          from = Math.min(from, ia);
          to = Math.max(to, ib);
          if (ia === ib) {
            coverage[ia] += (b - a) / SAMPLES;
            continue;
          }
          coverage[ia] += (ia + 1 - a) / SAMPLES;
          for (let x = ia + 1; x < ib; x++) coverage[x] += 1 / SAMPLES;
          coverage[ib] += (b - ib) / SAMPLES;
        }
      }
      for (let x = from; x <= Math.min(to, width - 1); x++) {
        const a = Math.min(1, coverage[x]) * alpha;
        coverage[x] = 0;
        if (a <= 0) continue;
        const color = colorAt((x + 0.5) / sx, (row + 0.5) / sy);
        const at = (row * width + x) * 3;
        for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(pixels[at + c] * (1 - a) + color[c] * a);
      }
      coverage.fill(0, Math.min(from, width), Math.min(to, width) + 1);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** RGB pixels as a PNG file (8 bits per channel, each row filtered "Up"). */
export async function encodePng(pixels: Uint8Array, width: number, height: number): Promise<Blob> {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = 2;
    for (let i = 0; i < stride; i++) raw[row + 1 + i] = (pixels[y * stride + i] - (y ? pixels[(y - 1) * stride + i] : 0)) & 0xff;
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, adaptive filters, no interlace
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([signature, chunk('IHDR', header), chunk('IDAT', await deflate(raw)), chunk('IEND', new Uint8Array())], { type: 'image/png' });
}

/** The shapes painted at width x height, as a PNG. */
export function paintPng(shapes: readonly Shape[], width: number, height: number): Promise<Blob> {
  return encodePng(paintPixels(shapes, width, height), width, height);
}
