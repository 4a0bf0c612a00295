/**
 * The demo board's photos: four small illustrations of the Baltic coast (a pier, a lighthouse, a
 * sunset, the wave-measuring pole of the fieldwork), each a list of shapes in a 1200 x 800 design.
 *
 * In the browser they are drawn on an OffscreenCanvas at a phone photo's size (2400 x 1600), encoded
 * as a JPEG, and handed to `preparePhoto` as a picked photo would be: resized to 2048 px, with a
 * 480 px thumbnail. Node has no canvas (`npm run start:couch` seeds the server from Node): there the
 * same shapes are painted pixel by pixel (paint-pixels.ts) and stored as PNG, at 1200 px with a 480 px
 * thumbnail, so the board on CouchDB shows the same pictures.
 */
import { preparePhoto } from '../src/components/twin-board/media/prepare-photo.js';
import { paintPng } from './paint-pixels.js';

/** The design's size: every shape's coordinates are in these units. */
export const DESIGN_WIDTH = 1200;
export const DESIGN_HEIGHT = 800;

type Stops = [offset: number, color: string][];
/** A colour (`#rrggbb`), or a gradient in design units. */
export type Paint = string | { linear: [x0: number, y0: number, x1: number, y1: number]; stops: Stops } | { radial: [cx: number, cy: number, r: number]; stops: Stops };
export type Shape = ({ rect: [x: number, y: number, w: number, h: number] } | { poly: [number, number][] } | { circle: [cx: number, cy: number, r: number] }) & {
  fill: Paint;
  /** Opacity, 0 to 1; default 1. */
  alpha?: number;
};

export interface SamplePhoto {
  /** The file name a phone would have given it. */
  name: string;
  alt: string;
  shapes: Shape[];
}

export interface PhotoFiles {
  image: Blob;
  thumbnail: Blob;
  width: number;
  height: number;
}

// ---- shape helpers ----------------------------------------------------------------------------

const vertical = (y0: number, y1: number, ...colors: string[]): Paint => ({
  linear: [0, y0, 0, y1],
  stops: colors.map((color, i) => [i / (colors.length - 1), color]),
});

/** A band along a sine wave across the picture: a wave's crest, a shore line. */
function waveBand(y: number, amplitude: number, length: number, phase: number, thickness: number, from = 0, to = DESIGN_WIDTH): [number, number][] {
  const top: [number, number][] = [];
  for (let x = from; x <= to; x += 10) top.push([x, y + amplitude * Math.sin((2 * Math.PI * x) / length + phase)]);
  const bottom = top.map(([x, yy]) => [x, yy + thickness] as [number, number]).reverse();
  return [...top, ...bottom];
}

/** A wavy line across the picture, then down to the bottom corners: a shore, the sand in front. */
function ground(y: number, amplitude: number, length: number, phase: number): [number, number][] {
  const line: [number, number][] = [];
  for (let x = 0; x <= DESIGN_WIDTH; x += 10) line.push([x, y + amplitude * Math.sin((2 * Math.PI * x) / length + phase)]);
  return [...line, [DESIGN_WIDTH, DESIGN_HEIGHT], [0, DESIGN_HEIGHT]];
}

/** A soft glow: rings of light, each a little stronger towards the middle. */
function glow(x: number, y: number, radius: number, color: string, strength = 0.1): Shape[] {
  return Array.from({ length: 14 }, (_, i) => ({ circle: [x, y, radius * (1 - i * 0.06)] as [number, number, number], fill: color, alpha: strength / 2.5 }));
}

/** A gull: a thin "V" with curved wings. */
function gull(x: number, y: number, span: number): [number, number][] {
  const s = span / 2;
  return [
    [x - s, y - s * 0.25],
    [x - s * 0.45, y - s * 0.35],
    [x, y + s * 0.2],
    [x + s * 0.45, y - s * 0.35],
    [x + s, y - s * 0.25],
    [x + s * 0.45, y - s * 0.2],
    [x, y + s * 0.38],
    [x - s * 0.45, y - s * 0.2],
  ];
}

