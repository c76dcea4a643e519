import { useEffect } from 'react'
import { useAppStore } from '../../state/index.ts'
import { KeyIcon } from '../../ui/icons.tsx'
import { ListEditorPage } from '../../ui/ListEditorPage.tsx'
import { AuthConfigEditor } from './AuthConfigEditor.tsx'
import { AuthConfigList } from './AuthConfigList.tsx'
import './auth-configs.css'

const DESCRIPTION =
  'How Hookbench authenticates to subscribers: Basic auth or OAuth2 client credentials, as Rustici Generator defines them.'

export function AuthConfigsPage() {
  const loadAuthConfigs = useAppStore((state) => state.loadAuthConfigs)
  const loadSubscriptions = useAppStore((state) => state.loadSubscriptions)
  const configs = useAppStore((state) => state.authConfigs)
  const editor = useAppStore((state) => state.authConfigEditor)
  const unsaved = useAppStore((state) => state.authConfigUnsaved)
  const forgetEdits = useAppStore((state) => state.forgetAuthConfigEdits)
  const open = useAppStore((state) => state.openAuthConfigEditor)

  // Subscriptions too: the list says which configs are in use, and a refused delete names them.
  useEffect(() => {
    void loadAuthConfigs()
    void loadSubscriptions()
  }, [loadAuthConfigs, loadSubscriptions])

  return (
    <ListEditorPage
      title="Auth configs"
      description={DESCRIPTION}
      noun={{ one: 'auth config', many: 'auth configs' }}
      list={configs}
      onReload={() => void loadAuthConfigs()}
      editor={editor}
      renderEditor={(id) => <AuthConfigEditor id={id} />}
      unsaved={unsaved}
      onFormOpen={forgetEdits}
      onNew={() => open({ kind: 'new' })}
      empty={<AuthConfigsEmpty onCreate={() => open({ kind: 'new' })} />}
    >
      {(items) => <AuthConfigList items={items} editor={editor} />}
    </ListEditorPage>
  )
}

function AuthConfigsEmpty({ onCreate }: { onCreate: () => void }) {
  return (
    <div className="empty-state empty-state-guide">
      <div className="empty-state-icon">
        <KeyIcon size={20} />
      </div>
      <h2 className="empty-state-title">No auth configs yet</h2>
      <p className="empty-state-body">
        An auth config is how Hookbench proves who it is to a subscriber’s endpoint. Create one, then pick it
        in a subscription; every delivery of that subscription is decorated with it.
      </p>
      <dl className="profile-glossary">
        <div>
          <dt>
            Basic auth <code>BASIC_AUTH</code>
          </dt>
          <dd>Authorization: Basic base64(key:secret). Needs key and secret.</dd>
        </div>
        <div>
          <dt>
            OAuth2 client credentials <code>OAUTH_2_CLIENT_CREDENTIALS</code>
          </dt>
          <dd>
            A bearer token fetched from token_url with scope, key (client id) and secret; cached, refreshed on
            401. Hookbench’s receiver has a mock token server at <code>/oauth2/token</code> for offline tests.
          </dd>
        </div>
        <div>
          <dt>
            No auth <code>NO_AUTH</code>
          </dt>
          <dd>No Authorization header; every other property must be null.</dd>
        </div>
      </dl>
      <button type="button" className="button button-primary" onClick={onCreate}>
        New auth config
      </button>
    </div>
  )
}
