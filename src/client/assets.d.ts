// Stylesheets are bundled by Bun's HTML bundler; importing one only has a side effect.
declare module '*.css';
