import { encodePng } from './png.ts'

export interface IcoImage {
  size: number
  rgba: Uint8Array
}

/**
 * A classic 32-bit DIB entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask
 * (height doubled in the header because the mask follows the colours). Tools that read only
 * BMP entries, such as NSIS for the installer icon, need these for the small sizes.
 */
function dibEntry(size: number, rgba: Uint8Array): Buffer {
  const maskStride = Math.ceil(size / 32) * 4
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8)
  header.writeUInt16LE(1, 12) // planes
  header.writeUInt16LE(32, 14) // bits per pixel
  header.writeUInt32LE(0, 16) // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20)
  const colours = Buffer.alloc(size * size * 4)
  const mask = Buffer.alloc(maskStride * size)
  for (let y = 0; y < size; y++) {
    const target = size - 1 - y
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = (target * size + x) * 4
      colours[to] = rgba[from + 2] ?? 0
      colours[to + 1] = rgba[from + 1] ?? 0
      colours[to + 2] = rgba[from] ?? 0
      const alpha = rgba[from + 3] ?? 0
      colours[to + 3] = alpha
      if (alpha === 0) {
        const byte = target * maskStride + (x >> 3)
        mask[byte] = (mask[byte] ?? 0) | (0x80 >> (x & 7))
      }
    }
  }
  return Buffer.concat([header, colours, mask])
}

/** A Windows .ico: 256 px as a PNG entry (as Windows Vista and later expect), smaller ones as DIBs. */
export function encodeIco(images: IcoImage[]): Buffer {
  const directory = Buffer.alloc(6 + 16 * images.length)
  directory.writeUInt16LE(0, 0)
  directory.writeUInt16LE(1, 2) // type: icon
  directory.writeUInt16LE(images.length, 4)
  const payloads: Buffer[] = []
  let offset = directory.length
  images.forEach(({ size, rgba }, index) => {
    if (size > 256) throw new Error('an .ico entry is at most 256×256')
    const data = size === 256 ? encodePng(size, size, rgba) : dibEntry(size, rgba)
    const entry = 6 + 16 * index
    directory[entry] = size === 256 ? 0 : size // 0 means 256
    directory[entry + 1] = size === 256 ? 0 : size
    directory[entry + 2] = 0 // no palette
    directory[entry + 3] = 0
    directory.writeUInt16LE(1, entry + 4) // planes
    directory.writeUInt16LE(32, entry + 6) // bits per pixel
    directory.writeUInt32LE(data.length, entry + 8)
    directory.writeUInt32LE(offset, entry + 12)
    payloads.push(data)
    offset += data.length
  })
  return Buffer.concat([directory, ...payloads])
}
