// Imports a peer library from bench/peers/node_modules: a bare specifier
// resolves from this file's directory. Used by bench/side-by-side.mjs.
export const load = (name) => import(name);