/** A cloud: a few white puffs on a flat base. */
function cloud(x: number, y: number, size: number, alpha = 1): Shape[] {
  const puff = (dx: number, dy: number, r: number): Shape => ({ circle: [x + dx * size, y + dy * size, r * size], fill: '#ffffff', alpha });
  return [puff(-0.9, 0.15, 0.45), puff(-0.35, -0.2, 0.62), puff(0.3, -0.1, 0.55), puff(0.85, 0.2, 0.38), { rect: [x - 0.9 * size, y + 0.1 * size, 1.75 * size, 0.5 * size], fill: '#ffffff', alpha }];
}

/** A tower narrowing upwards, cut into horizontal bands of alternating colours. */
function stripedTower(cx: number, bottom: number, top: number, bottomWidth: number, topWidth: number, bands: number, colors: string[]): Shape[] {
  const halfAt = (y: number) => (topWidth + ((bottomWidth - topWidth) * (y - top)) / (bottom - top)) / 2;
  const shapes: Shape[] = [];
  for (let i = 0; i < bands; i++) {
    const y0 = bottom - ((bottom - top) * i) / bands;
    const y1 = bottom - ((bottom - top) * (i + 1)) / bands;
    shapes.push({
      poly: [
        [cx - halfAt(y0), y0],
        [cx + halfAt(y0), y0],
        [cx + halfAt(y1), y1],
        [cx - halfAt(y1), y1],
      ],
      fill: colors[i % colors.length],
    });
  }
  // Light from the left: the right side in shade.
  shapes.push({
    poly: [
      [cx + halfAt(bottom) * 0.35, bottom],
      [cx + halfAt(bottom), bottom],
      [cx + halfAt(top), top],
      [cx + halfAt(top) * 0.35, top],
    ],
    fill: '#000000',
    alpha: 0.12,
  });
  return shapes;
}

// ---- the four pictures ------------------------------------------------------------------------

function pier(): Shape[] {
  const shapes: Shape[] = [
    { rect: [0, 0, 1200, 470], fill: vertical(0, 470, '#6fb1e4', '#d9eef8') },
    ...glow(930, 150, 170, '#fffbe6', 0.12),
    { circle: [930, 150, 58], fill: '#fff6cf' },
    ...cloud(250, 140, 90),
    ...cloud(610, 95, 55),
    // The far coast: Gdynia's cliffs across the bay.
    { poly: [[0, 470], [0, 432], [120, 420], [260, 428], [380, 415], [520, 440], [700, 452], [860, 446], [1000, 455], [1200, 450], [1200, 470]], fill: '#7d9fae' },
    { rect: [0, 465, 1200, 335], fill: vertical(465, 800, '#4a8fc0', '#1d4f7c') },
  ];
  // Glints on the water, under the sun.
  for (let i = 0; i < 9; i++) {
    const y = 490 + i * 22 + i * i * 2;
    const w = 40 + i * 14;
    shapes.push({ rect: [930 - w / 2 + ((i * 37) % 50) - 25, y, w, 3 + i * 0.4], fill: '#fff6cf', alpha: 0.55 - i * 0.04 });
  }
  for (const [y, phase] of [[560, 0.4], [640, 2.1], [730, 4.2]] as const) shapes.push({ poly: waveBand(y, 6, 180, phase, 4), fill: '#ffffff', alpha: 0.18 });
  // The pier: wooden planks in perspective, from the viewer to the horizon.
  const deck: [number, number][] = [
    [330, 800],
    [790, 800],
    [628, 470],
    [596, 470],
  ];
  shapes.push({ poly: deck, fill: { linear: [0, 470, 0, 800], stops: [[0, '#8f6a45'], [1, '#c38b52']] } });
  for (let i = 1; i < 24; i++) {
    // Plank joints: closer together as they recede.
    const t = (i / 24) ** 1.8;
    const y = 800 - (800 - 470) * (1 - t);
    const left = 330 + (596 - 330) * ((800 - y) / 330);
    const right = 790 + (628 - 790) * ((800 - y) / 330);
    shapes.push({ rect: [left, y, right - left, 1 + 3 * t], fill: '#5a3d22', alpha: 0.5 });
  }
  // Posts and railings on both sides.
  for (let i = 0; i < 9; i++) {
    const t = i / 9;
    const y = 800 - 330 * (1 - (1 - t) ** 1.6);
    const scale = (y - 455) / 345;
    const left = 330 + (596 - 330) * ((800 - y) / 330);
    const right = 790 + (628 - 790) * ((800 - y) / 330);
    const h = 150 * scale;
    const w = Math.max(2, 16 * scale);
    shapes.push({ rect: [left - w / 2, y - h, w, h], fill: '#4e3620' }, { rect: [right - w / 2, y - h, w, h], fill: '#4e3620' });
  }
  shapes.push(
    { poly: [[330, 650], [596, 440], [596, 444], [330, 662]], fill: '#5b4128' },
    { poly: [[790, 650], [628, 440], [628, 444], [790, 662]], fill: '#5b4128' },
  );
  for (const [x, y, span] of [[420, 230, 60], [500, 270, 44], [760, 210, 52], [1040, 300, 36]] as const) shapes.push({ poly: gull(x, y, span), fill: '#2e3a48' });
  return shapes;
}

