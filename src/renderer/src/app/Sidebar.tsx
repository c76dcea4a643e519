import { hrefOf, useAppStore } from '../state/index.ts'
import { navItems } from './nav-items.tsx'

/** Plain links to `#/page`: Tab and Enter work natively, and the store follows the hash. */
export function Sidebar() {
  const current = useAppStore((state) => state.page)
  return (
    <nav className="sidebar" aria-label="Pages">
      <ul className="nav-list">
        {navItems.map((item) => (
          <li key={item.page}>
            <a
              className="nav-link"
              href={hrefOf(item.page)}
              aria-current={item.page === current ? 'page' : undefined}
              onClick={() => item.startOver?.(useAppStore.getState())}
            >
              {item.icon}
              <span>{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
