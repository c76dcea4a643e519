import type { SubscriptionProfile } from '../../../../../shared/domain/subscription.ts'
import { JsonBlock } from '../../../ui/JsonBlock.tsx'
import type { TemplateRow } from '../draft.ts'
import { bodyPreview, type Json, parseTemplate, type SampleEvent } from '../preview.ts'

interface BodyPreviewProps {
  profile: SubscriptionProfile
  sample: SampleEvent | null
  tenantId: string
  entityKey: string
  templates: TemplateRow[]
  subscriptionId: string | null
}

/** The body a delivery of the sample event would carry with the form as it is now. */
export function BodyPreview({
  profile,
  sample,
  tenantId,
  entityKey,
  templates,
  subscriptionId,
}: BodyPreviewProps) {
  if (!sample) return null
  const parsed: Record<string, Json> = {}
  for (const row of templates) {
    const result = parseTemplate(row.text)
    if (result.ok && row.key.trim()) parsed[row.key.trim()] = result.value
  }
  const { body, template } = bodyPreview({
    profile,
    sample,
    tenantId,
    entityKey,
    templates: profile === 'contensis' ? parsed : {},
    subscriptionId: subscriptionId ?? '(id given on save)',
  })
  return (
    <div className="subs-body-preview">
      <p className="preview-caption">
        Body for {sample.topic}
        {profile === 'contensis'
          ? template
            ? ` — from template “${template}”`
            : ' — no template applies: the default structure'
          : ''}
      </p>
      <JsonBlock label="Body preview" value={body} />
    </div>
  )
}
