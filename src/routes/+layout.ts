// The app runs wholly in the browser and can be served from any static host.
export const ssr = false;
export const prerender = false;