function lighthouse(): Shape[] {
  const shapes: Shape[] = [
    { rect: [0, 0, 1200, 560], fill: vertical(0, 560, '#8ecdf0', '#eaf7fc') },
    ...cloud(190, 170, 80),
    ...cloud(1040, 110, 60),
    ...cloud(520, 300, 45),
    // The beams of the lantern, sweeping left and right.
    { poly: [[862, 196], [-60, 70], [-60, 330]], fill: { linear: [862, 196, 0, 196], stops: [[0, '#fff7c2'], [1, '#cbe9f7']] }, alpha: 0.5 },
    { poly: [[862, 196], [1200, 150], [1200, 250]], fill: { linear: [862, 196, 1200, 196], stops: [[0, '#fff7c2'], [1, '#eaf7fc']] }, alpha: 0.45 },
    { rect: [0, 555, 1200, 245], fill: vertical(555, 800, '#3a8dbb', '#174a6e') },
  ];
  for (const [y, phase] of [[600, 0], [650, 1.7], [705, 3.1], [765, 5]] as const) shapes.push({ poly: waveBand(y, 5, 140, phase, 3, 0, 700), fill: '#ffffff', alpha: 0.35 });
  shapes.push(
    // The breakwater's rocks.
    { poly: [[600, 800], [640, 640], [700, 595], [800, 575], [950, 572], [1060, 590], [1140, 620], [1200, 650], [1200, 800]], fill: vertical(570, 800, '#8a8e94', '#4d5258') },
    { poly: [[640, 640], [700, 595], [760, 584], [720, 640], [660, 690]], fill: '#a4a8ad', alpha: 0.6 },
    { poly: [[990, 600], [1080, 605], [1150, 640], [1060, 650]], fill: '#3e4349', alpha: 0.5 },
    // Foam where the waves break on the rocks.
    { circle: [628, 700, 16], fill: '#ffffff', alpha: 0.8 },
    { circle: [612, 760, 20], fill: '#ffffff', alpha: 0.75 },
    { circle: [645, 655, 10], fill: '#ffffff', alpha: 0.7 },
    ...stripedTower(862, 585, 250, 130, 84, 6, ['#d9473b', '#fbfbf6']),
    // The gallery, the lantern and its roof.
    { rect: [800, 234, 124, 20], fill: '#2d3a45' },
    { rect: [822, 170, 80, 64], fill: '#fff3a8' },
    { rect: [822, 170, 8, 64], fill: '#2d3a45' },
    { rect: [858, 170, 8, 64], fill: '#2d3a45' },
    { rect: [894, 170, 8, 64], fill: '#2d3a45' },
    { poly: [[810, 172], [914, 172], [862, 122]], fill: '#2d3a45' },
    { circle: [862, 118, 7], fill: '#2d3a45' },
    { rect: [850, 530, 26, 48], fill: '#3b2a1f' },
  );
  for (const [x, y, span] of [[330, 420, 46], [400, 380, 34], [1080, 400, 40]] as const) shapes.push({ poly: gull(x, y, span), fill: '#2e3a48' });
  return shapes;
}

