import { useEffect, useMemo, useRef, useState } from 'react'
import type { Subscription } from '../../../../../shared/domain/subscription.ts'
import { useAppStore } from '../../../state/index.ts'
import { countErrors, errorAt, errorsOf, type FieldErrors } from '../../../ui/field-errors.ts'
import { textOf } from '../../../ui/format.ts'
import { SideEditor, SideEditorMissing } from '../../../ui/SideEditor.tsx'
import { draftOf, newDraft, payloadOf, type SubscriptionDraft } from '../draft.ts'
import { samplesFor } from '../preview.ts'
import { AuthField } from './AuthField.tsx'
import { BodyPreview } from './BodyPreview.tsx'
import { ContensisTopicsField } from './ContensisTopicsField.tsx'
import { DeliveryFields } from './DeliveryFields.tsx'
import { EditorFooter } from './EditorFooter.tsx'
import { HeadersField } from './HeadersField.tsx'
import { LocalizedField } from './LocalizedField.tsx'
import { ProfileFields } from './ProfileFields.tsx'
import { SamplePicker } from './SamplePicker.tsx'
import { SigningField } from './SigningField.tsx'
import { TemplatesField } from './TemplatesField.tsx'
import { TopicsField } from './TopicsField.tsx'
import { UrlField } from './UrlField.tsx'
import { VersionLine } from './VersionLine.tsx'

/** The contract's top-level fields: an error naming one of them is shown by that field. */
const FORM_FIELDS = [
  'name',
  'description',
  'url',
  'enabled',
  'profile',
  'topics',
  'entity_key',
  'tenant_id',
  'headers',
  'templates',
  'auth_config_id',
  'signing',
  'retry_schedule',
  'timeout_ms',
  'concurrency',
  'disable_after_failing_ms',
  'time_scale',
] as const

export function SubscriptionEditor({ id }: { id: string | null }) {
  const saved = useAppStore((state) =>
    id === null ? null : (state.subscriptions.value?.find((item) => item.id === id) ?? null),
  )
  const close = useAppStore((state) => state.closeSubscriptionEditor)
  if (id !== null && saved === null) return <SideEditorMissing what="subscription" onClose={close} />
  return <SubscriptionForm saved={saved} />
}

