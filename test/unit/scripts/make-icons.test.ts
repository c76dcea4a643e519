import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ICNS_TYPES } from '../../../scripts/icons/icns.ts'
import { buildIconFiles, ICO_SIZES, LINUX_SIZES } from '../../../scripts/make-icons.ts'
import { PROJECT_ROOT } from '../../../scripts/packing/builder.ts'
import { decodePng } from '../../helpers/png.ts'

const root = PROJECT_ROOT

describe('icons', () => {
  const read = (path: string) => readFileSync(join(root, 'resources', path))

  it('has a 1024 px icon.png and the Linux sizes as NxN.png', () => {
    const big = decodePng(read('icon.png'))
    expect([big.width, big.height]).toEqual([1024, 1024])
    for (const size of LINUX_SIZES) {
      const png = decodePng(read(`icons/${size}x${size}.png`))
      expect([png.width, png.height], `${size}x${size}.png`).toEqual([size, size])
    }
  })

  it('has an .ico with 16 to 256 px entries, whose directory matches their data', () => {
    const ico = read('icon.ico')
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const count = ico.readUInt16LE(4)
    const sizes: number[] = []
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? -1)
      expect(ico[entry + 1]).toBe(ico[entry])
      expect(ico.readUInt16LE(entry + 6)).toBe(32)
      const length = ico.readUInt32LE(entry + 8)
      const offset = ico.readUInt32LE(entry + 12)
      expect(offset + length).toBeLessThanOrEqual(ico.length)
      const data = ico.subarray(offset, offset + length)
      if (size === 256) {
        const png = decodePng(data)
        expect([png.width, png.height]).toEqual([256, 256])
      } else {
        // BITMAPINFOHEADER: 40 bytes, width, doubled height (colours + mask), 32 bpp.
        expect([
          data.readUInt32LE(0),
          data.readInt32LE(4),
          data.readInt32LE(8),
          data.readUInt16LE(14),
        ]).toEqual([40, size, size * 2, 32])
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size)
      }
      sizes.push(size)
    }
    expect(sizes).toEqual([...ICO_SIZES])
  })

  it('has an .icns whose PNG entries have the size their type promises, 16 to 1024 px', () => {
    const icns = read('icon.icns')
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const found: Record<string, number> = {}
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.toString('latin1', offset, offset + 4)
      const length = icns.readUInt32BE(offset + 4)
      const png = decodePng(icns.subarray(offset + 8, offset + length))
      expect(png.width, type).toBe(png.height)
      found[type] = png.width
      offset += length
    }
    expect(found).toEqual(ICNS_TYPES)
    expect(Math.max(...Object.values(found))).toBe(1024)
  })

  it('are up to date with their source (scripts/icons/draw.ts)', () => {
    const fresh = buildIconFiles()
    for (const size of [16, 32, 128]) {
      const path = `icons/${size}x${size}.png`
      const freshPng = fresh[path]
      if (!freshPng) throw new Error(`make-icons does not produce ${path}`)
      expect(
        Buffer.from(decodePng(read(path)).rgba).equals(Buffer.from(decodePng(freshPng).rgba)),
        path,
      ).toBe(true)
    }
    expect(Object.keys(fresh).sort()).toEqual(
      ['icon.png', 'icon.ico', 'icon.icns', ...LINUX_SIZES.map((size) => `icons/${size}x${size}.png`)].sort(),
    )
  })
})