function sunset(): Shape[] {
  const shapes: Shape[] = [
    { rect: [0, 0, 1200, 500], fill: vertical(0, 500, '#2a2c5e', '#7b3f78', '#d8606a', '#f6a04d', '#ffd889') },
    ...glow(600, 500, 280, '#ffe3a0', 0.1),
    { circle: [600, 500, 105], fill: vertical(395, 500, '#fff1bf', '#ffc86b') },
    // Thin evening clouds across the sun.
    { poly: waveBand(300, 6, 400, 1, 10, 150, 700), fill: '#f29a7a', alpha: 0.7 },
    { poly: waveBand(438, 4, 300, 2, 7, 420, 980), fill: '#c75a6d', alpha: 0.75 },
    { poly: waveBand(210, 5, 500, 0, 8, 700, 1150), fill: '#b4557a', alpha: 0.6 },
    // The far coast, dark against the sky.
    { poly: [[0, 500], [0, 470], [90, 462], [200, 472], [300, 488], [360, 500]], fill: '#3a2747' },
    { rect: [0, 500, 1200, 300], fill: vertical(500, 800, '#7a4266', '#1c1d40') },
  ];
  // The sun's path on the water.
  for (let i = 0; i < 16; i++) {
    const y = 506 + i * 17;
    const w = 190 - i * 7 + ((i * 53) % 40);
    shapes.push({ rect: [600 - w / 2 + ((i * 29) % 30) - 15, y, w, 5], fill: '#ffd27a', alpha: 0.7 - i * 0.03 });
  }
  // A sailing boat on its way home, and gulls.
  const boat = '#1b1631';
  shapes.push(
    { poly: [[228, 548], [392, 548], [368, 574], [252, 574]], fill: boat },
    { rect: [306, 368, 6, 182], fill: boat },
    { poly: [[314, 376], [314, 540], [402, 540]], fill: boat },
    { poly: [[302, 396], [302, 540], [240, 540]], fill: boat },
    { poly: waveBand(576, 2, 60, 0, 4, 220, 400), fill: '#ffd27a', alpha: 0.4 },
  );
  for (const [x, y, span] of [[820, 250, 50], [880, 290, 36], [760, 310, 30]] as const) shapes.push({ poly: gull(x, y, span), fill: '#24203d' });
  return shapes;
}

function fieldwork(): Shape[] {
  const shapes: Shape[] = [
    { rect: [0, 0, 1200, 340], fill: vertical(0, 340, '#a9daf3', '#eef8fc') },
    ...cloud(900, 120, 85),
    ...cloud(300, 90, 50),
    { rect: [0, 330, 1200, 260], fill: vertical(330, 590, '#2f84b0', '#6cbfd0') },
  ];
  // Rows of waves rolling in: each crest a white band, the trough in front a little darker.
  for (const [y, amplitude, phase] of [[380, 5, 0], [430, 7, 1.3], [480, 9, 2.9], [535, 12, 4.4]] as const) {
    shapes.push({ poly: waveBand(y + 10, amplitude, 260, phase, 10), fill: '#1f6f98', alpha: 0.25 }, { poly: waveBand(y, amplitude, 260, phase, 6 + amplitude / 2), fill: '#ffffff', alpha: 0.85 });
  }
  // The wet sand, then the dry beach.
  shapes.push(
    { poly: ground(575, 10, 300, 0.8), fill: '#cfae6d' },
    { poly: ground(615, 12, 340, 2.2), fill: vertical(600, 800, '#f2dca8', '#dfbe7c') },
    { poly: waveBand(572, 10, 300, 0.8, 8), fill: '#ffffff', alpha: 0.7 },
  );
  // The measuring pole: red and white every 10 cm, planted in the shallow water.
  const poleX = 700;
  for (let i = 0; i < 10; i++) shapes.push({ rect: [poleX, 170 + i * 40, 18, 40], fill: i % 2 ? '#fbfbf6' : '#d9473b' });
  shapes.push({ rect: [poleX + 11, 170, 7, 400], fill: '#000000', alpha: 0.12 }, { poly: waveBand(562, 3, 40, 0, 6, poleX - 30, poleX + 50), fill: '#ffffff', alpha: 0.9 });
  // A clipboard and pencil on the sand, and pieces of amber.
  shapes.push(
    { poly: [[230, 700], [360, 680], [378, 770], [246, 792]], fill: '#7a5332' },
    { poly: [[244, 708], [350, 692], [364, 762], [258, 778]], fill: '#fbfbf6' },
    { rect: [280, 716, 60, 4], fill: '#8a9bb0' },
    { rect: [282, 732, 64, 4], fill: '#8a9bb0' },
    { rect: [284, 748, 50, 4], fill: '#8a9bb0' },
    { poly: [[380, 720], [470, 690], [474, 698], [384, 728]], fill: '#f2b632' },
  );
  for (const [x, y, r] of [[900, 720, 11], [935, 738, 7], [560, 760, 9], [1050, 690, 8]] as const) {
    shapes.push({ circle: [x, y, r], fill: { radial: [x - r / 3, y - r / 3, r * 1.2], stops: [[0, '#ffd27a'], [1, '#c9741c']] } });
  }
  return shapes;
}

