/** Vite bundles imported stylesheets; they export nothing we use. */
declare module '*.css'
