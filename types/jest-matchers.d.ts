// The accessibility matcher that @salesforce/sfdx-lwc-jest registers through @sa11y/jest.
declare namespace jest {
  interface Matchers<R> {
    toBeAccessible(config?: unknown): Promise<R>;
  }
}
