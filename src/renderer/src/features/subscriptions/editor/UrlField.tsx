import { placeholdersOf, renderText } from '../../../../../shared/templating.ts'
import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'
import type { FieldErrors } from '../../../ui/field-errors.ts'
import { type SampleEvent, templateContext } from '../preview.ts'

interface UrlFieldProps {
  url: string
  sample: SampleEvent | null
  errors: FieldErrors
  onChange: (url: string) => void
}

/** The endpoint, a template: `{/resource/sys/id}` placeholders are filled from each event's data. */
export function UrlField({ url, sample, errors, onChange }: UrlFieldProps) {
  const error = errors.url
  const templated = placeholdersOf(url).length > 0
  const context = sample ? templateContext(sample) : null
  const rendered = context && url ? renderText(url, context) : ''
  // A placeholder the sample has no value for renders empty: say which, before a delivery does.
  const empty = context
    ? placeholdersOf(url).filter((pointer) => renderText(`{${pointer}}`, context) === '')
    : []
  return (
    <FormRow
      label="URL"
      htmlFor="url"
      error={error}
      hint={
        url === '' ? (
          <>
            Where deliveries are POSTed. May use placeholders such as <code>{'{/resource/sys/id}'}</code>.
          </>
        ) : (
          <span className="url-preview" data-testid="url-preview">
            <span className="muted">{templated ? 'Renders as ' : 'Sends to '}</span>
            <code className="subs-url-rendered">{rendered || url}</code>
            {sample && templated ? <span className="muted"> for {sample.topic}</span> : null}
            {empty.length > 0 ? (
              <span className="text-warn">
                {' '}
                — empty here: {empty.map((pointer) => `{${pointer}}`).join(', ')}
              </span>
            ) : null}
          </span>
        )
      }
    >
      <input
        id="url"
        className="text-input fill-width text-mono"
        type="text"
        inputMode="url"
        placeholder="https://example.com/webhooks/{/resource/sys/id}"
        spellCheck={false}
        autoComplete="off"
        value={url}
        onChange={(event) => onChange(event.target.value)}
        {...invalidProps('url', error)}
      />
    </FormRow>
  )
}
