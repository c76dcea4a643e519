/**
 * The Hookbench icon as one vector description: a rounded square with a violet gradient and a white
 * hook whose end is an arrow pointing back up (a callback). Every raster size is rendered from these
 * shapes directly, with signed-distance anti-aliasing, so small sizes stay crisp instead of being
 * scaled down from a large bitmap.
 *
 * Coordinates are in the unit square, y pointing down.
 */

type Point = readonly [number, number]
/** Signed distance from a point to a shape's edge: negative inside. */
type Shape = (p: Point) => number

const length = (x: number, y: number) => Math.hypot(x, y)
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

function capsule(a: Point, b: Point, radius: number): Shape {
  return ([px, py]) => {
    const [ax, ay] = a
    const [bx, by] = b
    const abx = bx - ax
    const aby = by - ay
    const t = clamp(((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby), 0, 1)
    return length(px - ax - abx * t, py - ay - aby * t) - radius
  }
}

function ring(center: Point, radius: number, halfWidth: number): Shape {
  return ([px, py]) => Math.abs(length(px - center[0], py - center[1]) - radius) - halfWidth
}

/** The lower half of a ring (the bend of the hook), with round ends. */
function lowerArc(center: Point, radius: number, halfWidth: number): Shape {
  const [cx, cy] = center
  return ([px, py]) => {
    if (py >= cy) return Math.abs(length(px - cx, py - cy) - radius) - halfWidth
    return Math.min(length(px - cx - radius, py - cy), length(px - cx + radius, py - cy)) - halfWidth
  }
}

/** Exact distance to a triangle (after Inigo Quilez's sdTriangle). */
function triangle(a: Point, b: Point, c: Point): Shape {
  const edges: Array<[Point, Point]> = [
    [a, b],
    [b, c],
    [c, a],
  ]
  return ([px, py]) => {
    let distance = Number.POSITIVE_INFINITY
    let inside = true
    const orientation = Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
    for (const [[x0, y0], [x1, y1]] of edges) {
      const ex = x1 - x0
      const ey = y1 - y0
      const wx = px - x0
      const wy = py - y0
      const t = clamp((wx * ex + wy * ey) / (ex * ex + ey * ey), 0, 1)
      distance = Math.min(distance, length(wx - ex * t, wy - ey * t))
      if (Math.sign(ex * wy - ey * wx) !== orientation) inside = false
    }
    return inside ? -distance : distance
  }
}

function roundedSquare(inset: number, radius: number): Shape {
  const half = 0.5 - inset - radius
  return ([px, py]) => {
    const qx = Math.abs(px - 0.5) - half
    const qy = Math.abs(py - 0.5) - half
    return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }
}

const union =
  (...shapes: Shape[]): Shape =>
  (p) =>
    Math.min(...shapes.map((shape) => shape(p)))

const STROKE = 0.055
const SHANK_X = 0.635
const BEND: Point = [0.505, 0.64]
const BEND_RADIUS = SHANK_X - BEND[0]
const TIP_X = BEND[0] - BEND_RADIUS
const EYE: Point = [SHANK_X, 0.275]
const EYE_RADIUS = 0.075

const hook = union(
  ring(EYE, EYE_RADIUS, STROKE * 0.55),
  capsule([SHANK_X, EYE[1] + EYE_RADIUS], [SHANK_X, BEND[1]], STROKE),
  lowerArc(BEND, BEND_RADIUS, STROKE),
  capsule([TIP_X, BEND[1]], [TIP_X, 0.565], STROKE),
  triangle([TIP_X - 0.09, 0.575], [TIP_X + 0.09, 0.575], [TIP_X, 0.44]),
)

/** macOS's icon grid leaves a margin around the square; tiny sizes use more of the canvas. */
function background(size: number): Shape {
  return size <= 32 ? roundedSquare(0.03, 0.2) : roundedSquare(100 / 1024, 185 / 1024)
}

type Rgb = readonly [number, number, number]
const TOP: Rgb = [124, 92, 255]
const BOTTOM: Rgb = [52, 40, 170]
const SHADOW: Rgb = [20, 12, 70]
const GLYPH: Rgb = [255, 255, 255]

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]

/** Renders the icon at `size`×`size` as straight (non-premultiplied) RGBA bytes. */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4)
  const square = background(size)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p: Point = [(x + 0.5) / size, (y + 0.5) / size]
      // Coverage from the signed distance: a one-pixel-wide ramp centred on the edge.
      const squareAlpha = clamp(0.5 - square(p) * size, 0, 1)
      if (squareAlpha === 0) continue
      // Diagonal gradient, top-left to bottom-right.
      let color = mix(TOP, BOTTOM, clamp((p[0] + p[1]) / 2, 0, 1))
      const shadowAlpha = 0.3 * clamp(0.5 - hook([p[0], p[1] - 0.014]) / 0.02, 0, 1)
      color = mix(color, SHADOW, shadowAlpha)
      color = mix(color, GLYPH, clamp(0.5 - hook(p) * size, 0, 1))
      const offset = (y * size + x) * 4
      pixels[offset] = Math.round(color[0])
      pixels[offset + 1] = Math.round(color[1])
      pixels[offset + 2] = Math.round(color[2])
      pixels[offset + 3] = Math.round(squareAlpha * 255)
    }
  }
  return pixels
}
