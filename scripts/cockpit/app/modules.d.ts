// Modules that the cockpit build generates into the bundle's module folder.

declare module 'x/pages' {
  const pages: import('./lwc/x/app/pageTypes').CockpitPages;
  export default pages;
}
