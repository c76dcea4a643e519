/**
 * The candidates a mistyped word was probably meant to be, best first: the same word in another
 * case, then small edit distances (a typo or two, `_` for `.`), then candidates that contain it
 * or that it contains (`created` → `user.created`, `entry.created`…).
 */
export function closeMatches(word: string, candidates: readonly string[], max = 5): string[] {
  const wanted = word.toLowerCase()
  const allowed = Math.max(2, Math.floor(wanted.length / 3))
  const scored: Array<{ candidate: string; score: number }> = []
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase()
    const distance = editDistance(wanted, lower)
    if (distance <= allowed) scored.push({ candidate, score: distance })
    else if (wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower))) {
      scored.push({ candidate, score: allowed + 1 + Math.abs(lower.length - wanted.length) / 100 })
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((each) => each.candidate)
}

/** Levenshtein distance: insertions, deletions and substitutions, one each. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
