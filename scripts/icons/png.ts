import { crc32, deflateSync } from 'node:zlib'

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8)
  header.writeUInt32BE(data.length, 0)
  header.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])), 0)
  return Buffer.concat([header, data, crc])
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft
  const toLeft = Math.abs(estimate - left)
  const toUp = Math.abs(estimate - up)
  const toUpLeft = Math.abs(estimate - upLeft)
  if (toLeft <= toUp && toLeft <= toUpLeft) return left
  return toUp <= toUpLeft ? up : upLeft
}

/** The five PNG filters applied to one row (4 bytes per pixel). */
function filterRow(type: number, row: Uint8Array, previous: Uint8Array): Buffer {
  const out = Buffer.alloc(row.length + 1)
  out[0] = type
  for (let i = 0; i < row.length; i++) {
    const left = i >= 4 ? (row[i - 4] ?? 0) : 0
    const up = previous[i] ?? 0
    const upLeft = i >= 4 ? (previous[i - 4] ?? 0) : 0
    const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type] ?? 0
    out[i + 1] = ((row[i] ?? 0) - predictor) & 0xff
  }
  return out
}

/** Picks, per row, the filter with the smallest sum of signed residuals (the usual PNG heuristic). */
function filterImage(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4
  const rows: Buffer[] = []
  let previous: Uint8Array = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride)
    let best: Buffer | null = null
    let bestCost = Number.POSITIVE_INFINITY
    for (let type = 0; type < 5; type++) {
      const candidate = filterRow(type, row, previous)
      let cost = 0
      for (let i = 1; i < candidate.length; i++) {
        const value = candidate[i] ?? 0
        cost += value < 128 ? value : 256 - value
      }
      if (cost < bestCost) {
        best = candidate
        bestCost = cost
      }
    }
    if (best) rows.push(best)
    previous = row
  }
  return Buffer.concat(rows)
}

/** Encodes 8-bit RGBA pixels (row by row, top to bottom) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width}×${height} RGBA pixels`)
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: truecolour with alpha
  header[10] = 0 // compression: deflate
  header[11] = 0 // filter method: adaptive
  header[12] = 0 // no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterImage(width, height, rgba), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
