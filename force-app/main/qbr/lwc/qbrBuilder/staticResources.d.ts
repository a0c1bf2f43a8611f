// URLs of the static resources the component loads with loadScript; the platform resolves each import to its URL.

declare module '@salesforce/resourceUrl/chartjs' {
  const url: string;
  export default url;
}

declare module '@salesforce/resourceUrl/pptxgenjs' {
  const url: string;
  export default url;
}
