// tsconfig.core.json maps `electron` here: in core, http, host, cli and shared, any import from
// 'electron' resolves to this empty module and fails to type-check (the lint rule says why).
export {}