function SubscriptionForm({ saved }: { saved: Subscription | null }) {
  const saveState = useAppStore((state) => state.subscriptionSave)
  const saveSubscription = useAppStore((state) => state.saveSubscription)
  const resetSave = useAppStore((state) => state.resetSubscriptionSave)
  const close = useAppStore((state) => state.closeSubscriptionEditor)
  const profiles = useAppStore((state) => state.catalog.profiles)

  const [draft, setDraft] = useState<SubscriptionDraft>(() => (saved ? draftOf(saved) : newDraft()))
  const [local, setLocal] = useState<FieldErrors>({})
  const [sampleKey, setSampleKey] = useState<string | null>(null)
  // A toggle in the list while the editor is open: follow it, so saving does not undo it.
  const [basisEnabled, setBasisEnabled] = useState(saved?.enabled)
  if (saved && saved.enabled !== basisEnabled) {
    setBasisEnabled(saved.enabled)
    setDraft((current) => ({ ...current, enabled: saved.enabled }))
  }

  const formRef = useRef<HTMLFormElement>(null)
  // After a refused save, take the user to the first field that says why.
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])

  const samples = useMemo(() => samplesFor(profiles, draft.profile), [profiles, draft.profile])
  const sample =
    samples.find((item) => item.key === sampleKey) ??
    samples.find((item) => draft.topics.includes(item.topic)) ??
    samples[0] ??
    null

  const server = errorsOf(saveState.status === 'error' ? saveState.error : null, FORM_FIELDS)
  const errors: FieldErrors = { ...server.fields, ...local }
  const saving = saveState.status === 'saving'

  const update = (patch: Partial<SubscriptionDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setLocal({})
    resetSave()
  }

  const submit = async () => {
    if (saving) return
    const { payload, errors: found } = payloadOf(draft, saved !== null)
    setLocal(found)
    if (countErrors(found) > 0) return setRefusals((count) => count + 1)
    const ok = await saveSubscription(payload, saved?.id ?? null)
    if (!ok) return setRefusals((count) => count + 1)
    if (!saved) return
    // Saved secrets become write-only rows, a generated secret becomes "keep": start from what was stored.
    const latest = useAppStore.getState().subscriptions.value?.find((item) => item.id === saved.id)
    if (latest) setDraft(draftOf(latest))
  }

  const title = saved ? textOf(saved.name) || '(unnamed)' : 'New subscription'
  return (
    <SideEditor
      formRef={formRef}
      title={title}
      subtitle={
        saved ? <VersionLine subscription={saved} /> : <p className="muted">Fill in what to send where.</p>
      }
      onSubmit={() => void submit()}
      onClose={close}
      saveShortcut
      focusKey={saved?.id ?? null}
      notice={
        saved?.disabled_reason && !saved.enabled ? (
          <p className="notice is-warn side-editor-notice">Disabled by Hookbench: {saved.disabled_reason}.</p>
        ) : null
      }
      footer={
        <EditorFooter
          saved={saved}
          saving={saving}
          status={saveState.status}
          problems={countErrors(errors)}
          general={server.general}
          onClose={close}
        />
      }
    >
      <section className="side-editor-section" aria-labelledby="section-basics">
        <h3 id="section-basics">Basics</h3>
        <LocalizedField
          field="name"
          label="Name"
          placeholder="Orders to staging"
          value={draft.name}
          errors={errors}
          onChange={(name) => update({ name })}
        />
        <LocalizedField
          field="description"
          label="Description"
          placeholder="Optional"
          value={draft.description}
          errors={errors}
          onChange={(description) => update({ description })}
        />
        <ProfileFields draft={draft} errors={errors} onChange={update} />
        <div className="form-row">
          <span className="form-label">Enabled</span>
          <div className="form-control">
            <label className="check">
              <input
                type="checkbox"
                checked={draft.enabled}
                onChange={(event) => update({ enabled: event.target.checked })}
              />
              <span>Deliver matching events</span>
            </label>
          </div>
        </div>
      </section>

      <section className="side-editor-section" aria-labelledby="section-topics">
        <h3 id="section-topics">Which events</h3>
        {draft.profile === 'contensis' ? (
          <ContensisTopicsField
            topics={draft.topics}
            sample={sample}
            text={draft.topicText}
            errors={errors}
            onChange={(topics) => update({ topics })}
            onTextChange={(topicText) => update({ topicText })}
          />
        ) : (
          <TopicsField
            profile={draft.profile}
            topics={draft.topics}
            samples={samples}
            text={draft.topicText}
            errors={errors}
            onChange={(topics) => update({ topics })}
            onTextChange={(topicText) => update({ topicText })}
          />
        )}
      </section>

      <section className="side-editor-section" aria-labelledby="section-endpoint">
        <div className="section-head">
          <h3 id="section-endpoint">Endpoint and payload</h3>
          <SamplePicker samples={samples} value={sample?.key ?? null} onChange={setSampleKey} />
        </div>
        <UrlField url={draft.url} sample={sample} errors={errors} onChange={(url) => update({ url })} />
        <HeadersField
          rows={draft.headers}
          sample={sample}
          errors={errors}
          onChange={(headers) => update({ headers })}
        />
        {draft.profile === 'contensis' ? (
          <TemplatesField
            rows={draft.templates}
            sample={sample}
            errors={errors}
            onChange={(templates) => update({ templates })}
          />
        ) : null}
        <div className="form-row">
          <span className="form-label">Body</span>
          <div className="form-control">
            <BodyPreview
              profile={draft.profile}
              sample={sample}
              tenantId={draft.tenant_id}
              entityKey={draft.entity_key}
              templates={draft.templates}
              subscriptionId={saved?.id ?? null}
            />
          </div>
        </div>
      </section>

      <section className="side-editor-section" aria-labelledby="section-security">
        <h3 id="section-security">Authentication and signing</h3>
        <AuthField
          value={draft.auth_config_id}
          error={errors.auth_config_id}
          onChange={(auth_config_id) => update({ auth_config_id })}
        />
        <SigningField
          mode={draft.signingMode}
          secret={draft.signingSecret}
          saved={saved}
          error={errorAt(errors, 'signing')}
          onChange={update}
        />
      </section>

      <section className="side-editor-section" aria-labelledby="section-delivery">
        <h3 id="section-delivery">Delivery</h3>
        <DeliveryFields draft={draft} errors={errors} onChange={update} />
      </section>
    </SideEditor>
  )
}
