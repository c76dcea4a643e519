/**
 * Generates every icon electron-builder needs from the one description in scripts/icons/draw.ts:
 *   resources/icon.png            1024×1024 (also the window icon source)
 *   resources/icons/NxN.png       Linux sizes, 16 to 512
 *   resources/icon.ico            Windows, 16 to 256
 *   resources/icon.icns           macOS, 16 to 1024
 * Run with `node scripts/make-icons.ts` after changing the drawing, and commit the results.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { renderIcon } from './icons/draw.ts'
import { encodeIcns } from './icons/icns.ts'
import { encodeIco } from './icons/ico.ts'
import { encodePng } from './icons/png.ts'

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

export interface IconFiles {
  [relativePath: string]: Buffer
}

/** Every icon file, keyed by its path below resources/. Each size is rendered once. */
export function buildIconFiles(): IconFiles {
  const rendered = new Map<number, Uint8Array>()
  const pixels = (size: number) => {
    let rgba = rendered.get(size)
    if (!rgba) {
      rgba = renderIcon(size)
      rendered.set(size, rgba)
    }
    return rgba
  }
  const pngs = new Map<number, Buffer>()
  const png = (size: number) => {
    let file = pngs.get(size)
    if (!file) {
      file = encodePng(size, size, pixels(size))
      pngs.set(size, file)
    }
    return file
  }

  const files: IconFiles = { 'icon.png': png(1024) }
  for (const size of LINUX_SIZES) files[`icons/${size}x${size}.png`] = png(size)
  files['icon.ico'] = encodeIco(ICO_SIZES.map((size) => ({ size, rgba: pixels(size) })))
  files['icon.icns'] = encodeIcns(png)
  return files
}

async function main(): Promise<void> {
  const resources = join(import.meta.dirname, '..', 'resources')
  await mkdir(join(resources, 'icons'), { recursive: true })
  for (const [path, data] of Object.entries(buildIconFiles())) {
    await writeFile(join(resources, path), data)
    console.log(`resources/${path}  ${data.length} bytes`)
  }
}

if (import.meta.main) await main()