/** The board's photos, by the post that shows each. */
export const SAMPLE_PHOTOS = {
  pier: { name: 'pier-gdynia.jpg', alt: 'A wooden pier reaching into a calm blue sea under a morning sun, with gulls in the sky.', shapes: pier() },
  lighthouse: { name: 'lighthouse.jpg', alt: 'A red and white striped lighthouse on the rocks of the breakwater, its beams shining over the sea.', shapes: lighthouse() },
  sunset: { name: 'sunset-baltic.jpg', alt: 'The sun setting over the Baltic Sea in orange and pink, with a sailing boat on its way home.', shapes: sunset() },
  fieldwork: {
    name: 'wave-pole.jpg',
    alt: 'A red and white measuring pole in the shallow water where the waves roll onto the beach; a clipboard and pieces of amber lie on the sand.',
    shapes: fieldwork(),
  },
} satisfies Record<string, SamplePhoto>;

// ---- drawing ----------------------------------------------------------------------------------

/** Draws the shapes on a 2D context whose transform maps the design onto the canvas. */
export function drawShapes(context: OffscreenCanvasRenderingContext2D, shapes: readonly Shape[]): void {
  for (const shape of shapes) {
    context.globalAlpha = shape.alpha ?? 1;
    context.fillStyle = canvasPaint(context, shape.fill);
    context.beginPath();
    if ('rect' in shape) context.rect(...shape.rect);
    else if ('circle' in shape) context.arc(shape.circle[0], shape.circle[1], shape.circle[2], 0, 2 * Math.PI);
    else {
      shape.poly.forEach(([x, y], i) => (i ? context.lineTo(x, y) : context.moveTo(x, y)));
      context.closePath();
    }
    context.fill();
  }
  context.globalAlpha = 1;
}

function canvasPaint(context: OffscreenCanvasRenderingContext2D, paint: Paint): string | CanvasGradient {
  if (typeof paint === 'string') return paint;
  const gradient = 'linear' in paint ? context.createLinearGradient(...paint.linear) : context.createRadialGradient(paint.radial[0], paint.radial[1], 0, ...paint.radial);
  for (const [offset, color] of paint.stops) gradient.addColorStop(offset, color);
  return gradient;
}

/** Can this environment draw on a canvas and decode pictures (a browser)? */
export const canDrawPhotos = () => typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';

/**
 * The photo's files as the board stores them. In a browser: drawn as a 2400 x 1600 "phone photo",
 * then `preparePhoto` (2048 px JPEG, 480 px thumbnail) as for a picked photo. In Node: painted as PNG.
 */
export async function samplePhotoFiles(photo: SamplePhoto): Promise<PhotoFiles> {
  if (!canDrawPhotos()) {
    const [image, thumbnail] = await Promise.all([paintPng(photo.shapes, 1200, 800), paintPng(photo.shapes, 480, 320)]);
    return { image, thumbnail, width: 1200, height: 800 };
  }
  const canvas = new OffscreenCanvas(DESIGN_WIDTH * 2, DESIGN_HEIGHT * 2);
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  drawShapes(context, photo.shapes);
  const taken = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
  const { image, thumbnail, width, height } = await preparePhoto(taken);
  return { image, thumbnail, width, height };
}
