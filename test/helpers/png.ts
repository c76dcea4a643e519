import { crc32, inflateSync } from 'node:zlib'

export interface DecodedPng {
  width: number
  height: number
  rgba: Uint8Array
}

const SIGNATURE = '89504e470d0a1a0a'

/**
 * A strict reader for the PNGs scripts/make-icons.ts writes (8-bit RGBA, not interlaced): checks
 * the signature and every chunk CRC, then inflates and unfilters the pixels.
 */
export function decodePng(file: Buffer): DecodedPng {
  if (file.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG signature')
  let offset = 8
  let header: Buffer | null = null
  const data: Buffer[] = []
  let ended = false
  while (offset < file.length) {
    const length = file.readUInt32BE(offset)
    const type = file.toString('latin1', offset + 4, offset + 8)
    const body = file.subarray(offset + 8, offset + 8 + length)
    const crc = file.readUInt32BE(offset + 8 + length)
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`)
    if (type === 'IHDR') header = body
    if (type === 'IDAT') data.push(body)
    if (type === 'IEND') ended = true
    offset += 12 + length
  }
  if (!header || !ended) throw new Error('missing IHDR or IEND')
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  if (header[8] !== 8 || header[9] !== 6 || header[12] !== 0)
    throw new Error('not 8-bit RGBA, non-interlaced')
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * 4
  if (raw.length !== (stride + 1) * height) throw new Error('pixel data has the wrong size')
  const rgba = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i] ?? 0
      const left = i >= 4 ? (rgba[y * stride + i - 4] ?? 0) : 0
      const up = y > 0 ? (rgba[(y - 1) * stride + i] ?? 0) : 0
      const upLeft = i >= 4 && y > 0 ? (rgba[(y - 1) * stride + i - 4] ?? 0) : 0
      let predictor = 0
      if (type === 1) predictor = left
      else if (type === 2) predictor = up
      else if (type === 3) predictor = (left + up) >> 1
      else if (type === 4) {
        const estimate = left + up - upLeft
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)]
        predictor = a <= b && a <= c ? left : b <= c ? up : upLeft
      } else if (type !== 0) throw new Error(`unknown filter ${type}`)
      rgba[y * stride + i] = (value + predictor) & 0xff
    }
  }
  return { width, height, rgba }
}
