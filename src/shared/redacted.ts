/**
 * What the API, the UI and exports show instead of a secret. Sent back in an update (a GET body
 * PUT back as is), it means "keep the secret already stored".
 */
export const REDACTED = '••••'
