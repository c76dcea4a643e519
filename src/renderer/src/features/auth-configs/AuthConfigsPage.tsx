import { useEffect } from 'react'
import { useAppStore } from '../../state/index.ts'
import { ErrorState } from '../../ui/ErrorState.tsx'
import { KeyIcon } from '../../ui/icons.tsx'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { AuthConfigEditor } from './AuthConfigEditor.tsx'
import { AuthConfigList } from './AuthConfigList.tsx'
import './auth-configs.css'

const DESCRIPTION =
  'How Hookbench authenticates to subscribers: Basic auth or OAuth2 client credentials, as Rustici Generator defines them.'

export function AuthConfigsPage() {
  const loadAuthConfigs = useAppStore((state) => state.loadAuthConfigs)
  const loadSubscriptions = useAppStore((state) => state.loadSubscriptions)
  const editor = useAppStore((state) => state.authConfigEditor)

  // Subscriptions too: the list says which configs are in use, and a refused delete names them.
  useEffect(() => {
    void loadAuthConfigs()
    void loadSubscriptions()
  }, [loadAuthConfigs, loadSubscriptions])

  return (
    <PageLayout title="Auth configs" description={DESCRIPTION} layout="split">
      <div className="list-pane">
        <ListPane />
      </div>
      {editor ? (
        <div className="editor-pane">
          <AuthConfigEditor
            key={editor.kind === 'new' ? 'new' : editor.id}
            id={editor.kind === 'new' ? null : editor.id}
          />
        </div>
      ) : null}
    </PageLayout>
  )
}

function ListPane() {
  const configs = useAppStore((state) => state.authConfigs)
  const editor = useAppStore((state) => state.authConfigEditor)
  const loadAuthConfigs = useAppStore((state) => state.loadAuthConfigs)
  const open = useAppStore((state) => state.openAuthConfigEditor)

  if (configs.value === null) {
    if (configs.status === 'error') {
      return (
        <ErrorState
          title="Could not load the auth configs"
          error={configs.error}
          hint="Check that Hookbench is still running (the header shows the connection), then retry."
          onRetry={() => void loadAuthConfigs()}
        />
      )
    }
    return <p className="muted pane-message">Loading auth configs…</p>
  }
  if (configs.value.length === 0 && editor === null)
    return <AuthConfigsEmpty onCreate={() => open({ kind: 'new' })} />

  const count = configs.value.length
  return (
    <>
      <div className="pane-toolbar">
        <button type="button" className="button button-primary" onClick={() => open({ kind: 'new' })}>
          New auth config
        </button>
        <span className="muted">
          {count} {count === 1 ? 'auth config' : 'auth configs'}
        </span>
      </div>
      {count > 0 ? (
        <AuthConfigList items={configs.value} editor={editor} />
      ) : (
        <p className="muted pane-message">Fill in the form to create the first auth config.</p>
      )}
    </>
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
