import type { SubscriptionProfile } from '../../../../../shared/domain/subscription.ts'
import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'
import type { FieldErrors } from '../../../ui/field-errors.ts'
import { profileInfo, profileInfos } from '../../../ui/profiles.ts'
import type { SubscriptionDraft } from '../draft.ts'

interface ProfileFieldsProps {
  draft: SubscriptionDraft
  errors: FieldErrors
  onChange: (patch: Partial<SubscriptionDraft>) => void
}

/** The payload format, and the keys only one format has (Rustici's tenant, QuicklySign's entity). */
export function ProfileFields({ draft, errors, onChange }: ProfileFieldsProps) {
  const info = profileInfo(draft.profile)
  const changeProfile = (profile: SubscriptionProfile) => {
    // Topics belong to a profile's catalog; keep them only when moving between open-ended ones.
    const keep = profile === 'standard' && draft.topics.every((topic) => typeof topic === 'string')
    onChange({ profile, topics: keep ? draft.topics : [] })
  }
  return (
    <>
      <FormRow
        label="Profile"
        htmlFor="profile"
        error={errors.profile}
        hint={
          <>
            Sends {info.sends} Success on {info.success}.
          </>
        }
      >
        <select
          id="profile"
          className="form-select"
          value={draft.profile}
          onChange={(event) => changeProfile(event.target.value as SubscriptionProfile)}
        >
          {profileInfos.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label} ({item.id})
            </option>
          ))}
        </select>
      </FormRow>
      {draft.profile === 'rustici' ? (
        <FormRow
          label="Tenant ID"
          htmlFor="tenant_id"
          error={errors.tenant_id}
          hint="Optional: only events for this tenant are delivered; it is the tenant_id of each notification."
        >
          <input
            id="tenant_id"
            className="text-input fill-width text-mono"
            placeholder="tenant_123"
            spellCheck={false}
            value={draft.tenant_id}
            onChange={(event) => onChange({ tenant_id: event.target.value })}
            {...invalidProps('tenant_id', errors.tenant_id)}
          />
        </FormRow>
      ) : null}
      {draft.profile === 'quicklysign' ? (
        <FormRow
          label="Entity key"
          htmlFor="entity_key"
          error={errors.entity_key}
          hint="Required: the document this subscription watches. Only its events are delivered."
        >
          <input
            id="entity_key"
            className="text-input fill-width text-mono"
            placeholder="the document’s entity_key"
            spellCheck={false}
            aria-required="true"
            value={draft.entity_key}
            onChange={(event) => onChange({ entity_key: event.target.value })}
            {...invalidProps('entity_key', errors.entity_key)}
          />
        </FormRow>
      ) : null}
    </>
  )
}
