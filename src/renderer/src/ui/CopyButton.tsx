import { useEffect, useState } from 'react'
import { writeClipboard } from './clipboard.ts'

type CopyState = 'idle' | 'copied' | 'failed'

const LABELS: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' }

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = window.setTimeout(() => setState('idle'), 1500)
    return () => window.clearTimeout(timer)
  }, [state])

  const copy = () => {
    void writeClipboard(text).then((copied) => setState(copied ? 'copied' : 'failed'))
  }

  return (
    <button type="button" className="button button-small" onClick={copy} aria-live="polite">
      {state === 'idle' ? label : LABELS[state]}
    </button>
  )
}
