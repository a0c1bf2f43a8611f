// Registers the accessibility matcher `toBeAccessible()` (axe-core rules) for the component tests.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
