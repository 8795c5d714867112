// @ts-check
/**
 * Regenerates resources/icon.png (512×512) and resources/icon.ico (16, 32, 48, 256)
 * from resources/icon.svg. Needs `rsvg-convert` on PATH (Debian/Ubuntu: librsvg2-bin).
 *
 * The ICO holds 32-bit BMP entries for 16/32/48 (the layout older Windows shell code and
 * resource editors handle best) and a PNG entry for 256 (Vista+ format, as Windows itself ships).
 *
 * Usage: node scripts/make-icons.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const resourcesDir = fileURLToPath(new URL('../resources/', import.meta.url));
const svgPath = join(resourcesDir, 'icon.svg');
const ICO_SIZES = [16, 32, 48, 256];
const PNG_ENTRY_MIN_SIZE = 256;

/**
 * @param {number} size
 * @param {string} workDir
 * @returns {Buffer}
 */
function renderPng(size, workDir) {
  const out = join(workDir, `icon-${size}.png`);
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-f', 'png', '-o', out, svgPath], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return readFileSync(out);
}

/**
 * Decodes an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes) into raw RGBA rows.
 * @param {Buffer} png
 * @returns {{ width: number, height: number, rgba: Buffer }}
 */
function decodeRgbaPng(png) {
  let offset = 8;
  let width = 0;
  let height = 0;
  /** @type {Buffer[]} */
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) {
        throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      rgba[y * stride + x] = ((line[x] ?? 0) + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

/**
 * 32-bit BI_RGB DIB as stored in an ICO: header, bottom-up BGRA pixels, then a 1-bpp AND mask.
 * @param {{ width: number, height: number, rgba: Buffer }} image
 * @returns {Buffer}
 */
function toIcoBmp({ width, height, rgba }) {
  const maskStride = Math.ceil(width / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const dstRow = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = (dstRow * width + x) * 4;
      pixels[dst] = rgba[src + 2] ?? 0;
      pixels[dst + 1] = rgba[src + 1] ?? 0;
      pixels[dst + 2] = rgba[src] ?? 0;
      pixels[dst + 3] = rgba[src + 3] ?? 0;
      if ((rgba[src + 3] ?? 0) === 0) {
        const byte = dstRow * maskStride + (x >> 3);
        mask[byte] = (mask[byte] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/**
 * @param {{ size: number, data: Buffer }[]} entries
 * @returns {Buffer}
 */
function buildIco(entries) {
  const dir = Buffer.alloc(6 + 16 * entries.length);
  dir.writeUInt16LE(0, 0); // reserved
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(entries.length, 4);
  let offset = dir.length;
  entries.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size; // 0 means 256
    dir[e + 1] = size >= 256 ? 0 : size;
    dir[e + 2] = 0; // palette colours
    dir[e + 3] = 0; // reserved
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...entries.map((entry) => entry.data)]);
}

const workDir = mkdtempSync(join(tmpdir(), 'hamkorlik-icons-'));
try {
  writeFileSync(join(resourcesDir, 'icon.png'), renderPng(512, workDir));
  const entries = ICO_SIZES.map((size) => {
    const png = renderPng(size, workDir);
    return { size, data: size >= PNG_ENTRY_MIN_SIZE ? png : toIcoBmp(decodeRgbaPng(png)) };
  });
  writeFileSync(join(resourcesDir, 'icon.ico'), buildIco(entries));
  console.log(`wrote resources/icon.png (512×512) and resources/icon.ico (${ICO_SIZES.join(', ')})`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
