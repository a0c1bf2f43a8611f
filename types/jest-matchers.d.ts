// The accessibility matcher that scripts/jest/setup-lwc.js registers through @sa11y/jest.
declare namespace jest {
  interface Matchers<R> {
    toBeAccessible(config?: unknown): Promise<R>;
  }
}
