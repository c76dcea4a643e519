import type { ReactNode } from 'react'

interface PageLayoutProps {
  title: string
  description: ReactNode
  /** `split` lets the body lay out its own scrolling panes instead of scrolling as a whole. */
  layout?: 'scroll' | 'split'
  children: ReactNode
}

export function PageLayout({ title, description, layout = 'scroll', children }: PageLayoutProps) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        <p className="page-description">{description}</p>
      </header>
      <div className={layout === 'split' ? 'page-body is-split' : 'page-body'}>{children}</div>
    </section>
  )
}
