/**
 * The PNG-based entries of Apple's .icns container (macOS 10.7+), with the pixel size each holds.
 * The @2x types reuse the PNG of the same pixel size.
 */
export const ICNS_TYPES = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
} as const satisfies Record<string, number>

export type IcnsType = keyof typeof ICNS_TYPES

/** `icns`, total length, then per entry: four-letter type, length including this 8-byte header, PNG. */
export function encodeIcns(pngOfSize: (size: number) => Buffer): Buffer {
  const entries = Object.entries(ICNS_TYPES).map(([type, size]) => {
    const png = pngOfSize(size)
    const header = Buffer.alloc(8)
    header.write(type, 0, 'latin1')
    header.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([header, png])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'latin1')
  header.writeUInt32BE(8 + entries.reduce((sum, entry) => sum + entry.length, 0), 4)
  return Buffer.concat([header, ...entries])
}
