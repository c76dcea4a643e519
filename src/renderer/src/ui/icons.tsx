import type { ReactNode } from 'react'

/** Small 16 px line icons drawn with the text colour, so they follow the theme. */
function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

/** Auth configs: a key. */
export function KeyIcon({ size = 16 }: { size?: number }) {
  return (
    <Icon size={size}>
      <circle cx="5.2" cy="10.8" r="2.9" />
      <path d="m7.3 8.7 6-6M11.2 4.8l1.6 1.6M9.6 6.4l1.2 1.2" />
    </Icon>
  )
}

export function SubscriptionsIcon() {
  return (
    <Icon>
      <path d="M8 2.5A3.5 3.5 0 0 0 4.5 6v2.6L3 11.2h10l-1.5-2.6V6A3.5 3.5 0 0 0 8 2.5Z" />
      <path d="M6.6 13.3a1.5 1.5 0 0 0 2.8 0" />
    </Icon>
  )
}

export function EventsIcon() {
  return (
    <Icon>
      <path d="M9.2 1.8 3.6 9h4.1l-1 5.2L12.4 7H8.3l.9-5.2Z" />
    </Icon>
  )
}

export function MessagesIcon() {
  return (
    <Icon>
      <path d="M14.2 1.8 1.8 6.9l5 2.2 2.2 5 5.2-12.3Z" />
      <path d="m14.2 1.8-7.4 7.3" />
    </Icon>
  )
}

export function InboxIcon() {
  return (
    <Icon>
      <path d="M1.8 9.2 3.6 3h8.8l1.8 6.2V13H1.8V9.2Z" />
      <path d="M1.8 9.2h3.7l1 1.6h3l1-1.6h3.7" />
    </Icon>
  )
}

/** Check an endpoint: a list with ticks. */
export function ChecksIcon() {
  return (
    <Icon>
      <path d="m2.2 4.2 1.2 1.2 2.2-2.4M2.2 10.2l1.2 1.2 2.2-2.4" />
      <path d="M8 4.3h5.8M8 10.3h5.8" />
    </Icon>
  )
}

export function SettingsIcon() {
  return (
    <Icon>
      <path d="M2 4h7M12.5 4H14M2 8h2M7.5 8H14M2 12h8M13.5 12h.5" />
      <circle cx="10.8" cy="4" r="1.6" />
      <circle cx="5.8" cy="8" r="1.6" />
      <circle cx="11.8" cy="12" r="1.6" />
    </Icon>
  )
}

export function SearchIcon() {
  return (
    <Icon size={14}>
      <circle cx="7" cy="7" r="4.2" />
      <path d="m10.2 10.2 3.3 3.3" />
    </Icon>
  )
}

export function BracesIcon() {
  return (
    <Icon size={28}>
      <path d="M5.5 2.5c-1.5 0-2 .7-2 2v1.7c0 1-.5 1.8-1.5 1.8 1 0 1.5.8 1.5 1.8v1.7c0 1.3.5 2 2 2" />
      <path d="M10.5 2.5c1.5 0 2 .7 2 2v1.7c0 1 .5 1.8 1.5 1.8-1 0-1.5.8-1.5 1.8v1.7c0 1.3-.5 2-2 2" />
    </Icon>
  )
}

export function LogoMark() {
  return (
    <svg
      className="logo-mark"
      width="20"
      height="20"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="16" height="16" rx="3.5" fill="var(--accent)" />
      <path
        d="M4.5 4v8M11.5 4v8M4.5 8h7"
        stroke="var(--accent-contrast)"
        strokeWidth="1.8"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  )
}
